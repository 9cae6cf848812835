/**
 * The learner record in Web Storage (localStorage), per lesson, never throwing: storage may be missing, refused
 * (privacy settings, sandboxed frames), full, or hold something this player cannot read. Each of these is
 * reported as a kind of problem; the caller keeps working in memory.
 */
import { mergeRecords, readRecord, type LearnerRecord } from './learner-record.ts';

export type StorageProblem =
  /** Storage cannot be used at all: nothing will be kept after this page. */
  | 'unavailable'
  /** A write failed (storage full, or refused): the latest changes are only in memory. */
  | 'write-failed'
  /** What was stored could not be read: it was set aside under a `:corrupt:` key. */
  | 'corrupt'
  /** Written by a newer version of the player: left untouched, this page works in memory. */
  | 'newer';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEY_PREFIX = 'lesson-player:learner:';

export function recordKey(lessonId: string): string {
  return `${KEY_PREFIX}${lessonId}`;
}

export function corruptKey(lessonId: string, now: Date): string {
  return `${recordKey(lessonId)}:corrupt:${now.toISOString()}`;
}

/** localStorage, or null where merely touching it throws. */
export function browserStorage(): StorageLike | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

export interface LoadOutcome {
  record: LearnerRecord | null;
  problem?: StorageProblem;
  /** Where a record that could not be read was set aside. */
  setAsideKey?: string;
}

export class LearnerStorage {
  readonly key: string;
  /** Set when the stored record is a newer version's: never written over. */
  readOnly = false;

  constructor(
    private readonly storage: StorageLike | null,
    readonly lessonId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = recordKey(lessonId);
  }

  /** Reads the stored record. A record that cannot be read is moved aside (kept, never lost) and reported. */
  load(): LoadOutcome {
    if (!this.storage) return { record: null, problem: 'unavailable' };
    let text: string | null;
    try {
      text = this.storage.getItem(this.key);
    } catch {
      return { record: null, problem: 'unavailable' };
    }
    if (text === null) return { record: null };
    const result = readRecord(text, this.lessonId, this.now());
    if (result.kind === 'ok') return { record: result.record };
    if (result.kind === 'newer') {
      this.readOnly = true;
      return { record: null, problem: 'newer' };
    }
    const aside = corruptKey(this.lessonId, new Date(this.now()));
    try {
      this.storage.setItem(aside, text);
      this.storage.removeItem(this.key);
    } catch {
      // Could not move it: leave it where it is and do not write over it.
      this.readOnly = true;
      return { record: null, problem: 'corrupt' };
    }
    console.warn(`lesson-player: the saved notes and progress of "${this.lessonId}" could not be read (${result.reason}); kept under "${aside}"`);
    return { record: null, problem: 'corrupt', setAsideKey: aside };
  }

  /**
   * Merges `record` with what is stored now (another tab may have written) and writes the result. Returns the
   * merged record, which the caller adopts, and a problem when the write failed.
   */
  save(record: LearnerRecord): { record: LearnerRecord; problem?: StorageProblem } {
    if (!this.storage) return { record, problem: 'unavailable' };
    if (this.readOnly) return { record, problem: 'newer' };
    let merged = record;
    try {
      const text = this.storage.getItem(this.key);
      if (text !== null) {
        const stored = readRecord(text, this.lessonId, this.now());
        if (stored.kind === 'ok') merged = mergeRecords(stored.record, record);
      }
      this.storage.setItem(this.key, JSON.stringify(merged));
      return { record: merged };
    } catch {
      return { record: merged, problem: 'write-failed' };
    }
  }
}
