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

/** What a key pressed in the list of lines asks for. */
export type LineKeyAction =
  /** A key that scrolls the container: the reader is moving through the text (following stops). */
  | { kind: 'scroll' }
  /** Enter or Space: seek to the line. */
  | { kind: 'activate' }
  /** C: copy a link to the line's moment. */
  | { kind: 'copy' }
  /** N: add a learner note at the line's moment. */
  | { kind: 'note' }
  /** Arrows, Page Up/Down, Home, End: focus line `to`. */
  | { kind: 'move'; to: number }
  /** The same with Shift: focus line `to` and select the lines from where the selection started to it. */
  | { kind: 'extend'; to: number };

/** The modifier state and key of a keyboard event. */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The action of a key pressed on line `index` of `count` (-1 when the focus is elsewhere in the list, e.g. on a
 * copy button), or null when the list leaves the key alone. Keys with Alt, Ctrl or Meta belong to the browser and
 * the screen reader; Shift with a letter is left alone too, and Shift with a move selects lines (a passage to quote).
 */
export function lineKeyAction(press: KeyPress, index: number, count: number): LineKeyAction | null {
  if (index < 0 || press.altKey || press.ctrlKey || press.metaKey) return SCROLL_KEYS.has(press.key) ? { kind: 'scroll' } : null;
  if (press.key === 'Enter' || press.key === ' ') return { kind: 'activate' };
  if ((press.key === 'c' || press.key === 'C') && !press.shiftKey) return { kind: 'copy' };
  if ((press.key === 'n' || press.key === 'N') && !press.shiftKey) return { kind: 'note' };
  const to = lineIndexForKey(press.key, index, count);
  if (to === null) return null;
  return press.shiftKey ? { kind: 'extend', to } : { kind: 'move', to };
}
