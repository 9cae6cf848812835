import { describe, expect, it } from 'vitest';
import { PassageStop } from './passage-stop.ts';

/** Plays from `from` to `to` in frames of `step` seconds: the times at which the stop asked for a pause. */
function play(stop: PassageStop, from: number, to: number, step = 0.25): number[] {
  const pauses: number[] = [];
  for (let t = from; t <= to + 1e-9; t += step) if (stop.crossedEnd(t, true)) pauses.push(t);
  return pauses;
}

describe('PassageStop', () => {
  it('pauses once when playback runs across the end, not again after', () => {
    const stop = new PassageStop();
    stop.set({ start: 10, end: 12 });
    stop.seeked(10);
    expect(play(stop, 10, 13)).toEqual([12]);
    expect(play(stop, 13, 20)).toEqual([]);
    stop.seeked(10);
    expect(play(stop, 10, 13)).toEqual([]);
  });

  it('does nothing while paused or without a passage', () => {
    const stop = new PassageStop();
    expect(play(stop, 0, 30)).toEqual([]);
    stop.set({ start: 10, end: 12 });
    expect(stop.crossedEnd(11.9, false)).toBe(false);
    expect(stop.crossedEnd(12.1, false)).toBe(false);
    expect(stop.range).toEqual({ start: 10, end: 12 });
  });

  it('lets a seek jump over the end without pausing, and stays armed for playback that crosses it later', () => {
    const stop = new PassageStop();
    stop.set({ start: 10, end: 12 });
    stop.seeked(11);
    expect(stop.crossedEnd(11, true)).toBe(false);
    stop.seeked(40);
    expect(stop.crossedEnd(40, true)).toBe(false);
    // The seek bar moved the media without a seek through the store: a jump, not playback.
    expect(stop.crossedEnd(5, true)).toBe(false);
    expect(stop.crossedEnd(30, true)).toBe(false);
    stop.seeked(8);
    expect(play(stop, 8, 14)).toEqual([12]);
  });

  it('arms again for a new passage, and forgets it when set to none', () => {
    const stop = new PassageStop();
    stop.set({ start: 10, end: 12 });
    stop.seeked(10);
    expect(play(stop, 10, 13)).toEqual([12]);
    stop.set({ start: 20, end: 22.5 });
    stop.seeked(20);
    expect(play(stop, 20, 23)).toEqual([22.5]);
    stop.set(null);
    stop.seeked(20);
    expect(play(stop, 20, 23)).toEqual([]);
    expect(stop.range).toBeNull();
  });
});
