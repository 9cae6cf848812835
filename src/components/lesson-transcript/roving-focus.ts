/**
 * The list of lines as one tab stop (roving tabindex): a reactive controller that keeps `tabindex="0"` on one line
 * (the spoken one, unless the reader is moving through the list), moves the focus with the arrows, Page Up/Down,
 * Home and End (see line-navigation.ts), and hands the other keys of a line (Enter, Space, C, N, Shift with a move)
 * to the element.
 * A line's block is built before it takes the focus, and the block left behind is emptied only once the focus has
 * moved: the focused element is never removed.
 */
import type { LitElement, ReactiveController } from 'lit';
import { lineKeyAction } from './line-navigation.ts';
import type { LineWindow } from './line-window.ts';

/** What the roving focus asks of the transcript around it. */
export interface RovingFocusHost {
  /** The element with the focus in the transcript's shadow root. */
  focused(): Element | null;
  /** The tab stop moved (the copy buttons follow it). */
  tabStopMoved(): void;
  /** The reader moves through the text: stop following. */
  readerMoved(): void;
  /** Scrolls the container just enough to show a line. */
  reveal(line: HTMLElement): void;
  /** Enter or Space (seek), C (copy a link) or N (add a note) on a line. */
  lineAction(kind: 'activate' | 'copy' | 'note', index: number): void;
  /** A move from line `from` to line `to` (focused now): with Shift (`extend`), select the lines. */
  linesMoved(from: number, to: number, extend: boolean): void;
}

export class RovingFocus implements ReactiveController {
  #tabStop = 0;
  /** Set while the transcript moves the focus itself, which must not stop following. */
  #focusing = false;

  constructor(
    private readonly host: LitElement,
    private readonly lines: LineWindow,
    private readonly around: RovingFocusHost,
  ) {
    host.addController(this);
  }

  // On the shadow root rather than the host: focus moving within the shadow tree (from the search field to a line)
  // is not dispatched to the host.
  hostConnected(): void {
    this.host.renderRoot.addEventListener('keydown', this.#onKeydown as EventListener);
    this.host.renderRoot.addEventListener('focusin', this.#onFocusIn as EventListener);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('keydown', this.#onKeydown as EventListener);
    this.host.renderRoot.removeEventListener('focusin', this.#onFocusIn as EventListener);
  }

  /** The line holding the list's single tab stop. */
  get tabStop(): number {
    return this.#tabStop;
  }

  /** New lines are coming: the tab stop goes back to the first. */
  reset(): void {
    this.#tabStop = 0;
  }

  /** A block was built: its line may be the tab stop. */
  restore(): void {
    this.lines.line(this.#tabStop)?.setAttribute('tabindex', '0');
  }

  /** Whether the focus is in the list (the reader is moving through it). */
  hasFocus(): boolean {
    return this.lines.contains(this.around.focused());
  }

  /** Moves the list's single tab stop, building the line's block if need be. */
  moveTo(index: number, release = true): void {
    const previous = this.#tabStop;
    if (index === previous || index < 0 || index >= this.lines.count) return;
    this.lines.line(previous)?.setAttribute('tabindex', '-1');
    this.#tabStop = index;
    this.lines.ensureLine(index)?.setAttribute('tabindex', '0');
    this.around.tabStopMoved();
    if (release) this.lines.leave(previous, index);
  }

  /** Focuses a line (its block built first) and, unless told not to, scrolls the container just enough to show it. */
  focus(index: number, reveal = true): void {
    const previous = this.#tabStop;
    // The block left behind is emptied only once the focus has moved: never remove the focused element.
    this.moveTo(index, false);
    const line = this.lines.line(index);
    if (!line) return;
    this.#focusing = true;
    line.focus({ preventScroll: true });
    this.#focusing = false;
    this.lines.leave(previous, index);
    if (reveal) this.around.reveal(line);
  }

  /** The element an event of the lines comes from, or null for events from elsewhere in the transcript. */
  #lineTarget(event: Event): HTMLElement | null {
    const target = event.composedPath()[0];
    return target instanceof HTMLElement && this.lines.contains(target) ? target : null;
  }

  #onFocusIn = (event: FocusEvent): void => {
    const target = this.#lineTarget(event);
    if (!target) return;
    const index = this.lines.indexOf(target);
    if (index >= 0) this.moveTo(index);
    // Focus from the keyboard means the reader is reading here; a click is handled as a seek instead.
    if (!this.#focusing && target.matches(':focus-visible')) this.around.readerMoved();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const target = this.#lineTarget(event);
    if (!target) return;
    const index = target.classList.contains('line') ? this.lines.indexOf(target) : -1;
    const action = lineKeyAction(event, index, this.lines.count);
    if (!action) return;
    if (action.kind === 'scroll') {
      this.around.readerMoved();
      return;
    }
    event.preventDefault();
    if (action.kind === 'move' || action.kind === 'extend') {
      this.around.readerMoved();
      this.focus(action.to);
      this.around.linesMoved(index, action.to, action.kind === 'extend');
    } else {
      this.around.lineAction(action.kind, index);
    }
  };
}
