import { describe, expect, it } from 'vitest';
import type { SpeechEngine, Utterance } from '../core/description-scheduler.ts';
import type { LessonDescriptionsChangeDetail, LessonErrorDetail, LessonReadyDetail } from './lesson-events.ts';
import { LessonStore } from './lesson-store.ts';
import { FakeEnvironment, FakeMedia, serveLesson } from './testing/fake-environment.ts';

const DESCRIPTIONS = [
  { lang: 'fr', src: '../descriptions/demo.fr.vtt' },
  { lang: 'en', src: '../descriptions/demo.en.vtt' },
];
// A 150-character description at 10 s, when speech starts: it takes 10 s, so it extends.
const track = (word: string) => `WEBVTT\n\nd1\n00:00:10.000 --> 00:00:11.000\n${word.repeat(150)}\n`;

class RecordingEngine implements SpeechEngine {
  spoken: Utterance[] = [];
  cancels = 0;
  end: (() => void) | null = null;
  speak(u: Utterance, events: { end(): void; error(): void }): boolean {
    this.spoken.push(u);
    this.end = events.end;
    return true;
  }
  cancel(): void {
    this.cancels++;
  }
}

async function lesson(options: { stored?: string; enTrack?: string | { status: number }; engine?: RecordingEngine | null } = {}) {
  const env = new FakeEnvironment();
  const engine = options.engine === undefined ? new RecordingEngine() : options.engine;
  Object.assign(env, { speech: () => engine });
  if (options.stored) env.memory.setItem('lesson-player:audio-description', options.stored);
  const url = serveLesson(env, { descriptions: DESCRIPTIONS });
  env.serve('https://lessons.test/descriptions/demo.fr.vtt', track('d'));
  env.serve('https://lessons.test/descriptions/demo.en.vtt', options.enTrack ?? track('e'));
  const store = new LessonStore(env);
  store.start();
  await store.load(url);
  await store.descriptions.settled; // the scheduler's chunk, when the stored choice turns description on
  const media = new FakeMedia();
  store.attach(media);
  media.report({ canPlay: true, duration: 120 });
  return { env, store, media, engine };
}

describe('LessonStore: audio description', () => {
  it('is off by default, with the tracks that loaded said in lesson-ready', async () => {
    const { env, store } = await lesson();
    expect(store.snapshot.descriptions).toMatchObject({ language: null, available: ['fr', 'en'], delivery: 'announce', extended: true });
    expect(env.eventsOf<LessonReadyDetail>('lesson-ready')[0]!.descriptions.available).toEqual(['fr', 'en']);
  });

  it('announces in the live region by default, and holds the video for an extended description', async () => {
    const { env, store, media } = await lesson();
    const announced: string[] = [];
    store.requests.on('announce', ({ message }) => announced.push(message));
    store.descriptions.set(true);
    expect(store.snapshot.descriptions.language).toBe('fr');
    expect(env.eventsOf<LessonDescriptionsChangeDetail>('lesson-descriptionschange').at(-1)!.language).toBe('fr');
    await store.descriptions.settled;
    await store.play();
    media.report({ currentTime: 10.1 });
    env.frame();
    expect(announced).toEqual(['d'.repeat(150)]);
    expect(media.state.paused).toBe(true);
    env.advance(10_000);
    expect(media.state.paused).toBe(false);
  });

  it('reads with the speech engine when asked, remembers the choice, and a seek cancels it', async () => {
    const first = await lesson();
    first.store.descriptions.set('en');
    first.store.descriptions.configure({ delivery: 'speech', rate: 1.5 });
    const stored = first.env.memory.getItem('lesson-player:audio-description')!;
    expect(JSON.parse(stored)).toMatchObject({ on: true, delivery: 'speech', rate: 1.5 });

    const { store, media, engine, env } = await lesson({ stored });
    expect(store.snapshot.descriptions).toMatchObject({ language: 'fr', delivery: 'speech', rate: 1.5 }); // on, in the lesson's language
    await store.play();
    media.report({ currentTime: 10.2 });
    env.frame();
    expect(engine!.spoken).toEqual([{ text: 'd'.repeat(150), lang: 'fr', rate: 1.5 }]);
    expect(media.state.paused).toBe(true);
    media.report({ seeking: true, currentTime: 30 });
    expect(engine!.cancels).toBe(1);
    expect(media.state.paused).toBe(false); // the pause was the player's own
    store.descriptions.set(false);
    expect(store.snapshot.descriptions.language).toBeNull();
  });

  it('turned on while the video plays, it delivers the next description without waiting for a pause and a play', async () => {
    const { store, media, engine, env } = await lesson();
    await store.play();
    media.report({ currentTime: 5 });
    store.descriptions.configure({ delivery: 'speech' });
    store.descriptions.set(true);
    await store.descriptions.settled; // its chunk arrived while playing
    media.report({ currentTime: 10.1 });
    env.frame();
    expect(engine!.spoken).toEqual([{ text: 'd'.repeat(150), lang: 'fr', rate: 1 }]);
  });

  it('says a broken description track as such, and the lesson is ready without it', async () => {
    const { store, env } = await lesson({ enTrack: { status: 404 } });
    expect(store.status).toBe('ready');
    expect(store.snapshot.descriptions.available).toEqual(['fr']);
    const [problem] = env.eventsOf<LessonErrorDetail>('lesson-error');
    expect(problem!.problem).toMatchObject({ kind: 'descriptions', rule: 'fetch-status', file: 'https://lessons.test/descriptions/demo.en.vtt' });
  });

  it('stops speaking when the player leaves the page, and does not start the video again', async () => {
    const { store, media, engine, env } = await lesson({ stored: '{"on":true,"delivery":"speech"}' });
    await store.play();
    media.report({ currentTime: 10 });
    expect(engine!.spoken).toHaveLength(1);
    expect(media.state.paused).toBe(true); // held for the extended description
    const plays = media.plays;
    store.stop();
    expect(engine!.cancels).toBe(1);
    expect(env.pending.timers).toBe(0);
    expect(media.plays).toBe(plays);
    expect(media.state.paused).toBe(true);
  });
});
