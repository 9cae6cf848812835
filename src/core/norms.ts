/**
 * Captioning and chaptering norms, checked on parsed tracks. DOM-free.
 *
 * Characters are counted in Unicode code points, line breaks excluded. Findings carry the cue's source line.
 */
import type { Chapter, Cue, LessonProblem } from './types.ts';
import { SLUG_PATTERN } from './slug.ts';
import { formatVttTime } from './time.ts';

export interface CaptionRules {
  /** Lines per cue. */
  maxLines: number;
  /** Code points per line. */
  maxCharsPerLine: number;
  /** Reading speed: code points (line breaks excluded) per second of display. */
  maxCps: number;
  /** Seconds. */
  minDuration: number;
  /** Seconds. */
  maxDuration: number;
  /** Seconds between a cue's end and the next cue's start; below it is `cue-overlap`. 0 forbids only overlaps. */
  minGap: number;
}

export const DEFAULT_CAPTION_RULES: Readonly<CaptionRules> = Object.freeze({
  maxLines: 2,
  maxCharsPerLine: 42,
  maxCps: 17,
  minDuration: 5 / 6,
  maxDuration: 7,
  minGap: 0,
});

/** Default severity of each rule; `lessonlint.json` may override them. */
export const RULE_SEVERITY: Readonly<Record<string, LessonProblem['severity']>> = Object.freeze({
  'cue-lines': 'error',
  'cue-line-length': 'error',
  'cue-cps': 'warning',
  'cue-min-duration': 'warning',
  'cue-max-duration': 'warning',
  'cue-overlap': 'error',
  'cue-empty': 'warning',
  'cue-leading-dash-list': 'warning',
  'track-empty': 'error',
  'chapter-contiguous': 'error',
  'chapter-start': 'error',
  'chapter-id-unique': 'error',
  'chapter-id-slug': 'warning',
  'chapter-cover': 'error',
  'chapter-empty-title': 'error',
});

const round = (n: number, digits = 2) => String(Math.round(n * 10 ** digits) / 10 ** digits);

/** Number of Unicode code points. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A dash opening a line (not a minus sign before a number). */
const LEADING_DASH = /^\s*[-‐‑–—―](?!\s*\d)/;

/**
 * Whether the cue's dash-led lines read as a change of speaker: at least two lines, and either every line starts with
 * a dash, or every line but the first does (both conventions are in use). Anything else with a leading dash
 * (a single dashed line, dashes on some lines in the middle) looks like a list.
 */
function isSpeakerChange(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const dashed = lines.map((l) => LEADING_DASH.test(l));
  return dashed.every(Boolean) || (!dashed[0] && dashed.slice(1).every(Boolean));
}

/** Checks caption cues (in text-track order) against reading norms. */
export function checkCaptions(cues: readonly Cue[], file: string, rules: Partial<CaptionRules> = {}): LessonProblem[] {
  const r: CaptionRules = { ...DEFAULT_CAPTION_RULES, ...rules };
  const problems: LessonProblem[] = [];
  // `textLine`: the offending line of the cue's text (0-based), which follows the timing line; else the timing line.
  const add = (rule: string, cue: Cue, message: string, textLine?: number) =>
    problems.push({ severity: RULE_SEVERITY[rule] ?? 'error', file, kind: 'captions', rule, message, line: textLine === undefined ? cue.line : cue.line + 1 + textLine, col: 1 });
  // An empty track is reported by the parser (track-empty): there are no cues to check.
  if (cues.length === 0) return problems;
  let latest: Cue | undefined; // the previous cue that ends last
  for (const cue of cues) {
    const lines = cue.text.split('\n');
    const chars = lines.reduce((n, l) => n + codePointLength(l), 0);
    const duration = cue.end - cue.start;
    if (cue.text.trim() === '') {
      add('cue-empty', cue, 'The cue has no text.');
    } else {
      if (lines.length > r.maxLines) {
        add('cue-lines', cue, `The cue has ${lines.length} lines (at most ${r.maxLines}).`, r.maxLines);
      }
      lines.forEach((l, i) => {
        const len = codePointLength(l);
        if (len > r.maxCharsPerLine) {
          add('cue-line-length', cue, `Line ${i + 1} of the cue has ${len} characters (at most ${r.maxCharsPerLine}).`, i);
        }
      });
      if (duration > 0 && chars / duration > r.maxCps) {
        add(
          'cue-cps',
          cue,
          `The cue is read at ${round(chars / duration, 1)} characters per second (at most ${r.maxCps}): ${chars} characters in ${round(duration, 3)} s.`,
        );
      }
      if (lines.some((l) => LEADING_DASH.test(l)) && !isSpeakerChange(lines)) {
        add(
          'cue-leading-dash-list',
          cue,
          'A line starts with a dash, which in captions marks a change of speaker; for a list, write it as a sentence or use another bullet.',
          Math.max(0, lines.findIndex((l) => LEADING_DASH.test(l))),
        );
      }
    }
    if (duration > 0 && duration < r.minDuration) {
      add('cue-min-duration', cue, `The cue is shown for ${round(duration, 3)} s (at least ${round(r.minDuration, 3)} s).`);
    }
    if (duration > r.maxDuration) {
      add('cue-max-duration', cue, `The cue is shown for ${round(duration, 3)} s (at most ${round(r.maxDuration, 3)} s).`);
    }
    if (latest) {
      const gap = cue.start - latest.end;
      if (gap < 0) {
        add(
          'cue-overlap',
          cue,
          `The cue starts at ${formatVttTime(cue.start)}, before the cue of line ${latest.line} ends (${formatVttTime(latest.end)}).`,
        );
      } else if (r.minGap > 0 && gap < r.minGap - 1e-9) {
        add(
          'cue-overlap',
          cue,
          `The cue starts ${round(gap, 3)} s after the cue of line ${latest.line} ends (at least ${round(r.minGap, 3)} s apart).`,
        );
      }
    }
    if (!latest || cue.end >= latest.end) latest = cue;
  }
  return problems;
}

