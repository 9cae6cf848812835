/**
 * The learner's state in a SCORM `cmi.suspend_data` string, compactly: position and watched ranges always (they are
 * what the platform needs to resume and to judge completion), the notes only when the whole still fits the
 * version's limit (4 096 characters in SCORM 1.2, 64 000 in 2004 4th edition). Never longer than the limit: a
 * platform would reject or silently truncate it. DOM-free.
 *
 * Format: `lp1;p<position>;w<start>-<end>,…[;n<notes JSON>]`, times in tenths of a second in base 36, notes as
 * `[[id, chapterId, time, text, createdAt, updatedAt(, end, quote)], …]` (live notes only: a deletion is kept in the
 * browser; `end` and `quote` for a note on a passage).
 */
import { normalizeRanges, type TimeRange } from '../learner/progress.ts';
import type { LearnerNote } from '../learner/notes.ts';

export type ScormVersion = '1.2' | '2004';

export const SUSPEND_DATA_LIMIT: Readonly<Record<ScormVersion, number>> = { '1.2': 4096, '2004': 64000 };

const PREFIX = 'lp1';

export interface SuspendState {
  position: number | null;
  watched: readonly TimeRange[];
  notes: readonly LearnerNote[];
}

export interface EncodedSuspendData {
  text: string;
  /** False when the notes did not fit (they stay in the browser only). */
  notesIncluded: boolean;
  /** Watched ranges left out to fit (the shortest first: never claims time that was not watched). */
  rangesDropped: number;
}

const tenths = (seconds: number) => Math.max(0, Math.round(seconds * 10)).toString(36);
const fromTenths = (text: string) => {
  if (!/^[0-9a-z]+$/.test(text)) return NaN;
  return parseInt(text, 36) / 10;
};

/** Each range as `start-end`; the start rounded up and the end down, so that rounding never claims time. */
function encodeRange([s, e]: TimeRange): string | null {
  const start = Math.ceil(s * 10) / 10;
  const end = Math.floor(e * 10) / 10;
  return end > start ? `${tenths(start)}-${tenths(end)}` : null;
}

function encodeNotes(notes: readonly LearnerNote[]): string {
  const live = notes.filter((n) => !n.deleted);
  if (!live.length) return '';
  return `;n${JSON.stringify(live.map((n) => [n.id, n.chapterId, n.time, n.text, n.createdAt, n.updatedAt, ...(n.end === undefined ? [] : [n.end, n.quote ?? ''])]))}`;
}

/** Encodes the state within `limit` characters. */
export function encodeSuspendData(state: SuspendState, limit: number): EncodedSuspendData {
  const head = `${PREFIX};p${state.position === null ? '' : tenths(state.position)};w`;
  const ranges = normalizeRanges(state.watched).flatMap((range) => {
    const text = encodeRange(range);
    return text ? [{ text, length: range[1] - range[0] }] : [];
  });
  // Over the limit, the shortest ranges go first: what is kept is still only time that was watched.
  const dropOrder = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.length - ranges[b]!.length);
  const dropped = new Set<number>();
  let size = head.length + ranges.reduce((sum, r) => sum + r.text.length + 1, -1);
  while (size > limit && dropped.size < ranges.length) {
    const i = dropOrder[dropped.size]!;
    dropped.add(i);
    size -= ranges[i]!.text.length + (dropped.size < ranges.length ? 1 : 0);
  }
  const rangesDropped = dropped.size;
  const core = head + ranges.filter((_, i) => !dropped.has(i)).map((r) => r.text).join(',');
  const notes = encodeNotes(state.notes);
  if (notes && core.length + notes.length <= limit) return { text: core + notes, notesIncluded: true, rangesDropped };
  return { text: core, notesIncluded: !notes, rangesDropped };
}

type NoteTuple = [string, string, number, string, number, number] | [string, string, number, string, number, number, number, string];

function isNoteTuple(value: unknown): value is NoteTuple {
  if (!Array.isArray(value) || (value.length !== 6 && value.length !== 8)) return false;
  const [id, chapterId, time, text, createdAt, updatedAt, end = time + 1, quote = ''] = value;
  return (
    typeof id === 'string' &&
    typeof chapterId === 'string' &&
    typeof text === 'string' &&
    typeof quote === 'string' &&
    [time, createdAt, updatedAt, end].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
    end > time
  );
}

/** Reads a string written by `encodeSuspendData`; null for anything else (empty, another content's data, damaged). */
export function decodeSuspendData(text: string): SuspendState | null {
  if (!text.startsWith(`${PREFIX};p`)) return null;
  const notesAt = text.indexOf(';n');
  const core = notesAt < 0 ? text : text.slice(0, notesAt);
  const match = /^lp1;p([0-9a-z]*);w([0-9a-z,-]*)$/.exec(core);
  if (!match) return null;
  const position = match[1] ? fromTenths(match[1]) : null;
  if (position !== null && Number.isNaN(position)) return null;
  const watched: TimeRange[] = [];
  for (const pair of match[2] ? match[2].split(',') : []) {
    const [s, e, extra] = pair.split('-');
    if (s === undefined || e === undefined || extra !== undefined) return null;
    const range = [fromTenths(s), fromTenths(e)] as const;
    if (range.some(Number.isNaN)) return null;
    watched.push(range);
  }
  let notes: LearnerNote[] = [];
  if (notesAt >= 0) {
    let raw: unknown;
    try {
      raw = JSON.parse(text.slice(notesAt + 2));
    } catch {
      return null;
    }
    if (!Array.isArray(raw) || !raw.every(isNoteTuple)) return null;
    notes = raw.map(([id, chapterId, time, noteText, createdAt, updatedAt, end, quote]) => ({
      id,
      chapterId,
      time: Math.floor(time),
      ...(end === undefined ? {} : { end, quote }),
      text: noteText,
      createdAt,
      updatedAt,
    }));
  }
  return { position, watched: normalizeRanges(watched), notes };
}
