/**
 * The store's frame loop while the media plays: at each frame it reads the media clock, and it measures the display's
 * frame to say how far ahead of that clock to look when marking lines, chapters and captions.
 *
 * Why look ahead: what a frame callback marks is painted at the next display refresh, a frame later, and by then the
 * media has moved on by a frame's worth of its clock (67 ms at 4× speed on a 60 Hz screen). Marking only what has
 * already started shows every mark 0 to 1 frame late by the media clock read in the callback, and one more frame
 * late on the screen. Looking ahead by half a frame's worth of the clock marks each cue in the frame nearest to its
 * start by that clock: at most half a frame early by it, so still after its start, on average, on the screen.
 *
 * The store looks ahead by as much in every update while the media plays (those the media's own time updates make
 * too, or they would undo the marks of the frame); paused, it marks what the clock says.
 */
import type { MediaAdapter } from '../media/media-adapter.ts';
import type { Scheduler } from './environment.ts';

/** A 60 Hz screen's frame until the loop has measured its own. */
const DEFAULT_FRAME_MS = 1000 / 60;
/** Frame intervals counted: longer ones (a stalled page) are counted as 30 Hz, shorter as 240 Hz. */
const SHORTEST_FRAME_MS = 1000 / 240;
const LONGEST_FRAME_MS = 1000 / 30;
/** Weight of the newest interval in the running estimate: steady over a few frames, following a new screen fast. */
const NEWEST_WEIGHT = 1 / 8;

type PlayingMedia = Pick<MediaAdapter, 'currentTime' | 'state'>;

export class PlayingClock {
  readonly #scheduler: Scheduler;
  readonly #onFrame: (time: number) => void;
  #media: PlayingMedia | null = null;
  #frame = 0;
  #lastFrameAt: number | null = null;
  #frameMs = DEFAULT_FRAME_MS;

  /** `onFrame` gets the media clock once a frame while the media plays. */
  constructor(scheduler: Scheduler, onFrame: (time: number) => void) {
    this.#scheduler = scheduler;
    this.#onFrame = onFrame;
  }

  /** The estimated display frame, in milliseconds. */
  get frameMs(): number {
    return this.#frameMs;
  }

  /** Runs the loop on this media (again, if it ran: a loop already running keeps its measured frame). */
  start(media: PlayingMedia): void {
    const running = this.#frame !== 0 && this.#media === media;
    this.#scheduler.cancelFrame(this.#frame);
    this.#media = media;
    if (!running) this.#lastFrameAt = null;
    this.#frame = this.#scheduler.requestFrame(this.#tick);
  }

  stop(): void {
    this.#scheduler.cancelFrame(this.#frame);
    this.#frame = 0;
    this.#media = null;
    this.#lastFrameAt = null;
  }

  /** Half a frame's worth of the media clock at `rate` (none at a rate that is not a positive number). */
  lookAhead(rate: number): number {
    return rate > 0 && Number.isFinite(rate) ? (rate * this.#frameMs) / 2000 : 0;
  }

  readonly #tick = (): void => {
    this.#frame = 0;
    const media = this.#media;
    if (!media) return;
    this.#measureFrame(this.#scheduler.now());
    this.#onFrame(media.currentTime);
    // Not again when paused, stopped, or started anew by what the frame did.
    if (media.state.paused || this.#media !== media || this.#frame !== 0) return;
    this.#frame = this.#scheduler.requestFrame(this.#tick);
  };

  #measureFrame(now: number): void {
    const last = this.#lastFrameAt;
    this.#lastFrameAt = now;
    if (last === null || now <= last) return;
    const interval = Math.min(Math.max(now - last, SHORTEST_FRAME_MS), LONGEST_FRAME_MS);
    this.#frameMs += (interval - this.#frameMs) * NEWEST_WEIGHT;
  }
}
