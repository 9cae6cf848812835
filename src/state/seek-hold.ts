/**
 * The lesson's clock while the media has not caught up: a start waiting for the media to be playable (a deep
 * link, `start`, a seek asked for before the video loaded) and a seek handed to the media that it has not applied
 * yet (Vidstack applies it a moment later) win over the media's stale clock, so that views and the API show where
 * the lesson is going rather than flick back to the old position.
 */
export class SeekHold {
  /** A start waiting for the media to be playable. */
  start: number | null = null;
  #target: number | null = null;
  #reported = false;

  /** A seek was handed to the media. */
  seeking(target: number): void {
    this.#target = target;
    this.#reported = false;
  }

  /** The media reported its state: once it has reported a seek and finished it, its clock is the truth again. */
  mediaReported(seeking: boolean): void {
    if (seeking) this.#reported = true;
    else if (this.#reported) this.clearSeek();
  }

  /** The lesson's time given the media's clock. */
  clock(media: number): number {
    // Until the media's clock has reached a seek's target, it still reads the old time: keep the target.
    if (this.#target !== null && Math.abs(media - this.#target) < 0.25) this.clearSeek();
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
