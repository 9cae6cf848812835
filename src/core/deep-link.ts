/**
 * Deep links: `#t=90`, `#t=1:30`, `#t=1m30s`, `#t=npt:90,100` (Media Fragments; the end is ignored),
 * `#chapter=<id>`, combinable with `&`. Untrusted input: bad values become warnings, never exceptions.
 */
import { isChapterId } from './slug.ts';
import { parseTime } from './time.ts';

export interface DeepLink {
  time?: number;
  chapter?: string;
  /** Human-readable reasons why parts of the fragment were ignored. */
  warnings: string[];
}

const MAX_FRAGMENT = 512;

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
      const start = value.split(',')[0] ?? '';
      const time = parseTime(start);
      if (time === undefined) link.warnings.push(`t=${JSON.stringify(value)} is not a time (try t=90, t=1:30 or t=1m30s)`);
      else link.time = time;
    } else if (key === 'chapter') {
      if (isChapterId(value)) link.chapter = value;
      else link.warnings.push(`chapter=${JSON.stringify(value)} is not a chapter id`);
    }
  }
  return link;
}

/** The fragment for a moment: `t=75` (seconds, as Media Fragments and YouTube both read it). */
export function timeFragment(seconds: number): string {
  return `t=${Math.max(0, Math.floor(seconds))}`;
}
