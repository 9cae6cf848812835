/**
 * WebVTT → lesson model (captions and chapters), DOM-free.
 *
 * The file-level loop is a port of webvtt-parser's `WebVTTParser.parse` (itself the WebVTT spec's parser plus
 * validation), rewritten so that every cue keeps its source line and every problem its line and column.
 * Timings, settings and cue text are parsed by webvtt-parser's own `WebVTTCueTimingsAndSettingsParser` and
 * `WebVTTCueTextParser`. Inputs are untrusted: oversized lines and cue texts are cut before they reach those
 * parsers (some of their steps are quadratic or recursive), and every call is wrapped so that nothing throws.
 */
import * as webvttModule from 'webvtt-parser';
import type { Cue as ParserCue, TreeNode } from 'webvtt-parser';
import { SLUG_PATTERN, slugify } from './slug.ts';
import type { Chapter, Cue, CueNode, LessonFileKind, LessonProblem, ParsedTrack } from './types.ts';
import { classify, codePointCol, FRIENDLIER, ProblemSink } from './vtt-problems.ts';

// webvtt-parser is CommonJS without static exports: Node's ESM loader only exposes `default`, bundlers expose both.
type WebVTTModule = typeof webvttModule;
const webvtt: WebVTTModule = ((webvttModule as unknown as { default?: WebVTTModule }).default ?? webvttModule) as WebVTTModule;

// In its own module so that the manifest validator does not pull the WebVTT parser into the player's first chunk.
export { SLUG_PATTERN } from './slug.ts';

/** Guards against pathological inputs. */
export const VTT_LIMITS = {
  /** Longest timing line handed to the timings parser (its settings step is quadratic). */
  maxTimingLine: 1024,
  /** Longest cue text handed to the cue text parser (its tree step is recursive). */
  maxCueText: 16384,
};

/**
 * The character references WebVTT authors use. webvtt-parser looks them up with and without the `;`
 * (its built-in default lacks the `;` forms, which turns `&amp;` into `&;`).
 */
const DEFAULT_ENTITIES = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
  '&nbsp;': '\u00a0',
  '&amp': '&',
  '&lt': '<',
  '&gt': '>',
  '&lrm': '\u200e',
  '&rlm': '\u200f',
  '&nbsp': '\u00a0',
} as const;

type Mode = 'captions' | 'chapters' | 'metadata';

/** A cue as read from the file, before it becomes a caption or a chapter. */
export interface RawCue {
  /** The identifier line, '' when absent. */
  id: string;
  /** 1-based line of the identifier, when present. */
  idLine?: number;
  start: number;
  end: number;
  /** 1-based line of the timing line. */
  line: number;
  nodes: CueNode[];
  /** The cue text as written (markup and escapes included), lines joined by "\n". */
  text: string;
  /** Source order, from 0. */
  order: number;
}

export interface RawTrack {
  cues: RawCue[];
  problems: LessonProblem[];
}

/** webvtt-parser's tree → our CueNode tree (iterative, so a deep tree cannot overflow the stack). */
function convertTree(children: readonly TreeNode[]): CueNode[] {
  const out: CueNode[] = [];
  const stack: { src: readonly TreeNode[]; dst: CueNode[] }[] = [{ src: children, dst: out }];
  while (stack.length) {
    const { src, dst } = stack.pop()!;
    for (const n of src) {
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'text') dst.push({ type: 'text', text: String(n.value ?? '') });
      else if (n.type === 'timestamp') dst.push({ type: 'timestamp', time: Number(n.value) });
      else if (n.type === 'object') {
        const kids: CueNode[] = [];
        const tag = n.name as Extract<CueNode, { type: 'tag' }>['tag'];
        dst.push({
          type: 'tag',
          tag,
          classes: Array.isArray(n.classes) ? n.classes.map(String) : [],
          annotation: typeof n.value === 'string' ? n.value : '',
          children: kids,
        });
        if (Array.isArray(n.children)) stack.push({ src: n.children as readonly TreeNode[], dst: kids });
      }
    }
  }
  return out;
}

