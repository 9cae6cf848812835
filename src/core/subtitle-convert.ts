/**
 * SubRip (.srt) and YouTube SubViewer (.sbv) files → WebVTT. DOM-free, never throws.
 *
 * Written here rather than taken from npm: the maintained parsers (srt-parser-2, subsrt-ts, subtitle) take a
 * string, so none detects Windows-1252; srt-parser-2 and subsrt-ts skip what they cannot read without saying where,
 * and none maps SRT's tags to WebVTT's. The formats are small: blocks separated by blank lines, an optional cue
 * number, a timing line, text lines.
 */
import { firstInvalidUtf8 } from './decode.ts';

export type SubtitleFormat = 'srt' | 'sbv';
export type SubtitleEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';

export interface SubtitleCue {
  start: number;
  end: number;
  /** WebVTT cue text: SRT's <i>, <b>, <u> kept, other tags dropped, `&`, `<`, `>` escaped. */
  text: string;
}

export type ConversionResult =
  | { ok: true; format: SubtitleFormat; cues: SubtitleCue[]; vtt: string }
  | { ok: false; format: SubtitleFormat; line: number; message: string };

/**
 * Subtitle file bytes as text. UTF-8 with or without BOM, UTF-16 with a BOM; anything else that is not valid UTF-8
 * is read as Windows-1252 (French SRT files from older tools): one byte, one character, so no mojibake.
 */
export function decodeSubtitleBytes(bytes: Uint8Array): { text: string; encoding: SubtitleEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (firstInvalidUtf8(bytes) === -1) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
}

/** Windows-1252's 0x80–0x9F (’, “, ”, …, Œ, €…); the rest of the byte range is Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decoded by hand: some runtimes (Node among them) decode the "windows-1252" label as ISO-8859-1, which turns
 * 0x80–0x9F into control characters instead of the apostrophes and ellipses French files are full of.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/** `00:01:02,500`, `0:01:02.5`, `01:02,500` (hours optional); the fraction is milliseconds, one to three digits. */
const TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?`;
const SRT_TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s+.*)?$`);
const SBV_TIMING = new RegExp(String.raw`^\s*${TIME}\s*,\s*${TIME}\s*$`);

/** The format a file's name or first timing line says. */
export function subtitleFormat(name: string, text: string): SubtitleFormat | undefined {
  if (/\.srt$/i.test(name)) return 'srt';
  if (/\.sbv$/i.test(name)) return 'sbv';
  for (const line of text.split(/\r\n|\r|\n/, 20)) {
    if (SRT_TIMING.test(line)) return 'srt';
    if (SBV_TIMING.test(line)) return 'sbv';
  }
  return undefined;
}

function seconds(m: RegExpExecArray, at: number): number | string {
  const [h, min, s, frac] = [m[at], m[at + 1], m[at + 2], m[at + 3]];
  if (Number(min) > 59 || Number(s) > 59) return 'minutes and seconds go up to 59';
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + ms / 1000;
}

/** WebVTT timestamp: hours always written, on two digits at least. */
export function vttTimestamp(t: number): string {
  const ms = Math.round(t * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Tags WebVTT has too; SRT writes them in either case, sometimes with attributes. */
const KEPT_TAGS = new Set(['i', 'b', 'u']);

/** SRT/SBV cue text → WebVTT cue text: kept tags lowercased, other tags and `{\an8}`-style codes dropped, the rest escaped. */
export function toVttCueText(text: string): string {
  let out = '';
  const tag = /<\s*(\/?)\s*([a-zA-Z]+)[^<>]*>|\{\\[^}]*\}/g;
  let last = 0;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    out += escape(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (name && KEPT_TAGS.has(name)) out += `<${m[1]}${name}>`;
  }
  out += escape(text.slice(last));
  // A blank line would end the cue; "-->" would start one.
  return out
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n')
    .replace(/--&gt;/g, '-\u2011&gt;');
}

/** Parses an SRT or SBV file (already decoded). Refuses, with the line that broke, what is not one. */
export function convertSubtitles(text: string, format: SubtitleFormat): ConversionResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const timing = format === 'srt' ? SRT_TIMING : SBV_TIMING;
  const example = format === 'srt' ? '00:00:01,000 --> 00:00:02,500' : '0:00:01.000,0:00:02.500';
  // Raw text lines per cue, converted once all are read (a later block may continue a cue's text).
  const cues: { start: number; end: number; raw: string[] }[] = [];
  const fail = (line: number, message: string): ConversionResult => ({ ok: false, format, line, message });
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    // SRT numbers its cues; gaps and restarts do not matter. SBV has no numbers.
    if (format === 'srt' && /^\s*\d+\s*$/.test(lines[i]!) && i + 1 < lines.length && !timing.test(lines[i]!)) i++;
    const m = timing.exec(lines[i] ?? '');
    if (!m) {
      const found = (lines[i] ?? '').slice(0, 60);
      if (cues.length === 0 || /^\s*\d+\s*$/.test(lines[blockStart]!)) {
        return fail(i + 1, `expected a timing line such as "${example}", found "${found}"`);
      }
      // A blank line inside a cue's text: the text goes on.
      const previous = cues[cues.length - 1]!;
      for (; i < lines.length && lines[i]!.trim() !== ''; i++) previous.raw.push(lines[i]!);
      continue;
    }
    const start = seconds(m, 1);
    const end = seconds(m, 5);
    if (typeof start === 'string' || typeof end === 'string') return fail(i + 1, `invalid time: ${typeof start === 'string' ? start : end}`);
    if (end <= start) return fail(i + 1, 'the cue ends before it starts');
    i++;
    const raw: string[] = [];
    for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
      if (timing.test(lines[i]!)) return fail(i + 1, 'a blank line is missing before this timing line');
      raw.push(format === 'sbv' ? lines[i]!.replace(/\[br\]/gi, '\n') : lines[i]!);
    }
    cues.push({ start, end, raw });
  }
  if (cues.length === 0) return fail(1, `no cue: expected a timing line such as "${example}"`);
  // Cues left without text (only tags or codes) would show nothing.
  const converted = cues.map(({ start, end, raw }) => ({ start, end, text: toVttCueText(raw.join('\n')) })).filter((c) => c.text !== '');
  const body = converted.map((c) => `${vttTimestamp(c.start)} --> ${vttTimestamp(c.end)}\n${c.text}`).join('\n\n');
  return { ok: true, format, cues: converted, vtt: `WEBVTT\n\n${body}\n` };
}
