import { describe, expect, it } from 'vitest';
import { DescriptionScheduler, type DescriptionSettings, type SpeechEngine, type SpeechFallback, type Utterance } from './description-scheduler.ts';

/** A speech engine that speaks nothing: the test says when an utterance ends or fails. */
class FakeEngine implements SpeechEngine {
  spoken: Utterance[] = [];
  cancels = 0;
  voices = true;
  private events: { end(): void; error(): void } | null = null;
  speak(u: Utterance, events: { end(): void; error(): void }): boolean {
    if (!this.voices) return false;
    this.spoken.push(u);
    this.events = events;
    return true;
  }
  cancel(): void {
    this.cancels++;
    this.events = null;
  }
  end(): void {
    this.events?.end();
  }
  fail(): void {
    this.events?.error();
  }
}

/** A clock whose time moves only when the test says. */
class FakeClock {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown): void => void this.timers.delete(id as number);
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
  get pending(): number {
    return this.timers.size;
  }
}

/** A scheduler over a media that reports its pause and play events right away, like a media element's. */
function setup(settings: Partial<DescriptionSettings> = {}, engine: FakeEngine | null = new FakeEngine()) {
  const clock = new FakeClock();
  const log: string[] = [];
  const announced: string[] = [];
  const fallbacks: SpeechFallback[] = [];
  let time = 0;
  const scheduler: DescriptionScheduler = new DescriptionScheduler(
    {
      engine,
      clock,
      pauseMedia: () => {
        log.push('pause');
        scheduler.paused();
      },
      playMedia: () => {
        log.push('play');
        scheduler.played(time);
      },
      announce: (text, lang) => announced.push(`${lang}: ${text}`),
      fellBack: (reason) => fallbacks.push(reason),
    },
    settings,
  );
  // Speech at 0–1 and from 10; a 15-character description at 1 takes 1 s at rate 1 and fits; a 150-character one does not.
  scheduler.setTracks({
    descriptions: [
      { start: 1, end: 2, text: 'x'.repeat(15) },
      { start: 5, end: 6, text: 'y'.repeat(150) },
    ],
    lang: 'fr',
    speech: [
      { start: 0 },
      { start: 10 },
    ],
  });
  const at = (t: number) => {
    time = t;
    scheduler.timeUpdate(t);
  };
  const learnerPlays = (t: number) => {
    time = t;
    scheduler.played(t);
  };
  return { scheduler, engine, clock, log, announced, fallbacks, at, learnerPlays };
}