/** Plain text of a cue tree: text nodes only, ruby annotations (`<rt>`) left out. */
export function cueNodesToText(nodes: readonly CueNode[]): string {
  let out = '';
  const stack: (readonly CueNode[] | CueNode)[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length) {
    const n = stack.pop() as CueNode;
    if (n.type === 'text') out += n.text;
    else if (n.type === 'tag' && n.tag !== 'rt') {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}

/**
 * Parses a WebVTT file into raw cues, in source order, with located problems. Never throws.
 * `mode` selects webvtt-parser's checks: chapter titles may not hold markup.
 */
export function parseVttRaw(input: string, file: string, kind: LessonFileKind, mode: Mode): RawTrack {
  const sink = new ProblemSink(file, kind);
  const cues: RawCue[] = [];
  try {
    const steps = parseSteps(String(input), mode, sink, cues);
    while (!steps.next().done) continue;
  } catch (e) {
    sink.add('error', 'vtt-internal', `The parser stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { cues, problems: sink.finish() };
}

/** What a parse that gives the page back between its slices needs: a clock and a pause (a new task). */
export interface Slicer {
  now(): number;
  pause(): Promise<void>;
  /** Longest slice, in ms: under the 50 ms of a long task. */
  sliceMs: number;
}

/**
 * parseVttRaw in slices of at most `slicer.sliceMs` (checked between blocks), with a pause between them, so that a
 * long file never holds the page in one long task. The same cues and problems as parseVttRaw.
 */
export async function parseVttRawSliced(input: string, file: string, kind: LessonFileKind, mode: Mode, slicer: Slicer): Promise<RawTrack> {
  const sink = new ProblemSink(file, kind);
  const cues: RawCue[] = [];
  try {
    const steps = parseSteps(String(input), mode, sink, cues);
    let sliceEnd = slicer.now() + slicer.sliceMs;
    while (!steps.next().done) {
      if (slicer.now() < sliceEnd) continue;
      await slicer.pause();
      sliceEnd = slicer.now() + slicer.sliceMs;
    }
  } catch (e) {
    sink.add('error', 'vtt-internal', `The parser stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { cues, problems: sink.finish() };
}

/** The parse, one step per block of the file (a cue, a comment, a style or region block). */
function* parseSteps(input: string, mode: Mode, sink: ProblemSink, cues: RawCue[]): Generator<void, void, void> {
  const text = input.indexOf('\0') === -1 ? input : input.replace(/\0/g, '\uFFFD');
  const lines = text.split(/\r\n|\r|\n/);
  let linePos = 0;
  let alreadyCollected = false;
  let previousStart = 0;
  const err = (message: string, col?: number, line = linePos + 1, inCueText = false) => {
    const src = lines[line - 1] ?? '';
    // Browsers read any cue text: whatever its markup, the cue shows.
    const found = inCueText ? { rule: 'vtt-cue-text', severity: 'warning' as const, message: FRIENDLIER[message] ?? message } : classify(message);
    sink.add(found.severity, found.rule, found.message, line, col === undefined ? undefined : codePointCol(src, col));
  };

  // Signature
  // The text is decoded already: decoding drops one BOM (decodeText, TextDecoder, fetch().text()); a BOM left here is a
  // second one, which makes the signature invalid (WPT signature-two-boms).
  const first = lines[0] ?? '';
  if (!/^WEBVTT(?:$|[ \t])/.test(first)) {
    // Browsers refuse the whole file: no cue is read.
    sink.add('error', 'vtt-signature', 'The file must start with "WEBVTT" (on a line of its own or followed by a space): browsers read no cue from it.', 1, 1);
    return;
  }
  linePos++;

  // Header: anything up to the first blank line. Browsers ignore these lines (YouTube writes "Kind:" and "Language:"
  // there); a line with "-->" is a cue that lacks the blank line before it, and browsers read it.
  let headerWarned = false;
  while (lines[linePos] !== undefined && lines[linePos] !== '') {
    if (lines[linePos]!.indexOf('-->') !== -1) {
      sink.add('warning', 'vtt-header', 'A blank line is missing between the "WEBVTT" line and the first cue.', linePos + 1, 1);
      alreadyCollected = true;
      break;
    }
    if (!headerWarned) {
      sink.add(
        'warning',
        'vtt-header',
        `Browsers ignore the lines between "WEBVTT" and the first blank line (here "${lines[linePos]!.slice(0, 40)}"): put them in a NOTE block, or delete them.`,
        linePos + 1,
        1,
      );
      headerWarned = true;
    }
    linePos++;
  }

  const cueLimit = VTT_LIMITS.maxCueText;
  while (lines[linePos] !== undefined) {
    yield;
    if (!alreadyCollected) {
      while (lines[linePos] === '') linePos++;
      if (lines[linePos] === undefined) break;
    }
    let id = '';
    let idLine: number | undefined;
    let current = lines[linePos]!;
    if (current.indexOf('-->') === -1) {
      // A block without timings: a comment, a style or region block, or an identifier.
      if (/^NOTE(?:$|[ \t])/.test(current)) {
        linePos++;
        while (lines[linePos] !== undefined && lines[linePos] !== '') {
          if (lines[linePos]!.indexOf('-->') !== -1) err('A comment (NOTE) cannot hold "-->".', 1);
          linePos++;
        }
        continue;
      }
      if (/^(?:STYLE|REGION)(?:$|[ \t])/.test(current)) {
        const what = current.startsWith('STYLE') ? 'Style' : 'Region';
        const blockLine = linePos + 1;
        linePos++;
        while (lines[linePos] !== undefined && lines[linePos] !== '') {
          if (lines[linePos]!.indexOf('-->') !== -1) err(`A ${what.toLowerCase()} block cannot hold "-->".`, 1);
          linePos++;
        }
        if (cues.length) err(`${what} blocks cannot appear after the first cue; browsers ignore it.`, 1, blockLine);
        continue;
      }
      id = current;
      idLine = linePos + 1;
      linePos++;
      if (lines[linePos] === undefined || lines[linePos] === '') {
        err('A cue identifier must be followed by a timing line (or this text needs a timing line).', 1, idLine);
        continue;
      }
      if (lines[linePos]!.indexOf('-->') === -1) {
        err('A cue identifier must be followed by a timing line ("00:00.000 --> 00:01.000").', 1, idLine + 1);
        // Skip the rest of the block.
        while (lines[linePos] !== undefined && lines[linePos] !== '' && lines[linePos]!.indexOf('-->') === -1) linePos++;
        if (lines[linePos] !== undefined && lines[linePos] !== '') alreadyCollected = true;
        continue;
      }
      current = lines[linePos]!;
    }

    // Timings
    alreadyCollected = false;
    const timingLine = linePos + 1;
    let timing = current;
    if (timing.length > VTT_LIMITS.maxTimingLine) {
      err(`The timing line is too long (${timing.length} characters); only its start was read.`, VTT_LIMITS.maxTimingLine + 1);
      timing = timing.slice(0, VTT_LIMITS.maxTimingLine);
    }
    const parserCue = { startTime: 0, endTime: 0 } as ParserCue;
    let ok: true | undefined;
    try {
      ok = new webvtt.WebVTTCueTimingsAndSettingsParser(timing, (m, col) => err(m, col, timingLine)).parse(parserCue, previousStart);
    } catch (e) {
      err(`Unreadable timing line (${e instanceof Error ? e.message : String(e)}).`, 1, timingLine);
      ok = undefined;
    }
    linePos++;
    if (!ok) {
      // Bad cue: skip its text, but a line with "-->" starts the next cue.
      while (lines[linePos] !== undefined && lines[linePos] !== '') {
        if (lines[linePos]!.indexOf('-->') !== -1) {
          alreadyCollected = true;
          break;
        }
        linePos++;
      }
      continue;
    }

    // Cue text
    const textLine = linePos + 1;
    const parts: string[] = [];
    let length = 0;
    let cut = false;
    while (lines[linePos] !== undefined && lines[linePos] !== '') {
      const l = lines[linePos]!;
      if (l.indexOf('-->') !== -1) {
        err('A blank line is missing before this cue.', 1);
        alreadyCollected = true;
        break;
      }
      if (length + l.length > cueLimit) {
        if (!cut) err(`The cue text is too long (over ${cueLimit} characters); the rest was ignored.`, 1);
        cut = true;
        if (length < cueLimit) parts.push(l.slice(0, cueLimit - length));
        length = cueLimit;
      } else {
        parts.push(l);
        length += l.length + 1;
      }
      linePos++;
    }
    const cueText = parts.join('\n');
    const start = Number(parserCue.startTime);
    const end = Number(parserCue.endTime);
    previousStart = start;
    let nodes: CueNode[];
    if (!/[&<]/.test(cueText)) {
      // Without "&" or "<", webvtt-parser's cue text parser returns the whole text as one text node and reports
      // nothing (its tokenizer only leaves its data state on those two characters): most cues are such plain text,
      // and its character-by-character tokenizer was the largest cost of a 4 000-cue file.
      nodes = cueText ? [{ type: 'text', text: cueText }] : [];
    } else {
      nodes = parseCueText(cueText, textLine, start, end, mode, err);
    }
    const raw: RawCue = { id, start, end, line: timingLine, nodes, text: cueText, order: cues.length };
    if (idLine !== undefined) raw.idLine = idLine;
    cues.push(raw);
  }
}

/** The cue text through webvtt-parser's cue text parser, its problems located at their line and column. */
function parseCueText(
  cueText: string,
  textLine: number,
  start: number,
  end: number,
  mode: Mode,
  err: (message: string, col: number, line: number, inCueText: boolean) => void,
): CueNode[] {
  // Line starts of the cue text, to locate cue text errors.
  const starts: number[] = [0];
  for (let i = 0; i < cueText.length; i++) if (cueText.charCodeAt(i) === 10) starts.push(i + 1);
  const textErr = (message: string, pos: number) => {
    let p = Math.max(0, Math.min(cueText.length, (Number(pos) || 1) - 1));
    if (p === cueText.length && p > 0) p--; // errors at end of text: point at the last character
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    err(message, p - starts[lo]! + 1, textLine + lo, true);
  };
  try {
    const tree = new webvtt.WebVTTCueTextParser(cueText, textErr, mode as TextTrackKind, { ...DEFAULT_ENTITIES }).parse(start, end);
    return convertTree(tree.children ?? []);
  } catch (e) {
    err(`Unreadable cue text (${e instanceof Error ? e.message : String(e)}).`, 1, textLine, false);
    return cueText ? [{ type: 'text', text: cueText }] : [];
  }
}

/** Text-track cue order: by start time, then longest first, then source order. */
function sortCues<T extends { start: number; end: number; order: number }>(cues: T[]): T[] {
  return cues.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
}

/** A track that yields no cue: the learner lost it (core/problem-audience.ts), so this one is worded for them too. */
function emptyTrack(file: string, kind: 'captions' | 'chapters'): LessonProblem {
  const what = kind === 'captions' ? 'cue' : 'chapter';
  return { severity: 'error', file, kind, rule: 'track-empty', message: `The track has no ${what} that a browser can read.`, line: 1, col: 1 };
}

/** The first voice (`<v Name>`) of a cue, if any: the speaker's label. */
export function cueSpeaker(nodes: readonly CueNode[]): string | undefined {
  // Most cues are plain text: no tag, no voice, no allocation.
  if (!nodes.some((n) => n.type === 'tag')) return undefined;
  const stack: CueNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if (n.tag === 'v' && n.annotation.trim()) return n.annotation.trim();
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return undefined;
}

/**
 * Parses a caption (or subtitle) track. Cues are in text-track order, `index` from 0; cues without text are skipped
 * (with a warning: they would show nothing). Never throws.
 */
export function parseCaptions(text: string, file: string): ParsedTrack<Cue> {
  return captionsFrom(parseVttRaw(text, file, 'captions', 'captions'), file);
}

/** parseCaptions, in slices (see parseVttRawSliced). */
export async function parseCaptionsSliced(text: string, file: string, slicer: Slicer): Promise<ParsedTrack<Cue>> {
  return captionsFrom(await parseVttRawSliced(text, file, 'captions', 'captions', slicer), file);
}

function captionsFrom(raw: RawTrack, file: string): ParsedTrack<Cue> {
  const problems = raw.problems;
  const items: Cue[] = [];
  for (const c of sortCues(raw.cues)) {
    const plain = cueNodesToText(c.nodes);
    if (plain.trim() === '') {
      problems.push({ severity: 'warning', file, kind: 'captions', rule: 'cue-empty', message: 'The cue has no text: it is skipped.', line: c.line, col: 1 });
      continue;
    }
    const index = items.length;
    const cue: Cue = { id: c.id || `cue-${index}`, index, start: c.start, end: c.end, text: plain, nodes: c.nodes, line: c.line };
    const speaker = cueSpeaker(c.nodes);
    if (speaker) cue.speaker = speaker;
    items.push(cue);
  }
  if (problems.some((p) => p.rule === 'cue-empty')) problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (items.length === 0) problems.push(emptyTrack(file, 'captions'));
  return { items, problems };
}

/**
 * Parses a chapter track. Each chapter's `id` is its cue identifier when that is a slug; otherwise (no identifier, or
 * one such as "Chapitre 1") a stable slug made from its title (else from the identifier, else its position), so that
 * `#chapter=` links and notes still have an id: a warning says which. Never throws.
 */
export function parseChapters(text: string, file: string): ParsedTrack<Chapter> {
  return chaptersFrom(parseVttRaw(text, file, 'chapters', 'chapters'), file);
}

/** parseChapters, in slices (see parseVttRawSliced). */
export async function parseChaptersSliced(text: string, file: string, slicer: Slicer): Promise<ParsedTrack<Chapter>> {
  return chaptersFrom(await parseVttRawSliced(text, file, 'chapters', 'chapters', slicer), file);
}

function chaptersFrom(raw: RawTrack, file: string): ParsedTrack<Chapter> {
  const problems = raw.problems;
  const sorted = sortCues(raw.cues);
  const taken = new Set(sorted.map((c) => c.id).filter((id) => SLUG_PATTERN.test(id)));
  const items: Chapter[] = sorted.map((c, index) => {
    const title = cueNodesToText(c.nodes).replace(/\s+/g, ' ').trim();
    let id = c.id;
    if (!SLUG_PATTERN.test(id)) {
      const base = slugify(title) || slugify(id) || `chapter-${index + 1}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      const written = c.id.length > 60 ? c.id.slice(0, 60) + '…' : c.id;
      problems.push({
        severity: 'warning',
        file,
        kind: 'chapters',
        rule: 'chapter-id-slug',
        message: c.id
          ? `The chapter identifier "${written}" is not a slug (lowercase letters, digits and single dashes): the player uses "${id}", made from the title, in #chapter= links and notes.`
          : `The chapter has no identifier: the player uses "${id}", made from its title; put a slug on the line above its timings to choose it.`,
        line: c.idLine ?? c.line,
        col: 1,
      });
    }
    return { id, index, title, start: c.start, end: c.end, line: c.line };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (items.length === 0) problems.push(emptyTrack(file, 'chapters'));
  return { items, problems };
}
