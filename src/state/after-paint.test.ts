import { describe, expect, it } from 'vitest';
import { afterPaint, PAINT_WAIT_MS } from './after-paint.ts';
import { FakeEnvironment } from './testing/fake-environment.ts';

describe('afterPaint', () => {
  it('calls back in the task after the next frame, once, and leaves nothing pending', () => {
    const env = new FakeEnvironment();
    let calls = 0;
    afterPaint(env.scheduler, () => calls++);
    env.advance(0);
    expect(calls).toBe(0);
    env.frame();
    expect(calls).toBe(0);
    env.advance(0);
    expect(calls).toBe(1);
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    env.advance(PAINT_WAIT_MS);
    expect(calls).toBe(1);
  });

  it('without a frame (a hidden page), calls back after PAINT_WAIT_MS, and the frame that comes later does nothing', () => {
    const env = new FakeEnvironment();
    let calls = 0;
    afterPaint(env.scheduler, () => calls++);
    env.advance(PAINT_WAIT_MS - 1);
    expect(calls).toBe(0);
    env.advance(1);
    expect(calls).toBe(1);
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    env.frame();
    env.advance(PAINT_WAIT_MS);
    expect(calls).toBe(1);
  });

  it('cancelled, it never calls back and leaves nothing pending, before or after its frame', () => {
    const env = new FakeEnvironment();
    let calls = 0;
    afterPaint(env.scheduler, () => calls++)();
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    const cancel = afterPaint(env.scheduler, () => calls++);
    env.frame();
    cancel();
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    env.advance(PAINT_WAIT_MS);
    expect(calls).toBe(0);
  });
});
