/**
 * Watched time as ranges of the media timeline, and what they say about each chapter and the lesson. DOM-free.
 *
 * Ranges come from real playback only (the learner session adds the span between two clock samples of continuous
 * playback; a seek is a jump, not watching). They are kept sorted and merged, so the list stays short.
 */

/** `[start, end]` in seconds, start < end. */
export type TimeRange = readonly [number, number];

/** Ranges closer than this are one: sampling leaves hairline gaps that are not "unwatched". */
const JOIN_GAP = 0.25;
/** A chapter watched for at least this share of its time counts as watched in full. */
export const FULL_SHARE = 0.9;

export type WatchedState = 'full' | 'part' | 'none';

/** Adds `[start, end]` to sorted, merged ranges; returns new sorted, merged ranges. */
export function addRange(ranges: readonly TimeRange[], start: number, end: number): TimeRange[] {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return normalizeRanges(ranges);
  return normalizeRanges([...ranges, [Math.max(0, start), end]]);
}

/** Sorts and merges ranges (overlapping or nearly touching), dropping invalid ones. */
export function normalizeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const valid = ranges
    .filter((r) => Array.isArray(r) && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[1] > r[0])
    .map(([s, e]) => [Math.max(0, s), e] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of valid) {
    const last = merged.at(-1);
    if (last && s <= last[1] + JOIN_GAP) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Seconds of `[start, end]` covered by the (sorted, merged) ranges. */
export function coveredSeconds(ranges: readonly TimeRange[], start: number, end: number): number {
  let total = 0;
  for (const [s, e] of ranges) {
    if (e <= start) continue;
    if (s >= end) break;
    total += Math.min(e, end) - Math.max(s, start);
  }
  return total;
}

/** The share of `[start, end]` watched, 0 to 1. */
export function watchedShare(ranges: readonly TimeRange[], start: number, end: number): number {
  const length = end - start;
  if (!(length > 0)) return 0;
  return Math.min(1, Math.max(0, coveredSeconds(ranges, start, end) / length));
}

/** Full at 90 % of its time or more, partly as soon as anything was watched. */
export function watchedState(share: number): WatchedState {
  if (share >= FULL_SHARE) return 'full';
  return share > 0 ? 'part' : 'none';
}

/** Whole percent of the lesson watched, floored (never claims 100 % before it is). */
export function lessonPercent(ranges: readonly TimeRange[], duration: number): number {
  return Math.floor(watchedShare(ranges, 0, duration) * 100);
}

/**
 * Whether a clock sample continues playback from the previous one. `mediaDelta` is the media time that passed,
 * `wallDelta` the real time, in seconds. Seeks are not judged here: the learner session learns them from the
 * store (its `seeked` fact and `seeking`) and starts its samples afresh. What is left to refuse is a clock that
 * went backwards or faster than playback can (16 times the real time): a sample that came late because the
 * machine was busy is still playback, however long the gap.
 */
export function isPlaybackStep(mediaDelta: number, wallDelta: number): boolean {
  if (!(mediaDelta > 0) || !(wallDelta > 0)) return false;
  return mediaDelta <= wallDelta * 16 + 0.05;
}

/** Whether to offer to resume at `position`: past the first 10 s and before the last 10 s. */
export function shouldOfferResume(position: number | null | undefined, duration: number): boolean {
  if (position == null || !Number.isFinite(position) || !(duration > 0)) return false;
  return position > 10 && position < duration - 10;
}