describe('DescriptionScheduler, read by the player', () => {
  it('speaks a description that fits when it begins, in its language and at the chosen rate, without pausing', () => {
    const { scheduler, engine, log, at, learnerPlays } = setup({ delivery: 'speech', rate: 1.5 });
    learnerPlays(0);
    at(0.5);
    expect(engine!.spoken).toEqual([]);
    at(1.2);
    expect(engine!.spoken).toEqual([{ text: 'x'.repeat(15), lang: 'fr', rate: 1.5 }]);
    expect(scheduler.state).toBe('speaking');
    at(1.4);
    expect(engine!.spoken).toHaveLength(1); // once
    engine!.end();
    expect(scheduler.state).toBe('idle');
    expect(log).toEqual([]);
  });

  it('extends a description that would not end before the next speech: pauses, and resumes on its end', () => {
    const { scheduler, engine, log, at, learnerPlays } = setup({ delivery: 'speech' });
    learnerPlays(4);
    at(5.1); // 150 characters take 10 s; speech resumes at 10
    expect(log).toEqual(['pause']);
    expect(scheduler.state).toBe('holding');
    engine!.end();
    expect(log).toEqual(['pause', 'play']);
    expect(scheduler.state).toBe('idle');
    at(5.3);
    expect(engine!.spoken).toHaveLength(1);
  });

  it('takes the rate into account: at rate 2 the same description fits', () => {
    const { log, engine, at, learnerPlays } = setup({ delivery: 'speech', rate: 2 });
    learnerPlays(4);
    at(5); // 150 / 30 = 5 s, ends at 10
    expect(engine!.spoken).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('does not pause when extended description is turned off', () => {
    const { log, engine, at, learnerPlays } = setup({ delivery: 'speech', extended: false });
    learnerPlays(4);
    at(5.1);
    expect(engine!.spoken).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('does not resume if the learner played and paused meanwhile', () => {
    const { scheduler, engine, log, at, learnerPlays } = setup({ delivery: 'speech' });
    learnerPlays(4);
    at(5.1);
    learnerPlays(5.1); // the learner takes over: the description goes on
    expect(engine!.cancels).toBe(0);
    at(5.3);
    engine!.end();
    expect(log).toEqual(['pause']);
    // and a learner's pause during a description cancels it; play says it again from its start
    at(4.9);
    scheduler.seeked(4.9);
    learnerPlays(4.9);
    at(5);
    expect(engine!.spoken).toHaveLength(2);
    engine!.end();
    expect(log).toEqual(['pause', 'pause', 'play']);
  });

  it('cancels on the learner’s pause, and says the interrupted description again on play', () => {
    const { scheduler, engine, at, learnerPlays } = setup({ delivery: 'speech' });
    learnerPlays(0);
    at(1);
    scheduler.paused();
    expect(engine!.cancels).toBe(1);
    expect(scheduler.state).toBe('idle');
    engine!.end(); // a late end of the cancelled utterance changes nothing
    learnerPlays(1.3);
    expect(engine!.spoken.map((u) => u.text)).toEqual(['x'.repeat(15), 'x'.repeat(15)]);
  });

  it('cancels on seek, releases its hold, and says the description of the place sought', () => {
    const { scheduler, engine, log, at, learnerPlays } = setup({ delivery: 'speech' });
    learnerPlays(4);
    at(5);
    expect(log).toEqual(['pause']);
    scheduler.seeked(1.5);
    expect(engine!.cancels).toBe(1);
    expect(log).toEqual(['pause', 'play']); // the pause was ours: the video plays on from there
    expect(engine!.spoken.map((u) => u.text[0])).toEqual(['y', 'x']);
    scheduler.seeked(2.5); // after the end of the description at 1: nothing said
    at(3);
    expect(engine!.spoken).toHaveLength(2);
  });

  it('never waits for ever: an engine that never ends is cancelled and the video resumes', () => {
    const { scheduler, engine, clock, log, at, learnerPlays } = setup({ delivery: 'speech' });
    learnerPlays(4);
    at(5);
    clock.advance(22_999); // 10 s of speech, twice, plus 3 s
    expect(log).toEqual(['pause']);
    clock.advance(1);
    expect(log).toEqual(['pause', 'play']);
    expect(engine!.cancels).toBe(1);
    expect(scheduler.state).toBe('idle');
  });
});

describe('DescriptionScheduler, announced or falling back', () => {
  it('announces each description once, and holds an extended one for its reading time', () => {
    const { announced, clock, log, at, learnerPlays, scheduler } = setup();
    learnerPlays(0);
    at(1);
    at(1.5);
    expect(announced).toEqual([`fr: ${'x'.repeat(15)}`]);
    expect(scheduler.state).toBe('idle');
    at(5);
    expect(log).toEqual(['pause']);
    clock.advance(9_999);
    expect(log).toEqual(['pause']);
    clock.advance(1);
    expect(log).toEqual(['pause', 'play']);
    expect(announced).toHaveLength(2);
  });

  it('falls back to announcing without speech synthesis, says so once, and still resumes', () => {
    const { announced, fallbacks, clock, log, at, learnerPlays } = setup({ delivery: 'speech' }, null);
    learnerPlays(0);
    at(1);
    at(5);
    expect(announced).toHaveLength(2);
    expect(fallbacks).toEqual(['no-speech']);
    clock.advance(10_000);
    expect(log).toEqual(['pause', 'play']);
  });

  it('falls back without a voice for the language, and on an error event', () => {
    const noVoice = new FakeEngine();
    noVoice.voices = false;
    const a = setup({ delivery: 'speech' }, noVoice);
    a.learnerPlays(0);
    a.at(1);
    expect(a.fallbacks).toEqual(['no-voice']);
    expect(a.announced).toHaveLength(1);

    const b = setup({ delivery: 'speech' });
    b.learnerPlays(4);
    b.at(5);
    b.engine!.fail();
    expect(b.fallbacks).toEqual(['error']);
    expect(b.announced).toEqual([`fr: ${'y'.repeat(150)}`]);
    b.clock.advance(10_000);
    expect(b.log).toEqual(['pause', 'play']);
    b.scheduler.seeked(0.5);
    b.at(1);
    expect(b.engine!.spoken).toHaveLength(1); // announcing from then on
    expect(b.fallbacks).toEqual(['error']);
  });

  it('reads subtitles aloud when asked, never pausing for them, and stop releases everything', () => {
    const { scheduler, engine, log, clock, at, learnerPlays } = setup({ delivery: 'speech' });
    scheduler.setTracks({ subtitles: [{ start: 2, end: 3, text: 'z'.repeat(100) }], subtitlesLang: 'en', speech: [{ start: 2.5 }] });
    learnerPlays(0);
    at(1);
    expect(engine!.spoken).toEqual([]);
    at(2);
    expect(engine!.spoken).toEqual([{ text: 'z'.repeat(100), lang: 'en', rate: 1 }]);
    expect(log).toEqual([]);
    scheduler.stop();
    expect(engine!.cancels).toBe(1);
    expect(clock.pending).toBe(0);
  });
});
