import { describe, expect, it } from 'vitest';
import { addRange, coveredSeconds, isPlaybackStep, lessonPercent, normalizeRanges, shouldOfferResume, watchedShare, watchedState } from './progress.ts';

describe('watched ranges', () => {
  it('merges overlapping and nearly touching ranges, keeps gaps', () => {
    let ranges = addRange([], 10, 12);
    ranges = addRange(ranges, 12.1, 14);
    ranges = addRange(ranges, 0, 2);
    ranges = addRange(ranges, 11, 13);
    expect(ranges).toEqual([
      [0, 2],
      [10, 14],
    ]);
  });

  it('drops empty, reversed and non-finite ranges', () => {
    expect(normalizeRanges([[5, 5], [6, 4], [Number.NaN, 3], [-2, 1]])).toEqual([[0, 1]]);
    expect(addRange([[1, 2]], 3, Infinity)).toEqual([[1, 2]]);
  });

  it('measures what part of a chapter was watched', () => {
    const ranges = normalizeRanges([
      [0, 5],
      [8, 20],
    ]);
    expect(coveredSeconds(ranges, 4, 10)).toBeCloseTo(3);
    expect(watchedShare(ranges, 10, 20)).toBe(1);
    expect(watchedShare(ranges, 30, 40)).toBe(0);
    expect(watchedShare(ranges, 5, 5)).toBe(0);
  });

  it('calls a chapter watched in full from 90 %, partly as soon as anything was', () => {
    expect(watchedState(0.9)).toBe('full');
    expect(watchedState(0.89)).toBe('part');
    expect(watchedState(0.001)).toBe('part');
    expect(watchedState(0)).toBe('none');
  });

  it('floors the lesson percentage', () => {
    expect(lessonPercent([[0, 69.9]], 200)).toBe(34);
    expect(lessonPercent([[0, 199.9]], 200)).toBe(99);
    expect(lessonPercent([[0, 10]], 0)).toBe(0);
  });
});

describe('playback or seek', () => {
  it('counts steps that fit the real time passed (up to 16×), not jumps', () => {
    expect(isPlaybackStep(0.25, 0.25)).toBe(true);
    expect(isPlaybackStep(1, 0.25)).toBe(true); // 4×
    expect(isPlaybackStep(5, 0.25)).toBe(false); // faster than playback can be
    expect(isPlaybackStep(3, 3)).toBe(true); // a sample 3 s late on a busy machine is still playback
    expect(isPlaybackStep(-3, 0.25)).toBe(false); // a seek backwards
    expect(isPlaybackStep(0, 0.25)).toBe(false);
    expect(isPlaybackStep(1, 0)).toBe(false);
  });
});

describe('resume offer', () => {
  it('is made after the first 10 s and before the last 10 s', () => {
    expect(shouldOfferResume(131, 300)).toBe(true);
    expect(shouldOfferResume(10, 300)).toBe(false);
    expect(shouldOfferResume(290, 300)).toBe(false);
    expect(shouldOfferResume(null, 300)).toBe(false);
    expect(shouldOfferResume(131, 0)).toBe(false);
  });
});
