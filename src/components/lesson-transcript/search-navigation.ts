/** Moving between search matches in the transcript, without the DOM. */
import type { TextMatch } from '../../core/search.ts';

/**
 * The match after (`+1`) or before (`-1`) match `current` among `total`, wrapping around like a browser's find.
 * With no current match (-1), the first (or last) one.
 */
export function stepMatch(current: number, total: number, direction: 1 | -1): number {
  if (total <= 0) return -1;
  if (current < 0 || current >= total) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

/**
 * The match to start from for a new query: the first one in or after the line being spoken, so that searching
 * does not send the reader back to the start of the lesson; the first one when all lie before.
 */
export function firstMatchFrom(matches: readonly TextMatch[], cueIndex: number): number {
  if (!matches.length) return -1;
  const at = matches.findIndex((m) => m.item >= cueIndex);
  return at < 0 ? 0 : at;
}

/** The start times of the cues holding a match, once each, in order: the marks on the seek bar. */
export function matchCueTimes(matches: readonly TextMatch[], cueStarts: readonly number[]): number[] {
  const times: number[] = [];
  let lastItem = -1;
  for (const match of matches) {
    if (match.item === lastItem) continue;
    lastItem = match.item;
    const start = cueStarts[match.item];
    if (start !== undefined) times.push(start);
  }
  return times;
}

/** What the search status says: nothing without a query, "no match", or the position among the matches. */
export function searchStatusText(
  query: string,
  current: number,
  total: number,
  strings: { searchNone: string; searchCount: (index: number, total: number) => string },
): string {
  if (!query.trim()) return '';
  if (total === 0) return strings.searchNone;
  return strings.searchCount(Math.max(0, current) + 1, total);
}
