/**
 * Deep links: `#t=90`, `#t=1:30`, `#t=1m30s`, `#chapter=<id>`, and passages as Media Fragments write them:
 * `#t=83,88`, `#t=npt:1:23,1:28`, `#t=,20` (from the start), combinable with `&`. Untrusted input: bad values
 * (a reversed or empty range included) become warnings, never exceptions.
 */
import { isChapterId } from './slug.ts';
import { parseTime } from './time.ts';

export interface DeepLink {
  time?: number;
  /** The end of a passage (`t=start,end`): playback pauses there once. Always after `time`. */
  end?: number;
  chapter?: string;
  /** Human-readable reasons why parts of the fragment were ignored. */
  warnings: string[];
}

const MAX_FRAGMENT = 512;

/** Where a link sends the lesson: a time, and a passage's end. */
export interface LinkTarget {
  time: number;
  end?: number;
}

/**
 * The target of a fragment in a lesson with these chapters: `#chapter=` wins when the chapter exists, else `#t=`.
 * Every part ignored (a bad value, an unknown chapter) is in `warnings`.
 */
export function linkTarget(fragment: string, chapters: readonly { id: string; start: number }[]): { target: LinkTarget | null; warnings: string[] } {
  const link = parseDeepLink(fragment);
  const warnings = [...link.warnings];
  if (link.chapter) {
    const chapter = chapters.find((c) => c.id === link.chapter);
    if (chapter) return { target: { time: chapter.start }, warnings };
    warnings.push(`no chapter "${link.chapter}" in this lesson`);
  }
  return { target: link.time === undefined ? null : { time: link.time, end: link.end }, warnings };
}

/** Parses a URL fragment (with or without its leading `#`) or a query string. */
export function parseDeepLink(fragment: string): DeepLink {
  const link: DeepLink = { warnings: [] };
  if (typeof fragment !== 'string') return link;
  let raw = fragment.replace(/^[#?]/, '');
  if (raw === '') return link;
  if (raw.length > MAX_FRAGMENT) {
    link.warnings.push(`fragment longer than ${MAX_FRAGMENT} characters ignored`);
    return link;
  }
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      link.warnings.push(`"${key}" is not valid percent-encoding`);
      continue;
    }
    if (key === 't') {
      const range = parseTimeRange(value);
      if (typeof range === 'string') link.warnings.push(`t=${JSON.stringify(value)} ${range}`);
      else {
        link.time = range.start;
        if (range.end !== undefined) link.end = range.end;
      }
    } else if (key === 'chapter') {
      if (isChapterId(value)) link.chapter = value;
      else link.warnings.push(`chapter=${JSON.stringify(value)} is not a chapter id`);
    }
  }
  return link;
}

/**
 * A time or a passage as `t=` and the element's `start` write it: `90`, `1:30`, `83,88`, `npt:83,88`, `,88`.
 * Returns why it is not one otherwise.
 */
export function parseTimeRange(raw: string): { start: number; end?: number } | string {
  const value = raw.trim().replace(/^npt:/i, '');
  const parts = value.split(',');
  if (parts.length > 2) return 'is not a time (try 90, 1:30 or 1m30s) nor a passage (83,88)';
  const [first = '', second] = parts;
  // `t=,88` is a passage from the beginning; `t=83,` one with no end, read as the moment 83.
  const start = first === '' && second ? 0 : parseTime(first);
  if (start === undefined) return 'is not a time (try 90, 1:30 or 1m30s)';
  if (second === undefined || second.trim() === '') return { start };
  const end = parseTime(second);
  if (end === undefined) return 'does not end at a time (try 83,88)';
  if (end <= start) return 'is a passage that ends before it starts';
  return { start, end };
}

/** The fragment for a moment: `t=75` (seconds, as Media Fragments and YouTube both read it). */
export function timeFragment(seconds: number): string {
  return `t=${Math.max(0, Math.floor(seconds))}`;
}

/**
 * The fragment for a passage: `t=83,88.4` (Media Fragments). The start in whole seconds, as for a moment; the end
 * rounded up to a tenth, so the passage's last words are heard and little of what follows.
 */
export function passageFragment(start: number, end: number): string {
  return `${timeFragment(start)},${passageEnd(start, end)}`;
}

/** A passage's end as links and notes keep it: rounded up to a tenth, after its floored start. */
export function passageEnd(start: number, end: number): number {
  const from = Math.max(0, Math.floor(start));
  return Number(Math.max(from + 0.1, Math.ceil(end * 10 - 1e-6) / 10).toFixed(1));
}
