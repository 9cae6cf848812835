/** Time → active item, by binary search over items sorted by start. No DOM; cost O(log n) per frame. */

export interface Timed {
  start: number;
  end: number;
}

/**
 * Index of the last item whose start ≤ time, or -1. Items must be sorted by start.
 * The search is over starts only, so it stays O(log n) whatever the overlaps.
 */
export function lastStartedIndex(items: readonly Timed[], time: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (items[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Index of the item active at `time` (start ≤ time < end), or -1 between items.
 * A cue is active from its start up to, not including, its end (as WebVTT's cue timing).
 */
export function activeIndexAt(items: readonly Timed[], time: number): number {
  const index = lastStartedIndex(items, time);
  if (index < 0) return -1;
  return time < items[index]!.end ? index : -1;
}

/**
 * The chapter at `time`: chapters are contiguous, so the last started one holds, and the last holds at the very end.
 */
export function chapterIndexAt(chapters: readonly Timed[], time: number): number {
  return lastStartedIndex(chapters, time);
}

/** The item to show as "current" in a transcript: the active cue, or the last one already spoken between cues. */
export function currentOrPreviousIndex(items: readonly Timed[], time: number): number {
  return lastStartedIndex(items, time);
}
