/** Keyboard moves between transcript lines (one tab stop, roving focus), without the DOM. */

/** Lines moved by PageUp/PageDown: about a screenful of the transcript at its default height. */
export const PAGE_LINES = 10;

/**
 * The line to focus after a key press on line `current` of `count`, or null when the key does not move between
 * lines. Moves stop at the ends rather than wrap: wrapping would jump from the end of a lesson to its beginning.
 */
export function lineIndexForKey(key: string, current: number, count: number, page = PAGE_LINES): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(0, current), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + page, last);
    case 'PageUp':
      return Math.max(from - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Keys that scroll a container when it or its content has focus: the reader is moving through the text. */
export const SCROLL_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);
