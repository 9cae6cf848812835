/**
 * The embed's `timeupdate` loop, DOM-free so that its rate rule is tested with a fake clock: it reads the player
 * every `interval` ms and emits when `shouldSendTimeUpdate` says so (at most one per interval while the clock moves,
 * one on every play/pause, none while nothing changes). The clock is injected; the page passes the browser's.
 */
import { shouldSendTimeUpdate, type EmbedEvent } from './protocol.ts';

/** What the loop reads from the player; `null` while the lesson is not ready. */
export interface PlaybackReading {
  time: number;
  duration: number;
  paused: boolean;
}

export interface TimeUpdateClock {
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

export type TimeUpdate = Extract<EmbedEvent, { type: 'timeupdate' }>;

/** Starts the loop; returns its stop function. */
export function startTimeUpdates(
  read: () => PlaybackReading | null,
  emit: (update: TimeUpdate) => void,
  clock: TimeUpdateClock,
  interval = 250,
): () => void {
  let last: { at: number; time: number; paused: boolean } | null = null;
  const handle = clock.setInterval(() => {
    const reading = read();
    if (!reading) return;
    const now = { at: clock.now(), time: reading.time, paused: reading.paused };
    if (!shouldSendTimeUpdate(last, now, interval)) return;
    last = now;
    emit({ type: 'timeupdate', time: Math.max(0, now.time), duration: reading.duration, paused: now.paused });
  }, interval);
  return () => clock.clearInterval(handle);
}
