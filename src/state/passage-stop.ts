/**
 * A passage opened from a link (`#t=83,88`, `start="83,88"`, `embed.html?t=83,88`): the range the views highlight,
 * and the one pause at its end. Playback that runs across the end pauses there once; a jump over it (a seek, a
 * chapter, the seek bar) does not count, nor does playing on after that first pause.
 */
export interface PassageRange {
  start: number;
  end: number;
}

/** Between two samples of a playing clock, more than this is a jump rather than playback. */
const MAX_PLAYED_STEP = 1.5;

export class PassageStop {
  #range: PassageRange | null = null;
  #armed = false;
  #last = Number.NaN;

  get range(): PassageRange | null {
    return this.#range;
  }

  /** A new passage (or none): armed to pause once at its end. */
  set(range: PassageRange | null): void {
    this.#range = range;
    this.#armed = range !== null;
    this.#last = Number.NaN;
  }

  /** The lesson was sent to `time`: what follows is not playback across the end. */
  seeked(time: number): void {
    this.#last = time;
  }

  /** The lesson's clock reads `time`: true when playback has just run across the passage's end (once). */
  crossedEnd(time: number, playing: boolean): boolean {
    const previous = this.#last;
    this.#last = time;
    const end = this.#range?.end;
    if (!this.#armed || !playing || end === undefined) return false;
    const crossed = previous < end && time >= end && time - previous <= MAX_PLAYED_STEP;
    if (crossed) this.#armed = false;
    return crossed;
  }
}
