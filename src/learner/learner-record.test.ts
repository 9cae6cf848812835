import { describe, expect, it } from 'vitest';
import { emptyRecord, mergeRecords, readRecord, type LearnerRecord } from './learner-record.ts';
import { LearnerStorage, recordKey, type StorageLike } from './learner-storage.ts';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const note = (id: string, updatedAt: number, text = id, deleted = false) => ({ id, chapterId: 'c', time: 1, text, createdAt: 1, updatedAt, ...(deleted ? { deleted } : {}) });

describe('stored record', () => {
  it('migrates the version 0 shape (no version, no ids) to version 1', () => {
    const v0 = { notes: [{ chapter: 'intro', time: 12.7, text: 'ancienne' }], watched: [{ start: 0, end: 30 }], lastPosition: 131 };
    const result = readRecord(JSON.stringify(v0), 'lecon', NOW);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.migrated).toBe(true);
    expect(result.record).toMatchObject({ version: 1, lessonId: 'lecon', watched: [[0, 30]], position: { time: 131, updatedAt: NOW } });
    expect(result.record.notes).toEqual([expect.objectContaining({ chapterId: 'intro', time: 12, text: 'ancienne', updatedAt: NOW })]);
    expect(readRecord(JSON.stringify(result.record), 'lecon', NOW)).toEqual({ kind: 'ok', record: result.record, migrated: false });
  });

  it('says why a record cannot be read, and leaves a newer version alone', () => {
    expect(readRecord('{oops', 'lecon')).toEqual({ kind: 'corrupt', reason: 'not JSON' });
    expect(readRecord('[1]', 'lecon')).toEqual({ kind: 'corrupt', reason: 'not an object' });
    expect(readRecord(JSON.stringify({ ...emptyRecord('lecon'), notes: [{ id: 1 }] }), 'lecon').kind).toBe('corrupt');
    expect(readRecord(JSON.stringify({ ...emptyRecord('autre') }), 'lecon').kind).toBe('corrupt');
    expect(readRecord(JSON.stringify({ version: 2 }), 'lecon')).toEqual({ kind: 'newer', version: 2 });
  });

  it('merges two tabs: latest version of each note, deletions win over older edits, ranges united', () => {
    const a: LearnerRecord = { ...emptyRecord('lecon'), notes: [note('x', 5, 'x from a'), note('y', 1)], watched: [[0, 10]], position: { time: 5, updatedAt: 5 } };
    const b: LearnerRecord = { ...emptyRecord('lecon'), notes: [note('x', 3, 'x from b'), note('y', 2, 'y', true), note('z', 1)], watched: [[20, 30]], position: { time: 25, updatedAt: 9 } };
    const merged = mergeRecords(a, b);
    expect(merged.notes.map((n) => [n.id, n.text, Boolean(n.deleted)])).toEqual([
      ['x', 'x from a', false],
      ['y', 'y', true],
      ['z', 'z', false],
    ]);
    expect(merged.watched).toEqual([
      [0, 10],
      [20, 30],
    ]);
    expect(merged.position).toEqual({ time: 25, updatedAt: 9 });
    expect(mergeRecords(b, a)).toEqual(merged);
  });

  it('drops what is older than a clear, from either side', () => {
    const before: LearnerRecord = { ...emptyRecord('lecon'), notes: [note('x', 5)], watched: [[0, 10]], position: { time: 5, updatedAt: 5 } };
    const cleared = emptyRecord('lecon', 100);
    expect(mergeRecords(before, cleared)).toEqual(cleared);
  });
});

describe('storage', () => {
  it('sets aside a record it cannot read, under a dated key, and reports it', () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey('lecon'), '{not json');
    const outcome = new LearnerStorage(storage, 'lecon', () => NOW).load();
    expect(outcome).toEqual({ record: null, problem: 'corrupt', setAsideKey: `${recordKey('lecon')}:corrupt:2025-01-02T03:04:05.000Z` });
    expect(storage.getItem(recordKey('lecon'))).toBeNull();
    expect(storage.getItem(outcome.setAsideKey!)).toBe('{not json');
  });

  it('merges with what another tab stored before writing', () => {
    const storage = new MemoryStorage();
    const tabA = new LearnerStorage(storage, 'lecon');
    const tabB = new LearnerStorage(storage, 'lecon');
    tabA.save({ ...emptyRecord('lecon'), notes: [note('a', 1)] });
    const { record } = tabB.save({ ...emptyRecord('lecon'), notes: [note('b', 2)] });
    expect(record.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tabA.load().record?.notes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('reports a failed write or missing storage, and does not throw', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const record = { ...emptyRecord('lecon'), notes: [note('a', 1)] };
    expect(new LearnerStorage(storage, 'lecon').save(record)).toEqual({ record, problem: 'write-failed' });
    expect(new LearnerStorage(null, 'lecon').load()).toEqual({ record: null, problem: 'unavailable' });
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(new LearnerStorage(throwing, 'lecon').load()).toEqual({ record: null, problem: 'unavailable' });
  });

  it('never writes over a newer version’s record', () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey('lecon'), JSON.stringify({ version: 7 }));
    const store = new LearnerStorage(storage, 'lecon');
    expect(store.load().problem).toBe('newer');
    expect(store.save(emptyRecord('lecon')).problem).toBe('newer');
    expect(storage.getItem(recordKey('lecon'))).toBe('{"version":7}');
  });
});
