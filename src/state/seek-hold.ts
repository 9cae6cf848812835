/**
 * The lesson's clock while the media has not caught up: a start waiting for the media to be playable (a deep
 * link, `start`, a seek asked for before the video loaded) and a seek handed to the media that it has not applied
 * yet (Vidstack applies it a moment later) win over the media's stale clock, so that views and the API show where
 * the lesson is going rather than flick back to the old position.
 */
/** How close the media's clock must be to a seek's target to be there (its clock lands within a frame). */
const NEAR = 0.25;

export class SeekHold {
  /** A start waiting for the media to be playable. */
  start: number | null = null;
  #target: number | null = null;
  #reported = false;
  /** The seek asked before the one held, which the media may still be finishing. */
  #previous: number | null = null;
  #last: number | null = null;

  /** A seek was handed to the media. */
  seeking(target: number): void {
    this.#previous = this.#last;
    this.#last = this.#target = target;
    this.#reported = false;
  }

  /**
   * The media reported its state, its clock at `time`: once it has reported a seek and finished it, its clock is the
   * truth again (wherever it landed: a media shorter than the lesson clamps the target). Except when it finished the
   * seek asked before (a quick "next" then "previous"): that one ending says nothing of the one held.
   */
  mediaReported(seeking: boolean, time: number): void {
    if (seeking) this.#reported = true;
    else if (this.#reported) {
      const before = this.#previous !== null && this.#target !== null && Math.abs(time - this.#previous) < NEAR && Math.abs(time - this.#target) >= NEAR;
      this.#previous = null;
      if (before) this.#reported = false;
      else this.clearSeek();
    }
  }

  /** The lesson's time given the media's clock. */
  clock(media: number): number {
    // Until the media's clock has reached a seek's target, it still reads the old time: keep the target.
    if (this.#target !== null && Math.abs(media - this.#target) < NEAR) this.clearSeek();
    return this.start ?? this.#target ?? media;
  }

  clearSeek(): void {
    this.#target = null;
    this.#reported = false;
  }

  clear(): void {
    this.start = null;
    this.clearSeek();
  }
}
