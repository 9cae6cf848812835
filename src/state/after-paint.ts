/**
 * "Once the page has painted": what can wait until the learner sees the lesson (its notes) starts in the task after
 * the next frame. Where no frame comes (a hidden page, an iframe out of view, which Chromium gives no frames), it
 * starts after PAINT_WAIT_MS all the same.
 */
import type { Scheduler, TimerId } from './environment.ts';

/** The longest wait for a frame. */
export const PAINT_WAIT_MS = 250;

/** Calls `callback` once, after the next frame or PAINT_WAIT_MS; the function returned cancels it, leaving nothing. */
export function afterPaint(scheduler: Omit<Scheduler, 'afterPaint' | 'now' | 'wallClock'>, callback: () => void): () => void {
  let afterFrame: TimerId | undefined;
  const cancel = () => {
    scheduler.cancelFrame(frame);
    scheduler.clearTimeout(afterFrame);
    scheduler.clearTimeout(noFrame);
  };
  const run = () => {
    cancel();
    callback();
  };
  const frame = scheduler.requestFrame(() => (afterFrame = scheduler.setTimeout(run, 0)));
  const noFrame = scheduler.setTimeout(run, PAINT_WAIT_MS);
  return cancel;
}
