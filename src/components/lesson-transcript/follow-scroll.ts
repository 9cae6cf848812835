/**
 * Follow mode in the DOM (the logic is in follow-mode.ts): a reactive controller that keeps the spoken line in
 * view by scrolling the transcript's own container (never `scrollIntoView`, which would scroll the page too), and
 * stops following when the reader scrolls, selects text in the lines or moves the keyboard focus there. A seek or
 * "Resume following" brings following back. The host re-renders when following flips (the resume button).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '../browser-helpers.ts';
import { transcriptSelection } from './passage-selection.ts';
import { followScrollTop, FollowMode, FrameChecks, isFarScroll, revealScrollTop, type FrameScheduler } from './follow-mode.ts';

/** Frames during which an instant scroll is checked while estimated chapter sizes turn into real ones. */
const SETTLE_FRAMES = 6;

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => cancelAnimationFrame(id),
};

/** What following asks of the transcript around it. */
export interface FollowScrollHost {
  /** The scroll container of the lines. */
  scroller(): HTMLElement | null;
  /** The spoken line, while its block is built. */
  spokenLine(): HTMLElement | undefined;
  /** The root the lines' selection belongs to. */
  root(): ShadowRoot;
  /** The page's selection changed (one document listener serves the transcript: the passage actions read it too). */
  selectionChanged(): void;
}

/** Whether the reader has text selected inside `element` (the selection of a shadow root where it has one). */
export function hasSelectionIn(root: ShadowRoot, element: Node | null | undefined): boolean {
  const selection = transcriptSelection(root);
  return Boolean(element && selection && !selection.isCollapsed && selection.anchorNode && element.contains(selection.anchorNode));
}

export class FollowScroll implements ReactiveController {
  readonly #mode: FollowMode;
  /** The checks after an instant scroll, and the follow after the lines are rebuilt. */
  #settle = new FrameChecks(animationFrames);
  #afterBuild = new FrameChecks(animationFrames);
  #onSelectionChange = () => {
    if (hasSelectionIn(this.around.root(), this.around.scroller())) this.stop();
    this.around.selectionChanged();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly around: FollowScrollHost,
  ) {
    this.#mode = new FollowMode(() => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#onSelectionChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    this.#settle.cancel();
    this.#afterBuild.cancel();
  }

  get following(): boolean {
    return this.#mode.following;
  }

  /** The reader took over (wheel, touch, scroll keys, selection, keyboard focus): stop following. */
  stop = (): void => this.#mode.stop();

  resume(): void {
    this.#mode.resume();
  }

  /** Another lesson source: follow again from its clock. */
  reset(): void {
    this.#mode.reset();
  }

  /** A clock notification from the player: a seek brings following back. */
  noteClock(time: number, playing: boolean): void {
    this.#mode.noteClock({ time, wall: performance.now(), playing });
  }

  /** Brings the spoken line into view, when following. */
  follow(smooth: boolean): void {
    if (!this.following) return;
    const line = this.around.spokenLine();
    if (line) this.scrollLineTo(line, 'follow', smooth);
  }

  /** Follows on the next frame, instantly: after the lines were rebuilt, whose old position the reader did not see. */
  followNextFrame(): void {
    this.#afterBuild.start(1, () => {
      this.follow(false);
      return false;
    });
  }

  /** A press on the container itself is on its scrollbar. */
  onPointerDown = (event: PointerEvent): void => {
    if (event.composedPath()[0] === event.currentTarget) this.stop();
  };

  /**
   * Scrolls the container so that the line is in view: to the reading position (`follow`) or just enough
   * (`reveal`). Long jumps are instant, then checked again for a few frames: chapters out of view are sized by
   * estimate until rendered, so content above the line can grow or shrink once it comes near the view.
   */
  scrollLineTo(line: HTMLElement, mode: 'follow' | 'reveal', smooth: boolean): void {
    const scroller = this.around.scroller();
    if (!scroller || !scroller.clientHeight) return;
    const top = this.#scrollTarget(line, mode, scroller);
    if (top === null) return;
    const far = isFarScroll(scroller.scrollTop, top, scroller.clientHeight);
    if (smooth && !far && !prefersReducedMotion()) {
      scroller.scrollTo({ top, behavior: 'smooth' });
      return;
    }
    scroller.scrollTo({ top, behavior: 'instant' });
    // A newer instant scroll replaces the checks; the reader taking over ends them.
    this.#settle.start(SETTLE_FRAMES, () => {
      if (mode === 'follow' && !this.following) return false;
      const again = this.#scrollTarget(line, mode, scroller);
      if (again !== null) scroller.scrollTo({ top: again, behavior: 'instant' });
      return true;
    });
  }

  #scrollTarget(line: HTMLElement, mode: 'follow' | 'reveal', scroller: HTMLElement): number | null {
    const rect = line.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    const box = { top: rect.top - frame.top - scroller.clientTop + scroller.scrollTop, height: rect.height };
    const view = { scrollTop: scroller.scrollTop, height: scroller.clientHeight, scrollHeight: scroller.scrollHeight };
    return mode === 'follow' ? followScrollTop(box, view) : revealScrollTop(box, view);
  }
}
