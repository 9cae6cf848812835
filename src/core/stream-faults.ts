/**
 * The adaptive stream's media faults (a segment the browser cannot demux or decode): one recovery (the media
 * attached afresh), then the next source.
 *
 * One fault shows through several signals, in an order that varies with the machine's load: hls.js's own reset of
 * the media source (`mediaSourceRequiresReset`, which it performs itself), a fatal media error (which the player
 * library answers with a recovery), the video element's decode error (which nobody answers unless told). The
 * element's error is often never fired at all: hls.js's reset reloads the element first, which drops the pending
 * event. So a fault is counted once whichever signals it sends, from its first signal until the media is attached
 * again; a fault signalled after that recovery is the second one.
 */
export type StreamFaultSignal =
  /** hls.js resets the media source itself. */
  | 'reset'
  /** A fatal media error of hls.js: the player library recovers. */
  | 'fatal'
  /** The video element's decode error: recovered here. */
  | 'element';

export interface StreamFaults {
  fault(signal: StreamFaultSignal): void;
  /** The media was attached to the stream (at the start, and by each recovery). */
  attached(): void;
}

export function streamFaults({ recover, leave }: { recover: () => void; leave: () => void }): StreamFaults {
  let phase: 'sound' | 'faulted' | 'recovered' | 'left' = 'sound';
  let recovering = false;
  return {
    fault(signal) {
      if (phase === 'left') return;
      if (phase === 'recovered') {
        phase = 'left';
        return leave();
      }
      phase = 'faulted';
      // hls.js and the player library recover from their own signals; the element's error is seen by neither.
      if (signal === 'element' && !recovering) {
        recovering = true;
        recover();
      }
    },
    attached() {
      if (phase !== 'faulted') return;
      phase = 'recovered';
      recovering = false;
    },
  };
}
