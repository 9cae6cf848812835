/** Searching the transcript and moving between its matches, without the DOM. */
import { findMatches, type TextMatch } from '../../core/search.ts';

/**
 * The match after (`+1`) or before (`-1`) match `current` among `total`, wrapping around like a browser's find.
 * With no current match (-1), the first (or last) one.
 */
export function stepMatch(current: number, total: number, direction: 1 | -1): number {
  if (total <= 0) return -1;
  if (current < 0 || current >= total) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

/** Where a searched item stands in reading order: a line's cue index, a number between two lines for the rest. */
export type ReadingPosition = (item: number) => number;

const itemOrder: ReadingPosition = (item) => item;

/**
 * The match to start from for a new query: the first one in or after the line being spoken, so that searching
 * does not send the reader back to the start of the lesson; the first one when all lie before.
 */
export function firstMatchFrom(matches: readonly TextMatch[], cueIndex: number, positionOf: ReadingPosition = itemOrder): number {
  if (!matches.length) return -1;
  const at = matches.findIndex((m) => positionOf(m.item) >= cueIndex);
  return at < 0 ? 0 : at;
}

/** The start times of the items (cues, descriptions) holding a match, once each, in order: the marks on the seek bar. */
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

/**
 * The indexes in `matches` (in reading order) of the matches at reading positions `first` to `end` (excluded): binary
 * search. The range can hold an item between two of its lines (a description): the caller tells them apart.
 */
export function matchesInLines(
  matches: readonly TextMatch[],
  first: number,
  end: number,
  positionOf: ReadingPosition = itemOrder,
): { from: number; to: number } {
  const at = (position: number) => {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positionOf(matches[mid]!.item) < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { from: at(first), to: at(end) };
}

/** A search of the transcript: the query, its matches over the whole text and the current one. */
export class SearchSession {
  #query = '';
  #matches: TextMatch[] = [];
  #positionOf: ReadingPosition = itemOrder;
  #current = -1;
  /** Whether the current match has been visited with Enter since the query changed. */
  #visited = false;

  get query(): string {
    return this.#query;
  }

  get matches(): readonly TextMatch[] {
    return this.#matches;
  }

  /** Index of the current match in `matches`, -1 for none. */
  get current(): number {
    return this.#current;
  }

  get currentMatch(): TextMatch | undefined {
    return this.#matches[this.#current];
  }

  /** Where an item of the last search stands in reading order. */
  get positionOf(): ReadingPosition {
    return this.#positionOf;
  }

  /**
   * Searches the texts, matches put in reading order by `positionOf` (items in order by default); the current match
   * is the first one in or after line `from` (the spoken one).
   */
  find(query: string, texts: readonly string[], from: number, positionOf: ReadingPosition = itemOrder): void {
    this.#query = query;
    this.#positionOf = positionOf;
    // A stable sort: matches in one item keep their order.
    this.#matches = findMatches(texts, query).sort((a, b) => positionOf(a.item) - positionOf(b.item));
    this.#current = firstMatchFrom(this.#matches, Math.max(0, from), positionOf);
    this.#visited = false;
  }

  /**
   * Moves to the next (+1) or previous (-1) match, wrapping. `fromField` is Enter in the field: the first Enter
   * goes to the match already shown as current rather than skipping it. False when there is no match.
   */
  step(direction: 1 | -1, fromField = false): boolean {
    if (!this.#matches.length) return false;
    const stay = fromField && direction === 1 && !this.#visited;
    if (!stay) this.#current = stepMatch(this.#current, this.#matches.length, direction);
    this.#visited = true;
    return true;
  }

  clear(): void {
    this.#query = '';
    this.#matches = [];
    this.#current = -1;
    this.#visited = false;
  }

  /** The lines were built again: the next Enter shows the current match again. */
  forgetVisit(): void {
    this.#visited = false;
  }

  status(strings: Parameters<typeof searchStatusText>[3]): string {
    return searchStatusText(this.#query, this.#current, this.#matches.length, strings);
  }
}

/** One call pending at a time, `delayMs` after it was asked for: asking again replaces it. */
export class DelayedCall {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number) {}

  schedule(call: () => void): void {
    this.cancel();
    this.#timer = setTimeout(call, this.delayMs);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
