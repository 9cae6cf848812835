/**
 * Follow mode, without the DOM: when a change of the media clock is a seek rather than playback, and where the
 * transcript's own scroll container should move so that a line is in view. Positions are in the container's
 * content coordinates (0 = top of the scrolled content), so the element only measures and applies.
 */

/** The media clock as the transcript saw it at one controller notification. */
export interface ClockSample {
  /** Media time, seconds. */
  time: number;
  /** Wall-clock time, milliseconds (`performance.now()`). */
  wall: number;
  playing: boolean;
}

/** The fastest playback rate the player offers: faster playback than this between two samples is a seek. */
const MAX_RATE = 2;

/**
 * Whether the clock moved by a seek between two samples. The controller notifies only when the spoken line
 * changes, so samples can be many seconds apart during playback: the clock may advance as much as real time
 * allows at the fastest rate, plus `tolerance` seconds; going back more than half a second is always a seek.
 */
export function isClockJump(previous: ClockSample | null, next: ClockSample, tolerance = 2): boolean {
  if (!previous) return false;
  const advanced = next.time - previous.time;
  if (advanced < -0.5) return true;
  const elapsed = Math.max(0, next.wall - previous.wall) / 1000;
  const allowed = previous.playing || next.playing ? elapsed * MAX_RATE : 0;
  return advanced > allowed + tolerance;
}

/** A line's box in the container's content coordinates. */
export interface LineBox {
  top: number;
  height: number;
}

/** The scroll container: its scroll position, visible height and content height. */
export interface ScrollView {
  scrollTop: number;
  height: number;
  scrollHeight: number;
}

/** While the active line stays within this band of the view (fractions of its height), following does not scroll. */
const FOLLOW_BAND = { top: 0.1, bottom: 0.7 };
/** Where following puts the active line: a quarter down leaves the lines just read in view above it. */
const FOLLOW_AT = 0.25;

function clampScroll(top: number, view: ScrollView): number {
  return Math.round(Math.min(Math.max(0, top), Math.max(0, view.scrollHeight - view.height)));
}

/**
 * The scroll position that brings the active line to the reading position, or null when it is comfortably in
 * view already: scrolling at every line would make the text jump under the reader's eyes.
 */
export function followScrollTop(line: LineBox, view: ScrollView): number | null {
  const bandTop = view.scrollTop + view.height * FOLLOW_BAND.top;
  const bandBottom = view.scrollTop + view.height * FOLLOW_BAND.bottom;
  if (line.top >= bandTop && line.top + line.height <= bandBottom) return null;
  const target = clampScroll(line.top - view.height * FOLLOW_AT, view);
  return Math.abs(target - view.scrollTop) < 1 ? null : target;
}

/**
 * The smallest scroll that shows the whole line with a margin (for a line reached with the keyboard), or null
 * when it is in view. A line taller than the view is aligned to its top.
 */
export function revealScrollTop(line: LineBox, view: ScrollView, margin = 8): number | null {
  const top = line.top - margin;
  const bottom = line.top + line.height + margin;
  if (top < view.scrollTop) return clampScroll(top, view);
  if (bottom > view.scrollTop + view.height) return clampScroll(Math.min(bottom - view.height, top), view);
  return null;
}

/** Whether a scroll is far enough to be a jump: smooth scrolling over many screens is slow and disorienting. */
export function isFarScroll(from: number, to: number, viewHeight: number): boolean {
  return Math.abs(to - from) > viewHeight * 1.5;
}

/**
 * Whether the transcript follows the spoken line: the reader stops it (scrolling, selecting, moving the focus in
 * the text), a seek or "Resume following" brings it back. `changed` is told when it flips.
 */
export class FollowMode {
  #following = true;
  #clock: ClockSample | null = null;

  constructor(private readonly changed: () => void) {}

  get following(): boolean {
    return this.#following;
  }

  stop(): void {
    this.#set(false);
  }

  resume(): void {
    this.#set(true);
  }

  /** Another lesson source: follow again, and the next clock sample is a first one. */
  reset(): void {
    this.#clock = null;
    this.resume();
  }

  /** Records the media clock; a seek (from the seek bar, the chapters, a link…) brings following back. */
  noteClock(sample: ClockSample): void {
    if (isClockJump(this.#clock, sample)) this.resume();
    this.#clock = sample;
  }

  #set(following: boolean): void {
    if (following === this.#following) return;
    this.#following = following;
    this.changed();
  }
}

/** Animation frames as the page gives them (`requestAnimationFrame`), or a test's. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(id: number): void;
}

/**
 * A check run on each of the next frames: starting again replaces the run under way, and `cancel` (the element
 * leaving the page) ends it.
 */
export class FrameChecks {
  #pending: number | null = null;

  constructor(private readonly frames: FrameScheduler) {}

  /** Runs `check` on each of the next `count` frames, until it returns false. */
  start(count: number, check: () => boolean): void {
    this.cancel();
    let left = count;
    const step = () => {
      this.#pending = null;
      if (check() && --left > 0) this.#pending = this.frames.request(step);
    };
    this.#pending = this.frames.request(step);
  }

  cancel(): void {
    if (this.#pending !== null) this.frames.cancel(this.#pending);
    this.#pending = null;
  }
}
