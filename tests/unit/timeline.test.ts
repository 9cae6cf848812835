import { describe, expect, it } from 'vitest';
import { activeIndexAt, chapterIndexAt, lastStartedIndex } from '../../src/core/timeline.ts';

const cues = [
  { start: 1, end: 2 },
  { start: 2, end: 3.5 },
  { start: 4, end: 5 },
];

describe('activeIndexAt', () => {
  it('finds nothing before the first cue', () => {
    expect(activeIndexAt(cues, 0)).toBe(-1);
    expect(activeIndexAt(cues, 0.999)).toBe(-1);
  });
  it('is active from the start, inclusive', () => {
    expect(activeIndexAt(cues, 1)).toBe(0);
  });
  it('hands over at the boundary between touching cues', () => {
    expect(activeIndexAt(cues, 1.999)).toBe(0);
    expect(activeIndexAt(cues, 2)).toBe(1);
  });
  it('finds nothing in a gap, and nothing from the end, exclusive', () => {
    expect(activeIndexAt(cues, 3.5)).toBe(-1);
    expect(activeIndexAt(cues, 3.9)).toBe(-1);
    expect(activeIndexAt(cues, 5)).toBe(-1);
    expect(activeIndexAt(cues, 100)).toBe(-1);
  });
  it('handles an empty list', () => {
    expect(activeIndexAt([], 1)).toBe(-1);
  });
  it('agrees with a linear scan on 4 000 cues', () => {
    const many = Array.from({ length: 4000 }, (_, i) => ({ start: i * 2.5, end: i * 2.5 + 2 }));
    for (let t = -1; t < 10_010; t += 0.37) {
      const linear = many.findIndex((c) => c.start <= t && t < c.end);
      expect(activeIndexAt(many, t)).toBe(linear);
    }
  });
});

describe('chapterIndexAt / lastStartedIndex', () => {
  const chapters = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
  ];
  it('holds the last started chapter, including at and past the end', () => {
    expect(chapterIndexAt(chapters, 0)).toBe(0);
    expect(chapterIndexAt(chapters, 9.99)).toBe(0);
    expect(chapterIndexAt(chapters, 10)).toBe(1);
    expect(chapterIndexAt(chapters, 20)).toBe(1);
    expect(lastStartedIndex(chapters, -0.1)).toBe(-1);
  });
});