/** Tolerance, in seconds, when comparing chapter boundaries to each other. */
const EPSILON = 0.001;
/** Tolerance, in seconds, when comparing the chapters' end to the media's or captions' end. */
const COVER_TOLERANCE = 1;

/**
 * Checks a chapter track: chapters must start at 0, follow each other without gap or overlap, have unique slug ids and
 * titles, and end with the media (`mediaDuration`, ±1 s) and not before the captions end (`captionsEnd`, −1 s).
 */
export function checkChapters(
  chapters: readonly Chapter[],
  file: string,
  mediaDuration?: number,
  captionsEnd?: number,
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const add = (rule: string, line: number, message: string) =>
    problems.push({ severity: RULE_SEVERITY[rule] ?? 'error', file, kind: 'chapters', rule, message, line, col: 1 });
  // An empty track is reported by the parser (track-empty).
  if (chapters.length === 0) return problems;
  const first = chapters[0]!;
  if (Math.abs(first.start) > EPSILON) {
    add('chapter-start', first.line, `The first chapter starts at ${formatVttTime(first.start)}; it must start at 00:00.000.`);
  }
  const seen = new Map<string, Chapter>();
  chapters.forEach((ch, i) => {
    if (!SLUG_PATTERN.test(ch.id)) {
      add('chapter-id-slug', ch.line, `The chapter id "${ch.id}" is not a slug (lowercase letters, digits and single dashes).`);
    }
    const before = seen.get(ch.id);
    if (before) add('chapter-id-unique', ch.line, `The chapter id "${ch.id}" is already used by the chapter of line ${before.line}.`);
    else seen.set(ch.id, ch);
    if (ch.title.trim() === '') add('chapter-empty-title', ch.line, 'The chapter has no title.');
    const prev = chapters[i - 1];
    if (prev) {
      const gap = ch.start - prev.end;
      if (gap > EPSILON) {
        add(
          'chapter-contiguous',
          ch.line,
          `Gap of ${round(gap, 3)} s before this chapter: the previous one (line ${prev.line}) ends at ${formatVttTime(prev.end)}, this one starts at ${formatVttTime(ch.start)}.`,
        );
      } else if (gap < -EPSILON) {
        add(
          'chapter-contiguous',
          ch.line,
          `This chapter overlaps the previous one (line ${prev.line}) by ${round(-gap, 3)} s: it starts at ${formatVttTime(ch.start)}, before ${formatVttTime(prev.end)}.`,
        );
      }
    }
  });
  const last = chapters[chapters.length - 1]!;
  const end = chapters.reduce((m, c) => Math.max(m, c.end), -Infinity);
  if (mediaDuration !== undefined && Number.isFinite(mediaDuration) && mediaDuration > 0) {
    if (Math.abs(end - mediaDuration) > COVER_TOLERANCE) {
      add('chapter-cover', last.line, `The chapters end at ${formatVttTime(end)} but the media lasts ${formatVttTime(mediaDuration)}.`);
    }
  }
  if (captionsEnd !== undefined && Number.isFinite(captionsEnd) && end < captionsEnd - COVER_TOLERANCE) {
    add('chapter-cover', last.line, `The chapters end at ${formatVttTime(end)}, before the captions end (${formatVttTime(captionsEnd)}).`);
  }
  return problems;
}
