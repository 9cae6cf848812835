import { describe, expect, it } from 'vitest';
import type { LearnerNote } from '../learner/notes.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspend-data.ts';

const note = (i: number, text = `note ${i}`): LearnerNote => ({ id: `n${i}`, chapterId: 'debut', time: i, text, createdAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_100 + i });

describe('SCORM suspend_data encoding', () => {
  it('round-trips position, watched ranges and live notes, compactly', () => {
    const state = { position: 83.4, watched: [[0, 12.5], [30, 61.2]] as [number, number][], notes: [note(1, 'idée « clé »; ;n'), { ...note(2), deleted: true }] };
    const encoded = encodeSuspendData(state, SUSPEND_DATA_LIMIT['1.2']);
    expect(encoded.notesIncluded).toBe(true);
    expect(encoded.text.startsWith('lp1;pn6;w0-3h,8c-h0;n')).toBe(true);
    expect(decodeSuspendData(encoded.text)).toEqual({ position: 83.4, watched: [[0, 12.5], [30, 61.2]], notes: [note(1, 'idée « clé »; ;n')] });
  });

  it('keeps a note on a passage with its end and its words', () => {
    const passage: LearnerNote = { ...note(4, 'avis'), end: 13.7, quote: 'Depuis 2015 je suis responsable' };
    const encoded = encodeSuspendData({ position: null, watched: [], notes: [passage, note(5)] }, SUSPEND_DATA_LIMIT['1.2']);
    expect(decodeSuspendData(encoded.text)?.notes).toEqual([passage, note(5)]);
  });

  it('never claims time that was not watched: starts round up, ends round down', () => {
    const { text } = encodeSuspendData({ position: null, watched: [[1.04, 2.06]], notes: [] }, 4096);
    expect(decodeSuspendData(text)).toEqual({ position: null, watched: [[1.1, 2]], notes: [] });
  });

  it('keeps position and ranges within 4 096 characters and leaves out the notes that do not fit', () => {
    const notes = Array.from({ length: 40 }, (_, i) => note(i, 'x'.repeat(200)));
    const encoded = encodeSuspendData({ position: 10, watched: [[0, 100]], notes }, SUSPEND_DATA_LIMIT['1.2']);
    expect(encoded.text.length).toBeLessThanOrEqual(4096);
    expect(encoded.notesIncluded).toBe(false);
    expect(decodeSuspendData(encoded.text)).toEqual({ position: 10, watched: [[0, 100]], notes: [] });
    const roomy = encodeSuspendData({ position: 10, watched: [[0, 100]], notes }, SUSPEND_DATA_LIMIT['2004']);
    expect(roomy.notesIncluded).toBe(true);
    expect(decodeSuspendData(roomy.text)?.notes).toHaveLength(40);
  });

  it('drops the shortest ranges first when even the ranges do not fit, and never exceeds the limit', () => {
    const watched = Array.from({ length: 1000 }, (_, i) => [i * 10, i * 10 + 1 + (i % 7)] as [number, number]);
    const encoded = encodeSuspendData({ position: 5, watched, notes: [] }, 4096);
    expect(encoded.text.length).toBeLessThanOrEqual(4096);
    expect(encoded.rangesDropped).toBeGreaterThan(0);
    const kept = decodeSuspendData(encoded.text)!.watched;
    const shortestKept = Math.min(...kept.map(([s, e]) => e - s));
    expect(kept).toHaveLength(1000 - encoded.rangesDropped);
    const lengths = watched.map(([s, e]) => e - s).sort((a, b) => a - b);
    expect(shortestKept).toBeGreaterThanOrEqual(lengths[encoded.rangesDropped - 1]!);
  });

  it('reads nothing from an empty string, another content’s data or damaged data', () => {
    for (const text of ['', 'foo', 'lp1;pZZ;w', 'lp1;p1;w1-', 'lp1;p1;w1-2-3', 'lp1;p1;w1-2;n[oops', 'lp1;p1;w1-2;n[["a"]]']) {
      expect(decodeSuspendData(text), text).toBeNull();
    }
  });
});
