import { describe, expect, it } from 'vitest';
import { NOTES_IN_FLIGHT, VTT_SLICE_MS } from './lesson-loader.ts';
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

describe('loading: the notes once the lesson is on screen', () => {
  const isNote = (url: string) => url.includes('/notes/');
  /** The small lesson loading on a page that has not painted since: its load is ready, its notes waiting. */
  async function readyBeforePaint() {
    const env = new FakeEnvironment();
    env.holdPaints = true;
    const store = new LessonStore(env);
    const loading = store.load(serveLesson(env));
    await expect.poll(() => store.status).toBe('ready');
    return { env, store, loading };
  }

  it('no note is asked for before lesson-ready; they are once the page has painted, and the lesson then has them', async () => {
    const { env, store, loading } = await readyBeforePaint();
    expect(env.eventsOf('lesson-ready')).toHaveLength(1);
    expect(env.fetched.filter(isNote)).toEqual([]);
    expect(store.notesLoading).toBe(true);
    env.paint();
    await loading;
    expect(env.fetched.filter(isNote)).toEqual(['https://lessons.test/notes/debut.fr.md', 'https://lessons.test/notes/suite.fr.md']);
    expect(store.notesLoading).toBe(false);
    expect([...store.model!.notes.keys()]).toEqual(['debut', 'suite']);
  });

  it('a lesson replaced before the paint never asks for its notes, and leaves no paint waiting', async () => {
    const { env, store, loading: first } = await readyBeforePaint();
    env.holdPaints = false;
    await Promise.all([first, store.load(serveLesson(env))]);
    expect(env.pending.frames).toBe(0);
    env.paint();
    expect(env.fetched.filter(isNote)).toHaveLength(2);
  });
});

describe('loading: the notes two at a time', () => {
  it(`never more than ${NOTES_IN_FLIGHT} note requests in flight, asked in the manifest's order, kept in that order whatever arrives first`, async () => {
    const env = new FakeEnvironment();
    const ids = ['debut', 'suite', 'n3', 'n4', 'n5'];
    const release = new Map<string, () => void>();
    for (const id of ids) {
      const held = new Promise<void>((resolve) => release.set(id, resolve));
      env.serve(`https://lessons.test/notes/${id}.md`, { body: `# ${id}`, after: held });
    }
    const url = serveLesson(env, { notes: { fr: Object.fromEntries(ids.map((id) => [id, `../notes/${id}.md`])) } });
    const store = new LessonStore(env);
    const loading = store.load(url);
    const asked = () => env.fetched.filter((u) => u.includes('/notes/')).map((u) => u.replace(/^.*\/notes\/|\.md$/g, ''));
    await expect.poll(asked).toEqual(['debut', 'suite']);
    release.get('suite')!();
    await expect.poll(asked).toEqual(['debut', 'suite', 'n3']);
    release.get('n3')!();
    await expect.poll(asked).toEqual(['debut', 'suite', 'n3', 'n4']);
    expect(store.notesLoading).toBe(true);
    for (const id of ['n5', 'n4', 'debut']) release.get(id)!();
    await loading;
    expect(asked()).toEqual(ids);
    expect([...store.model!.notes.keys()]).toEqual(ids);
    expect(store.notesLoading).toBe(false);
  });
});
