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
  /** Problems kept per track; the rest are summed up in one last problem. */
  maxProblems: 5000,
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

class ProblemSink {
  readonly problems: LessonProblem[] = [];
  private dropped = 0;
  constructor(
    private readonly file: string,
    private readonly kind: LessonFileKind,
  ) {}
  add(severity: LessonProblem['severity'], rule: string, message: string, line?: number, col?: number): void {
    if (this.problems.length >= VTT_LIMITS.maxProblems) {
      this.dropped++;
      return;
    }
    const p: LessonProblem = { severity, file: this.file, kind: this.kind, message, rule };
    if (line !== undefined) p.line = line;
    if (col !== undefined) p.col = col;
    this.problems.push(p);
  }
  finish(): LessonProblem[] {
    if (this.dropped > 0) {
      this.problems.push({
        severity: 'error',
        file: this.file,
        kind: this.kind,
        message: `${this.dropped} more problems in this file were not reported.`,
        rule: 'too-many-problems',
        line: 1,
        col: 1,
      });
      this.dropped = 0;
    }
    return this.problems;
  }
}

/** 1-based column in code points of a 1-based UTF-16 column within `line`. */
function codePointCol(line: string, col: number): number {
  if (col <= 1) return 1;
  const prefix = line.slice(0, col - 1);
  let surrogatePairs = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < prefix.length) {
      const d = prefix.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return col - surrogatePairs;
}

const FRIENDLIER: Record<string, string> = {
  'Incorrect escape.': 'Incorrect character reference: write a literal "&" as "&amp;".',
  'Invalid setting.': 'Unknown cue setting (expected vertical, line, position, size or align).',
  'Incorrect start tag.': 'Unknown tag (expected b, i, u, c, v, lang, ruby or rt): write a literal "<" as "&lt;".',
};

function ruleFor(message: string): string {
  if (message.startsWith('Start timestamp is not greater')) return 'cue-order';
  if (message.startsWith('End timestamp is not greater')) return 'cue-timing';
  return 'vtt-syntax';
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
    parseInto(String(input), mode, sink, cues);
  } catch (e) {
    sink.add('error', 'vtt-internal', `The parser stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { cues, problems: sink.finish() };
}

function parseInto(input: string, mode: Mode, sink: ProblemSink, cues: RawCue[]): void {
  const text = input.indexOf('\0') === -1 ? input : input.replace(/\0/g, '\uFFFD');
  const lines = text.split(/\r\n|\r|\n/);
  let linePos = 0;
  let alreadyCollected = false;
  let previousStart = 0;
  const err = (message: string, col?: number, line = linePos + 1) => {
    const src = lines[line - 1] ?? '';
    sink.add('error', ruleFor(message), FRIENDLIER[message] ?? message, line, col === undefined ? undefined : codePointCol(src, col));
  };

  // Signature
  // The text is decoded already: decoding drops one BOM (decodeText, TextDecoder, fetch().text()); a BOM left here is a
  // second one, which makes the signature invalid (WPT signature-two-boms).
  const first = lines[0] ?? '';
  if (!/^WEBVTT(?:$|[ \t])/.test(first)) {
    sink.add('error', 'vtt-signature', 'The file must start with "WEBVTT" (on a line of its own or followed by a space).', 1, 1);
  }
  linePos++;

  // Header: anything up to the first blank line
  while (lines[linePos] !== undefined && lines[linePos] !== '') {
    if (lines[linePos]!.indexOf('-->') !== -1) {
      err('No blank line after the signature.', 1);
      alreadyCollected = true;
      break;
    }
    err('No blank line after the signature.', 1);
    linePos++;
  }

  const cueLimit = VTT_LIMITS.maxCueText;
  while (lines[linePos] !== undefined) {
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
        if (cues.length) err(`${what} blocks cannot appear after the first cue.`, 1, blockLine);
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
      err(message, p - starts[lo]! + 1, textLine + lo);
    };
    let nodes: CueNode[] = [];
    try {
      const tree = new webvtt.WebVTTCueTextParser(cueText, textErr, mode as TextTrackKind, { ...DEFAULT_ENTITIES }).parse(start, end);
      nodes = convertTree(tree.children ?? []);
    } catch (e) {
      err(`Unreadable cue text (${e instanceof Error ? e.message : String(e)}).`, 1, textLine);
      nodes = cueText ? [{ type: 'text', text: cueText }] : [];
    }
    const raw: RawCue = { id, start, end, line: timingLine, nodes, text: cueText, order: cues.length };
    if (idLine !== undefined) raw.idLine = idLine;
    cues.push(raw);
  }
}

/** Text-track cue order: by start time, then longest first, then source order. */
function sortCues<T extends { start: number; end: number; order: number }>(cues: T[]): T[] {
  return cues.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
}

/** Parses a caption (or subtitle) track. Cues are in text-track order, `index` from 0. Never throws. */
export function parseCaptions(text: string, file: string): ParsedTrack<Cue> {
  const raw = parseVttRaw(text, file, 'captions', 'captions');
  const items: Cue[] = sortCues(raw.cues).map((c, index) => ({
    id: c.id || `cue-${index}`,
    index,
    start: c.start,
    end: c.end,
    text: cueNodesToText(c.nodes),
    nodes: c.nodes,
    line: c.line,
  }));
  return { items, problems: raw.problems };
}

/**
 * Parses a chapter track. Each chapter's `id` is its cue identifier, which must be a slug; a missing or invalid one is
 * reported (`chapter-id-slug`) and replaced by a usable generated id. Never throws.
 */
export function parseChapters(text: string, file: string): ParsedTrack<Chapter> {
  const raw = parseVttRaw(text, file, 'chapters', 'chapters');
  const problems = raw.problems;
  const items: Chapter[] = sortCues(raw.cues).map((c, index) => {
    let id = c.id;
    if (!id) {
      id = `chapter-${index + 1}`;
      problems.push({
        severity: 'error',
        file,
        kind: 'chapters',
        rule: 'chapter-id-slug',
        message: `The chapter has no identifier: put a slug such as "introduction" on the line above its timings (using "${id}" meanwhile).`,
        line: c.line,
        col: 1,
      });
    } else if (!SLUG_PATTERN.test(id)) {
      const fixed = slugify(id) || `chapter-${index + 1}`;
      problems.push({
        severity: 'error',
        file,
        kind: 'chapters',
        rule: 'chapter-id-slug',
        message: `The chapter identifier "${id.length > 60 ? id.slice(0, 60) + '…' : id}" is not a slug (lowercase letters, digits and single dashes), e.g. "${fixed}".`,
        line: c.idLine ?? c.line,
        col: 1,
      });
      id = fixed;
    }
    return {
      id,
      index,
      title: cueNodesToText(c.nodes).replace(/\s+/g, ' ').trim(),
      start: c.start,
      end: c.end,
      line: c.line,
    };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return { items, problems };
}
