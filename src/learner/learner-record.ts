/**
 * What is kept for a learner and a lesson, as stored: a versioned record, its migration from older shapes, its
 * validation and the merge of two versions of it (two tabs, or memory and storage). DOM-free.
 */
import { isLearnerNote, mergeNotes, newNoteId, type LearnerNote } from './notes.ts';
import { normalizeRanges, type TimeRange } from './progress.ts';

export const RECORD_VERSION = 1;

export interface SavedPosition {
  time: number;
  updatedAt: number;
}

export interface LearnerRecord {
  version: 1;
  lessonId: string;
  /** When the learner last cleared this lesson's data: older versions of anything are dropped in a merge. */
  clearedAt: number;
  notes: LearnerNote[];
  /** Watched ranges, sorted and merged. */
  watched: TimeRange[];
  position: SavedPosition | null;
}

export function emptyRecord(lessonId: string, clearedAt = 0): LearnerRecord {
  return { version: 1, lessonId, clearedAt, notes: [], watched: [], position: null };
}

export type ReadResult =
  | { kind: 'ok'; record: LearnerRecord; migrated: boolean }
  | { kind: 'corrupt'; reason: string }
  /** Written by a newer player: readable by it only; this one must not overwrite it. */
  | { kind: 'newer'; version: number };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Version 0, the prototype's shape (no `version`): `{ notes: [{ chapter, time, text }], watched: [{ start, end }],
 * lastPosition }`, without ids nor dates. Its notes get ids and the date of the migration.
 */
function migrateV0(value: Record<string, unknown>, lessonId: string, now: number): LearnerRecord | string {
  const notes: LearnerNote[] = [];
  const rawNotes = value.notes ?? [];
  if (!Array.isArray(rawNotes)) return 'notes is not a list';
  for (const [i, n] of rawNotes.entries()) {
    if (!isObject(n) || typeof n.chapter !== 'string' || !finite(n.time) || typeof n.text !== 'string') return `note ${i + 1} has the wrong shape`;
    notes.push({ id: `v0-${i}-${newNoteId(now)}`, chapterId: n.chapter, time: Math.max(0, Math.floor(n.time)), text: n.text, createdAt: now, updatedAt: now });
  }
  const rawWatched = value.watched ?? [];
  if (!Array.isArray(rawWatched)) return 'watched is not a list';
  const watched: TimeRange[] = [];
  for (const r of rawWatched) {
    if (!isObject(r) || !finite(r.start) || !finite(r.end)) return 'a watched range has the wrong shape';
    watched.push([r.start, r.end]);
  }
  const last = value.lastPosition;
  if (last !== undefined && !finite(last)) return 'lastPosition is not a number';
  return {
    version: 1,
    lessonId,
    clearedAt: 0,
    notes,
    watched: normalizeRanges(watched),
    position: finite(last) ? { time: last, updatedAt: now } : null,
  };
}

function validateV1(value: Record<string, unknown>, lessonId: string): LearnerRecord | string {
  if (value.lessonId !== lessonId) return 'lessonId does not match';
  if (!finite(value.clearedAt)) return 'clearedAt is not a number';
  if (!Array.isArray(value.notes)) return 'notes is not a list';
  const bad = value.notes.findIndex((n) => !isLearnerNote(n));
  if (bad >= 0) return `note ${bad + 1} has the wrong shape`;
  if (!Array.isArray(value.watched) || !value.watched.every((r) => Array.isArray(r) && r.length === 2 && finite(r[0]) && finite(r[1]))) {
    return 'watched has the wrong shape';
  }
  const p = value.position;
  if (p !== null && !(isObject(p) && finite(p.time) && finite(p.updatedAt))) return 'position has the wrong shape';
  const position = p === null ? null : { time: p.time as number, updatedAt: p.updatedAt as number };
  return {
    version: 1,
    lessonId,
    clearedAt: value.clearedAt,
    notes: value.notes as LearnerNote[],
    watched: normalizeRanges(value.watched as TimeRange[]),
    position,
  };
}

/** Reads a stored string: the current shape, an older one migrated, or why it cannot be read. Never throws. */
export function readRecord(text: string, lessonId: string, now = Date.now()): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not JSON' };
  }
  if (!isObject(value)) return { kind: 'corrupt', reason: 'not an object' };
  return migrateRecord(value, lessonId, now);
}

/** Brings any known shape to the current version. */
export function migrateRecord(value: Record<string, unknown>, lessonId: string, now = Date.now()): ReadResult {
  const version = value.version;
  if (version === undefined || version === 0) {
    const record = migrateV0(value, lessonId, now);
    return typeof record === 'string' ? { kind: 'corrupt', reason: record } : { kind: 'ok', record, migrated: true };
  }
  if (version === RECORD_VERSION) {
    const record = validateV1(value, lessonId);
    return typeof record === 'string' ? { kind: 'corrupt', reason: record } : { kind: 'ok', record, migrated: false };
  }
  if (finite(version) && version > RECORD_VERSION) return { kind: 'newer', version };
  return { kind: 'corrupt', reason: 'unknown version' };
}

/** Merges two versions of a lesson's record: each note's latest version, the union of watched ranges, the latest position. */
export function mergeRecords(a: LearnerRecord, b: LearnerRecord): LearnerRecord {
  const clearedAt = Math.max(a.clearedAt, b.clearedAt);
  // Ranges carry no dates: those of a record older than the last clear are dropped whole.
  const watched = normalizeRanges([...(a.clearedAt === clearedAt ? a.watched : []), ...(b.clearedAt === clearedAt ? b.watched : [])]);
  const positions = [a.position, b.position].filter((p): p is SavedPosition => p !== null && p.updatedAt >= clearedAt);
  const position = positions.sort((x, y) => y.updatedAt - x.updatedAt)[0] ?? null;
  return { version: 1, lessonId: a.lessonId, clearedAt, notes: mergeNotes([a.notes, b.notes], clearedAt), watched, position };
}
