/**
 * The learner's own notes: plain records anchored to a chapter and a moment, merged by id. DOM-free.
 *
 * Two tabs (or an import) can hold different versions of the same notes: each note carries `updatedAt`, a merge
 * keeps the latest version of each id, and a deletion is a version too (a tombstone), so that a tab that has not
 * seen it yet cannot bring the note back.
 */

export interface LearnerNote {
  id: string;
  chapterId: string;
  /** Whole seconds: the moment the note is about (it round-trips through `#t=` links). */
  time: number;
  /** A note on a passage: where the passage ends (seconds, after `time`, which is where it starts). */
  end?: number;
  /** A note on a passage: the passage's words, as selected in the transcript (untrusted text). */
  quote?: string;
  /** Untrusted text: only ever shown as text. */
  text: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** A tombstone: the note was deleted at `updatedAt`. */
  deleted?: boolean;
}

/** The most a note can hold: a note is not a document, and storage is small. */
export const MAX_NOTE_LENGTH = 20_000;

/** A new id, unique enough for one learner's notes across tabs. */
export function newNoteId(now = Date.now(), random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

/** Which of two versions of a note wins: the latest; on a tie, a deletion, then the longer text (deterministic). */
function newer(a: LearnerNote, b: LearnerNote): LearnerNote {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  if (Boolean(a.deleted) !== Boolean(b.deleted)) return a.deleted ? a : b;
  return a.text.length >= b.text.length ? a : b;
}

/** Merges note lists by id, keeping each note's latest version; drops versions older than `clearedAt`. */
export function mergeNotes(lists: readonly (readonly LearnerNote[])[], clearedAt = 0): LearnerNote[] {
  const byId = new Map<string, LearnerNote>();
  for (const list of lists) {
    for (const note of list) {
      if (note.updatedAt < clearedAt) continue;
      const known = byId.get(note.id);
      byId.set(note.id, known ? newer(known, note) : note);
    }
  }
  return sortNotes([...byId.values()]);
}

/** In reading order: by time, then by creation. */
export function sortNotes(notes: LearnerNote[]): LearnerNote[] {
  return notes.sort((a, b) => a.time - b.time || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The notes a learner sees (tombstones left out). */
export function liveNotes(notes: readonly LearnerNote[]): LearnerNote[] {
  return notes.filter((n) => !n.deleted);
}

/** Checks a stored or imported note's shape. */
export function isLearnerNote(value: unknown): value is LearnerNote {
  if (!value || typeof value !== 'object') return false;
  const n = value as Record<string, unknown>;
  return (
    typeof n.id === 'string' &&
    n.id.length > 0 &&
    n.id.length <= 64 &&
    typeof n.chapterId === 'string' &&
    typeof n.time === 'number' &&
    Number.isFinite(n.time) &&
    n.time >= 0 &&
    typeof n.text === 'string' &&
    n.text.length <= MAX_NOTE_LENGTH &&
    (n.end === undefined || (typeof n.end === 'number' && Number.isFinite(n.end) && n.end > n.time)) &&
    (n.quote === undefined || (typeof n.quote === 'string' && n.quote.length <= MAX_NOTE_LENGTH)) &&
    typeof n.createdAt === 'number' &&
    Number.isFinite(n.createdAt) &&
    typeof n.updatedAt === 'number' &&
    Number.isFinite(n.updatedAt) &&
    (n.deleted === undefined || typeof n.deleted === 'boolean')
  );
}
