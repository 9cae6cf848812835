import { describe, expect, it } from 'vitest';
import { VTT_SLICE_MS } from './lesson-loader.ts';
import { LessonStore } from './lesson-store.ts';
import { FakeEnvironment, serveLesson } from './testing/fake-environment.ts';

const EN_CHAPTERS = 'https://lessons.test/chapters/demo.en.vtt';
const FR_CHAPTERS = 'https://lessons.test/chapters/demo.fr.vtt';

/** The demo lesson in English, its English chapter track replaced by `english` (or left out when null). */
async function inEnglish(english: string | null, setup: (env: FakeEnvironment) => void = () => undefined) {
  const env = new FakeEnvironment();
  const url = serveLesson(env);
  if (english !== null) env.serve(EN_CHAPTERS, english);
  setup(env);
  const store = new LessonStore(env);
  store.setLanguage('en');
  await store.load(url);
  return { env, store };
}

describe('loading: a translated chapter track takes the lesson language ids', () => {
  it('ids that differ are paired by position when the chapters match in number and times: links and notes keep working', async () => {
    const { env, store } = await inEnglish('WEBVTT\n\nChapter 1\n00:00:00.000 --> 00:01:00.000\nStart\n\nChapter 2\n00:01:00.000 --> 00:02:00.000\nNext\n');
    expect(store.chapters.map((c) => [c.id, c.title])).toEqual([
      ['debut', 'Start'],
      ['suite', 'Next'],
    ]);
    expect(store.problems).toEqual([]);
    expect(env.warnings.some((w) => w.includes('chapters-lang-paired'))).toBe(true);
  });

  it('tracks that cannot be paired keep their own ids, with a console warning and nothing for the learner', async () => {
    const { env, store } = await inEnglish('WEBVTT\n\nonly-one\n00:00:00.000 --> 00:02:00.000\nEverything\n');
    expect(store.chapters.map((c) => c.id)).toEqual(['only-one']);
    expect(store.problems).toEqual([]);
    expect(env.warnings.some((w) => w.includes('chapters-lang-mismatch'))).toBe(true);
  });

  it('the reference track failing is the author’s problem: the learner keeps the English chapters and sees no alert', async () => {
    const { env, store } = await inEnglish(null, (e) => e.serve(FR_CHAPTERS, 'not a WebVTT file'));
    expect(store.chapters.map((c) => c.title)).toEqual(['Start', 'Next']);
    expect(store.problems).toEqual([]);
    expect(env.warnings.length).toBeGreaterThan(0);
  });

  it('the lesson language itself needs no pairing', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    const store = new LessonStore(env);
    store.setLanguage('fr');
    await store.load(url);
    expect(store.chapters.map((c) => [c.id, c.title])).toEqual([
      ['debut', 'Début'],
      ['suite', 'Suite'],
    ]);
    expect(env.fetched.filter((url) => url.includes('/chapters/'))).toEqual([FR_CHAPTERS]);
  });
});

describe('loading: tracks in the manifest’s order', () => {
  it('whichever file arrives first, the caption languages are listed as the manifest lists them', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    let releaseFrench!: () => void;
    const french = 'https://lessons.test/captions/demo.fr.vtt';
    env.serve(french, { body: env.files.get(french)!.body!, after: new Promise<void>((resolve) => (releaseFrench = resolve)) });
    const store = new LessonStore(env);
    const loading = store.load(url);
    // The English file is read and parsed first: everything else the load waits for is in memory.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    releaseFrench();
    await loading;
    expect([...store.model!.captionTracks.keys()]).toEqual(['fr', 'en']);
  });
});

describe('loading: a long caption file', () => {
  it('is parsed in slices of VTT_SLICE_MS with a timer of the store’s scheduler between them, into the same cues', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    const parts = ['WEBVTT', ''];
    for (let i = 0; i < 300; i++) parts.push(`${stamp(i)} --> ${stamp(i + 1)}`, `Ligne ${i}`, '');
    env.serve('https://lessons.test/captions/demo.fr.vtt', parts.join('\n'));
    // Each reading of the clock is one more millisecond: a slice is VTT_SLICE_MS readings, one per cue.
    const now = env.scheduler.now;
    let extra = 0;
    env.scheduler.now = () => now() + extra++;
    const pauses: number[] = [];
    const setTimer = env.scheduler.setTimeout;
    env.scheduler.setTimeout = (callback, ms) => (ms === 0 && pauses.push(extra), setTimer(callback, ms));
    const store = new LessonStore(env);
    const loading = store.load(url);
    let loaded = false;
    void loading.then(() => (loaded = true));
    // The pauses are the scheduler's timers: the load goes on only as the clock moves.
    for (let i = 0; i < 1_000 && !loaded; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      env.advance(0);
    }
    await loading;
    expect(store.model!.cues.map((c) => c.text).slice(0, 2)).toEqual(['Ligne 0', 'Ligne 1']);
    expect(store.model!.cues).toHaveLength(300);
    expect(pauses.length).toBeGreaterThanOrEqual(Math.floor(300 / (VTT_SLICE_MS + 1)));
  });
});
