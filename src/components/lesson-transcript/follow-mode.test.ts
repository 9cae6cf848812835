import { describe, expect, it } from 'vitest';
import { followScrollTop, FollowMode, FrameChecks, isClockJump, isFarScroll, revealScrollTop, type ClockSample } from './follow-mode.ts';

const at = (time: number, wall: number, playing = true): ClockSample => ({ time, wall, playing });

describe('isClockJump', () => {
  it('is never a jump on the first sample', () => {
    expect(isClockJump(null, at(120, 0))).toBe(false);
  });
  it('accepts normal playback between line changes, even several seconds apart', () => {
    expect(isClockJump(at(10, 0), at(16, 6000))).toBe(false);
  });
  it('accepts playback at twice the speed', () => {
    expect(isClockJump(at(10, 0), at(22, 6000))).toBe(false);
  });
  it('sees a forward seek during playback', () => {
    expect(isClockJump(at(10, 0), at(60, 1000))).toBe(true);
  });
  it('sees a backward seek', () => {
    expect(isClockJump(at(60, 0), at(10, 500))).toBe(true);
  });
  it('ignores a tiny backward step of the clock', () => {
    expect(isClockJump(at(60, 0), at(59.8, 16))).toBe(false);
  });
  it('sees a seek while paused, however long the pause', () => {
    expect(isClockJump(at(10, 0, false), at(15, 60_000, false))).toBe(true);
  });
  it('accepts a small move while paused (frame stepping)', () => {
    expect(isClockJump(at(10, 0, false), at(11, 60_000, false))).toBe(false);
  });
  it('counts playback that starts at the second sample', () => {
    expect(isClockJump(at(10, 0, false), at(14, 3000, true))).toBe(false);
  });
});

describe('followScrollTop', () => {
  const view = { scrollTop: 1000, height: 400, scrollHeight: 10_000 };
  it('leaves a line inside the reading band alone', () => {
    expect(followScrollTop({ top: 1100, height: 30 }, view)).toBeNull();
  });
  it('brings a line below the band to a quarter of the view', () => {
    expect(followScrollTop({ top: 1300, height: 30 }, view)).toBe(1200);
  });
  it('brings a line above the view back', () => {
    expect(followScrollTop({ top: 200, height: 30 }, view)).toBe(100);
  });
  it('clamps at the top and the bottom of the content', () => {
    expect(followScrollTop({ top: 20, height: 30 }, view)).toBe(0);
    expect(followScrollTop({ top: 9950, height: 30 }, view)).toBe(9600);
  });
  it('does nothing when the clamp leaves the scroll where it is', () => {
    expect(followScrollTop({ top: 20, height: 30 }, { ...view, scrollTop: 0 })).toBeNull();
  });
});

describe('revealScrollTop', () => {
  const view = { scrollTop: 1000, height: 400, scrollHeight: 10_000 };
  it('leaves a visible line alone', () => {
    expect(revealScrollTop({ top: 1100, height: 30 }, view)).toBeNull();
  });
  it('scrolls up just enough for a line above', () => {
    expect(revealScrollTop({ top: 950, height: 30 }, view)).toBe(942);
  });
  it('scrolls down just enough for a line below', () => {
    expect(revealScrollTop({ top: 1390, height: 30 }, view)).toBe(1028);
  });
  it('aligns a line taller than the view to its top', () => {
    expect(revealScrollTop({ top: 1500, height: 600 }, view)).toBe(1492);
  });
});

describe('isFarScroll', () => {
  it('tells a jump from a step', () => {
    expect(isFarScroll(0, 100, 400)).toBe(false);
    expect(isFarScroll(0, 1000, 400)).toBe(true);
    expect(isFarScroll(1000, 0, 400)).toBe(true);
  });
});

describe('FollowMode', () => {
  const follow = () => {
    let flips = 0;
    const mode = new FollowMode(() => flips++);
    return { mode, flips: () => flips };
  };
  it('follows from the start, stops when the reader takes over and tells each flip once', () => {
    const { mode, flips } = follow();
    expect(mode.following).toBe(true);
    mode.stop();
    mode.stop();
    expect([mode.following, flips()]).toEqual([false, 1]);
    mode.resume();
    expect([mode.following, flips()]).toEqual([true, 2]);
  });
  it('resumes on a seek, not on playback', () => {
    const { mode } = follow();
    mode.noteClock(at(10, 0));
    mode.stop();
    mode.noteClock(at(14, 3000));
    expect(mode.following).toBe(false);
    mode.noteClock(at(120, 3500));
    expect(mode.following).toBe(true);
  });
  it('takes the first sample after a reset as a first one', () => {
    const { mode } = follow();
    mode.noteClock(at(10, 0));
    mode.reset();
    mode.stop();
    // Far from the last sample, but there is no last sample any more.
    mode.noteClock(at(500, 100));
    expect(mode.following).toBe(false);
  });
});

describe('FrameChecks', () => {
  /** Frames run when the test says, as the page would run them. */
  const frames = () => {
    const pending = new Map<number, () => void>();
    let next = 0;
    return {
      scheduler: {
        request: (callback: () => void) => (pending.set(++next, callback), next),
        cancel: (id: number) => void pending.delete(id),
      },
      tick: () => {
        const due = [...pending.values()];
        pending.clear();
        for (const callback of due) callback();
      },
      pending: () => pending.size,
    };
  };
  it('runs a check on each of the next frames, no sooner', () => {
    const clock = frames();
    let runs = 0;
    new FrameChecks(clock.scheduler).start(3, () => (runs++, true));
    expect(runs).toBe(0);
    for (let i = 0; i < 5; i++) clock.tick();
    expect([runs, clock.pending()]).toEqual([3, 0]);
  });
  it('stops when the check says so', () => {
    const clock = frames();
    let runs = 0;
    new FrameChecks(clock.scheduler).start(6, () => ++runs < 2);
    for (let i = 0; i < 6; i++) clock.tick();
    expect(runs).toBe(2);
  });
  it('replaces the run under way when started again', () => {
    const clock = frames();
    const checks = new FrameChecks(clock.scheduler);
    const runs = { first: 0, second: 0 };
    checks.start(6, () => (runs.first++, true));
    clock.tick();
    checks.start(2, () => (runs.second++, true));
    for (let i = 0; i < 6; i++) clock.tick();
    expect(runs).toEqual({ first: 1, second: 2 });
  });
  it('leaves no frame pending once cancelled (the element left the page)', () => {
    const clock = frames();
    let runs = 0;
    const checks = new FrameChecks(clock.scheduler);
    checks.start(6, () => (runs++, true));
    clock.tick();
    checks.cancel();
    expect(clock.pending()).toBe(0);
    clock.tick();
    expect(runs).toBe(1);
  });
});
