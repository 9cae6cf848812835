import { describe, expect, it } from 'vitest';
import { startTimeUpdates, type PlaybackReading, type TimeUpdate } from './time-updates.ts';

/** A fake interval clock: `advance(ms)` runs every due tick in order, at its own time. */
function fakeClock() {
  let now = 0;
  let timer: { tick: () => void; every: number; next: number } | null = null;
  return {
    clock: {
      setInterval: (tick: () => void, every: number) => (timer = { tick, every, next: now + every }),
      clearInterval: () => (timer = null),
      now: () => now,
    },
    advance(ms: number, onTick: (at: number) => void = () => {}) {
      const end = now + ms;
      while (timer && timer.next <= end) {
        now = timer.next;
        timer.next += timer.every;
        onTick(now);
        timer?.tick();
      }
      now = end;
    },
  };
}

function setup() {
  const fake = fakeClock();
  const player: PlaybackReading = { time: 0, duration: 100, paused: true };
  let ready = false;
  const sent: TimeUpdate[] = [];
  const stop = startTimeUpdates(() => (ready ? { ...player } : null), (update) => sent.push(update), fake.clock);
  return { fake, player, sent, stop, setReady: () => (ready = true) };
}

describe('startTimeUpdates', () => {
  it('sends nothing before the lesson is ready, then its first reading', () => {
    const { fake, sent, setReady } = setup();
    fake.advance(1000);
    expect(sent).toEqual([]);
    setReady();
    fake.advance(250);
    expect(sent).toEqual([{ type: 'timeupdate', time: 0, duration: 100, paused: true }]);
  });

  it('sends at most 4 a second while the clock moves, with increasing times', () => {
    const { fake, player, sent, setReady } = setup();
    setReady();
    fake.advance(250);
    player.paused = false;
    fake.advance(250);
    sent.length = 0;
    // Playing at 1×: the media clock follows the wall clock, read at every tick.
    fake.advance(10_000, (at) => (player.time = at / 1000));
    expect(sent).toHaveLength(40);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.time).toBeGreaterThan(sent[i - 1]!.time);
    expect(sent.every((u) => !u.paused)).toBe(true);
  });

  it('never more than 4 a second, even if the loop ticks faster', () => {
    const fake = fakeClock();
    let time = 0;
    const sent: TimeUpdate[] = [];
    startTimeUpdates(() => ({ time: (time += 0.01), duration: 100, paused: false }), (u) => sent.push(u), {
      ...fake.clock,
      setInterval: (tick) => fake.clock.setInterval(tick, 10),
    });
    fake.advance(1000);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.length).toBeGreaterThanOrEqual(3);
  });

  it('sends one on every play and pause, without waiting for the interval', () => {
    const { fake, player, sent, setReady } = setup();
    setReady();
    fake.advance(250);
    sent.length = 0;
    player.paused = false;
    fake.advance(250);
    player.paused = true;
    fake.advance(250);
    player.paused = false;
    fake.advance(250);
    expect(sent.map((u) => u.paused)).toEqual([false, true, false]);
  });

  it('sends none while nothing changes (paused, or stalled while playing)', () => {
    const { fake, player, sent, setReady } = setup();
    setReady();
    player.time = 12;
    fake.advance(250);
    expect(sent).toHaveLength(1);
    fake.advance(5000);
    expect(sent).toHaveLength(1);
    player.paused = false;
    fake.advance(250);
    expect(sent).toHaveLength(2);
    fake.advance(5000); // playing but the media clock does not move (buffering)
    expect(sent).toHaveLength(2);
  });

  it('reports a negative reading as 0, and stops when asked', () => {
    const { fake, player, sent, stop, setReady } = setup();
    setReady();
    player.time = -0.2;
    fake.advance(250);
    expect(sent.at(-1)!.time).toBe(0);
    stop();
    player.paused = false;
    fake.advance(5000);
    expect(sent).toHaveLength(1);
  });
});
