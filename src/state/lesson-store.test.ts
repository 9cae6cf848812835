import { describe, expect, it } from 'vitest';
import type { LessonChapterChangeDetail, LessonCueChangeDetail, LessonErrorDetail, LessonReadyDetail } from './lesson-events.ts';
import { LessonStore } from './lesson-store.ts';
import { FakeEnvironment, FakeMedia, serveLesson, storeWithMedia } from './testing/fake-environment.ts';

async function loaded(setup: (env: FakeEnvironment) => void = () => undefined, lang = 'fr') {
  const env = new FakeEnvironment();
  const url = serveLesson(env);
  setup(env);
  const store = new LessonStore(env);
  store.setLanguage(lang);
  store.start();
  await store.load(url);
  return { env, store, url };
}

/** Waits for the promises already settled to run their callbacks (the note files arriving). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LessonStore: loading', () => {
  it('loads the lesson, its tracks and notes, and says so once with lesson-ready', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    const store = new LessonStore(env);
    const notesAtReady: boolean[] = [];
    store.subscribe((changes, snapshot) => changes.has('status') && snapshot.status === 'ready' && notesAtReady.push(snapshot.notesLoading));
    await store.load(url);
    expect(store.status).toBe('ready');
    expect(store.cues.map((c) => c.text)).toEqual(['Bonjour', 'Au milieu', 'À la fin']);
    expect(store.chapters.map((c) => c.id)).toEqual(['debut', 'suite']);
    expect(env.eventsOf<LessonReadyDetail>('lesson-ready')).toEqual([{ id: 'demo', title: 'Démo', duration: 120, cues: 3, chapters: 2, descriptions: expect.objectContaining({ language: null, available: [] }) }]);
    // Ready without the note files; they fill the model afterwards.
    expect(notesAtReady).toEqual([true]);
    expect(store.notesLoading).toBe(false);
    expect([...store.model!.notes.keys()]).toEqual(['debut', 'suite']);
  });

  it('makes a new snapshot for each change and tells subscribers what changed', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    const store = new LessonStore(env);
    const seen: { changes: string[]; status: string }[] = [];
    const snapshots = new Set<unknown>();
    store.subscribe((changes, snapshot) => {
      seen.push({ changes: [...changes], status: snapshot.status });
      snapshots.add(snapshot);
    });
    await store.load(url);
    expect(seen[0]).toEqual({ changes: ['status', 'model', 'problems'], status: 'loading' });
    expect(seen.some((s) => s.status === 'ready' && s.changes.includes('model'))).toBe(true);
    expect(snapshots.size).toBe(seen.length);
  });

  it('the duration comes from the manifest before the media is known, else from the tracks, then from the media', async () => {
    const { store } = await loaded();
    expect(store.duration).toBe(120);
    const media = new FakeMedia();
    store.attach(media);
    media.report({ duration: 118.5, canPlay: true });
    expect(store.duration).toBe(118.5);

    const env = new FakeEnvironment();
    const url = serveLesson(env, { duration: undefined });
    const noDuration = new LessonStore(env);
    await noDuration.load(url);
    expect(noDuration.duration).toBe(120); // the chapters' end
  });

  it('an adaptive stream left for the progressive file is told once, and a later failure of every source still is', async () => {
    const { env, store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ streamFallback: { src: 'hls/master.m3u8', reason: 'manifestLoadError' } });
    media.report({ streamFallback: { src: 'hls/master.m3u8', reason: 'manifestLoadError' }, canPlay: true });
    expect(store.problems).toEqual([expect.objectContaining({ file: 'hls/master.m3u8', kind: 'media', rule: 'media-stream-fallback', severity: 'error' })]);
    expect(store.status).toBe('ready');
    media.report({ error: 'none of the media sources could be loaded', failedSources: ['hls/master.m3u8', 'a.webm'] });
    expect(store.problems.map((p) => p.rule)).toEqual(['media-stream-fallback', 'media-error']);
    expect(env.eventsOf<LessonErrorDetail>('lesson-error').map((e) => e.problem.rule)).toEqual(['media-stream-fallback', 'media-error']);
  });

  it('a manifest answered 404 is an error naming the file, with lesson-error', async () => {
    const env = new FakeEnvironment();
    const store = new LessonStore(env);
    await store.load('missing.json');
    expect(store.status).toBe('error');
    const [error] = env.eventsOf<LessonErrorDetail>('lesson-error');
    expect(error!.problem).toMatchObject({ file: 'missing.json', kind: 'manifest', rule: 'fetch-status', params: { status: 404 } });
    expect(store.problems).toHaveLength(1);
  });

  it('a manifest that never answers times out on the injected clock', async () => {
    const env = new FakeEnvironment();
    env.serve('slow.json', { hang: true });
    const store = new LessonStore(env);
    store.fetchTimeoutMs = 5000;
    const loading = store.load('slow.json');
    await settled();
    expect(store.status).toBe('loading');
    env.advance(4999);
    await settled();
    expect(store.status).toBe('loading');
    env.advance(1);
    await loading;
    expect(store.status).toBe('error');
    expect(store.problems[0]).toMatchObject({ rule: 'fetch-timeout', params: { seconds: 5 } });
    expect(env.pending.timers).toBe(0);
  });

  it('an invalid manifest is an error, and a broken caption file does not stop the lesson', async () => {
    const env = new FakeEnvironment();
    env.serve('bad.json', '{ "version": 1, ');
    const store = new LessonStore(env);
    await store.load('bad.json');
    expect(store.status).toBe('error');
    expect(store.problems[0]).toMatchObject({ kind: 'manifest', file: 'bad.json' });

    const { store: partial } = await loaded((env) => env.serve('https://lessons.test/captions/demo.en.vtt', { status: 500 }));
    expect(partial.status).toBe('ready');
    expect(partial.problems).toEqual([expect.objectContaining({ kind: 'captions', rule: 'fetch-status' })]);
    expect([...partial.model!.captionTracks.keys()]).toEqual(['fr']);
  });

  it('a new lesson while one is loading replaces it: the first one never becomes ready', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    env.serve('slow.json', { hang: true });
    const store = new LessonStore(env);
    const first = store.load('slow.json');
    await store.load(url);
    await first;
    expect(store.status).toBe('ready');
    expect(store.problems).toEqual([]);
    expect(env.eventsOf('lesson-ready')).toHaveLength(1);
  });
});

describe('LessonStore: deep links', () => {
  it('#t= starts there, before and after the media can play', async () => {
    const { store } = await loaded((env) => (env.fragment = '#t=75'));
    expect(store.currentTime).toBe(75);
    expect(store.activeChapter?.id).toBe('suite');
    const media = new FakeMedia();
    store.attach(media);
    expect(media.seeks).toEqual([]);
    media.report({ canPlay: true });
    expect(media.seeks).toEqual([75]);
  });

  it('#chapter= starts at the chapter', async () => {
    const { store } = await loaded((env) => (env.fragment = '#chapter=suite'));
    expect(store.currentTime).toBe(60);
  });

  it('bad values are warnings, never exceptions', async () => {
    const { env, store } = await loaded((env) => (env.fragment = '#t=soon'));
    expect(store.currentTime).toBe(0);
    expect(env.warnings).toEqual([expect.stringContaining('ignored part of the link')]);
    const { env: env2 } = await loaded((env) => (env.fragment = '#chapter=nowhere'));
    expect(env2.warnings).toEqual([expect.stringContaining('no chapter "nowhere"')]);
  });

  it('#t=start,end opens a passage: its start, shown to the views, and one pause when playback reaches its end', async () => {
    const { env, store } = await loaded((env) => (env.fragment = '#t=5,12.5'));
    expect(store.currentTime).toBe(5);
    expect(store.snapshot.passage).toEqual({ start: 5, end: 12.5 });
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    expect(media.seeks).toEqual([5]);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: 5 });
    void store.play();
    for (const time of [6, 9, 12.4, 12.6]) {
      media.currentTime = time;
      env.frame();
    }
    expect(media.state.paused).toBe(true);
    expect(store.paused).toBe(true);
    // Played on from there, the lesson does not stop at the end again.
    void store.play();
    store.seek(10);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: 10 });
    for (const time of [11, 12.4, 12.6, 13]) {
      media.currentTime = time;
      env.frame();
    }
    expect(media.state.paused).toBe(false);
    expect(store.snapshot.passage).toEqual({ start: 5, end: 12.5 });
  });

  it('a reversed passage is ignored with a warning; a plain #t= after a passage forgets it', async () => {
    const { env, store } = await loaded((env) => (env.fragment = '#t=12,5'));
    expect(store.currentTime).toBe(0);
    expect(store.snapshot.passage).toBeNull();
    expect(env.warnings).toEqual([expect.stringMatching(/ignored part of the link: t="12,5" is a passage that ends before it starts/)]);
    env.fragment = '#t=20,30';
    env.fire('hashchange');
    expect([store.currentTime, store.snapshot.passage]).toEqual([20, { start: 20, end: 30 }]);
    store.seekPassage(null);
    expect(store.snapshot.passage).toBeNull();
  });

  it('a hashchange while the page is open seeks', async () => {
    const { env, store } = await loaded();
    env.fragment = '#t=30';
    env.fire('hashchange');
    expect(store.currentTime).toBe(30);
  });
});

describe('LessonStore: seeks are facts with where they started and landed', () => {
  it("tells the lesson's own seeks at once, and those of the media's controls when the media has done them", async () => {
    const { store, media } = await storeWithMedia();
    media.report({ canPlay: true, currentTime: 5 });
    const seeks: { from: number; to: number }[] = [];
    store.requests.on('seeked', (seek) => seeks.push(seek));
    store.seek(70);
    expect(seeks).toEqual([{ from: 5, to: 70 }]);
    media.report({ seeking: true, currentTime: 5 });
    expect(store.seeking).toBe(true);
    media.report({ seeking: false, currentTime: 70 });
    expect(seeks).toHaveLength(1);
    // The slider: the media says where the seek started; the store tells it when it is done.
    media.report({ seeking: true, seekFrom: 70, currentTime: 30 });
    expect(seeks).toHaveLength(1);
    media.report({ seeking: false, currentTime: 30 });
    expect(store.seeking).toBe(false);
    expect(seeks).toEqual([{ from: 5, to: 70 }, { from: 70, to: 30 }]);
    // Playing, the clock has moved on when the media reports the seek done: the target it was sent to is told.
    media.report({ seeking: true, seekFrom: 31, seekTo: 41, currentTime: 41 });
    media.report({ seeking: false, seekFrom: 31, seekTo: 41, currentTime: 42.6 });
    expect(seeks.at(-1)).toEqual({ from: 31, to: 41 });
  });
});

describe('LessonStore: the clock holds a seek the media has not applied yet', () => {
  it('keeps the target until the media reports the seek done', async () => {
    const { store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true, currentTime: 5 });
    store.seek(70);
    expect(media.seeks).toEqual([70]);
    expect(store.currentTime).toBe(70);
    // A state change before the media applied the seek: its clock still says 5.
    media.report({ paused: true, currentTime: 5 });
    expect(store.currentTime).toBe(70);
    expect(store.activeChapter?.id).toBe('suite');
    media.report({ seeking: true, currentTime: 5 });
    media.report({ seeking: false, currentTime: 70 });
    media.report({ currentTime: 72 });
    expect(store.currentTime).toBe(72);
  });

  it('a media that clamps the target is the truth once it has finished seeking', async () => {
    const { store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    store.seek(100);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: 95 });
    expect(store.currentTime).toBe(95);
  });

  it('a seek before the media can play waits for it; a later one wins', async () => {
    const { store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    store.seek(20);
    store.seek(40);
    expect(store.currentTime).toBe(40);
    media.report({ currentTime: 0 });
    expect(store.currentTime).toBe(40);
    media.report({ canPlay: true });
    expect(media.seeks).toEqual([40]);
  });

  it('seeks are clamped to the lesson and ignore what is not a number', async () => {
    const { store } = await loaded();
    store.seek(-5);
    expect(store.currentTime).toBe(0);
    store.seek(500);
    expect(store.currentTime).toBe(120);
    store.seek(Number.NaN);
    expect(store.currentTime).toBe(120);
  });
});

describe('LessonStore: cue and chapter changes', () => {
  it('each change is one event with its cue or chapter, as the frames move the clock', async () => {
    const { env, store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    env.events.length = 0;
    void store.play();
    for (const time of [5, 9.9, 10.1, 30, 59.9, 60.2, 61]) {
      media.currentTime = time;
      env.frame();
    }
    expect(env.eventsOf<LessonCueChangeDetail>('lesson-cuechange').map((d) => [d.index, d.cue?.text])).toEqual([
      [1, 'Au milieu'],
      [2, 'À la fin'],
    ]);
    expect(env.eventsOf<LessonChapterChangeDetail>('lesson-chapterchange').map((d) => [d.index, d.chapter?.id])).toEqual([[1, 'suite']]);
  });

  it('no frame is requested while paused, and one each frame while playing', async () => {
    const { env, store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    expect(env.pending.frames).toBe(0);
    void store.play();
    expect(env.pending.frames).toBe(1);
    env.frame();
    expect(env.pending.frames).toBe(1);
    store.pause();
    env.frame();
    expect(env.pending.frames).toBe(0);
  });

  it('the caption over the video follows the captions language', async () => {
    const { store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true, currentTime: 12 });
    expect(store.overlayCue).toBeNull();
    store.setCaptions('en');
    expect(store.captionsLanguage).toBe('en');
    expect(store.overlayCue?.text).toBe('In the middle');
  });
});

describe('LessonStore: language', () => {
  it('holds the UI language and picks the lesson content in it', async () => {
    const { store } = await loaded(undefined, 'en-GB');
    expect(store.lang).toBe('en');
    expect(store.model!.contentLang).toBe('en');
    expect(store.chapters.map((c) => c.title)).toEqual(['Start', 'Next']);
  });

  it('a switch is one lang change; reloading in it keeps the place', async () => {
    const { store, url } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true, currentTime: 65 });
    const changes: string[][] = [];
    store.subscribe((c) => changes.push([...c]));
    expect(store.setLanguage('en')).toBe('en');
    expect(changes).toEqual([['lang']]);
    await store.load(url);
    expect(store.cues[0]!.text).toBe('Hello');
    expect(store.currentTime).toBe(65);
    expect(store.activeChapter?.title).toBe('Next');
  });

  it('an unsupported language falls back to French with one warning', () => {
    const env = new FakeEnvironment();
    const store = new LessonStore(env);
    store.setLanguage('en');
    expect(store.setLanguage('de')).toBe('fr');
    expect(store.setLanguage('de')).toBe('fr');
    expect(env.warnings).toEqual(['lang="de" is not a language of the player (fr, en): it speaks French']);
  });
});

describe('LessonStore: the API before the media is mounted', () => {
  it('play() waits for the media and plays it then', async () => {
    const { store } = await loaded();
    let played = false;
    const playing = store.play().then(() => (played = true));
    await settled();
    expect(played).toBe(false);
    const media = new FakeMedia();
    store.attach(media);
    await playing;
    expect(media.plays).toBe(1);
  });

  it('requests go to whoever listens, once, and not to a listener that left', async () => {
    const { store } = await loaded();
    const opened: unknown[] = [];
    const stop = store.requests.on('open-notes', (r) => opened.push(r));
    expect(store.openNotes('suite', true)).toBe(true);
    expect(store.openNotes('nowhere')).toBe(false);
    stop();
    store.openNotes('debut');
    expect(opened).toEqual([{ chapterId: 'suite', focus: true }]);
  });
});

describe('LessonStore: lifecycle', () => {
  it('stop() releases every listener, timer, frame and media subscription, after writing the learner data', async () => {
    const { env, store } = await loaded();
    await settled();
    expect(env.pending.listeners).toBe(4); // hashchange, and the learner's storage, pagehide, visibilitychange
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    void store.play();
    media.currentTime = 30;
    env.frame();
    store.learner.addNote(30);
    env.advance(300); // the sampling timers are running
    expect(env.pending.frames).toBe(1);
    expect(env.pending.timers).toBeGreaterThan(0);

    store.stop();
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    expect(media.subscribers).toBe(0);
    const saved = JSON.parse(env.memory.getItem('lesson-player:learner:demo')!);
    expect(saved.notes).toHaveLength(1);
    expect(saved.position.time).toBe(30);
  });

  it('a load cut short by stop() starts again with start()', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    const store = new LessonStore(env);
    store.start();
    const first = store.load(url);
    store.stop();
    await first;
    expect(store.status).toBe('loading');
    store.start();
    await expect.poll(() => store.status).toBe('ready');
  });

  it('attached again after a restart, the media is told the place, the play state and the captions', async () => {
    const { env, store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true, captionsLanguage: 'en' });
    void store.play();
    media.currentTime = 42;
    env.frame();
    store.stop();
    expect(store.paused, 'nothing plays while the player is away').toBe(true);

    store.start();
    const again = new FakeMedia();
    store.attach(again, { restore: true });
    expect(again.captions).toEqual(['en']);
    expect(again.plays).toBe(1);
    expect(store.currentTime).toBe(42);
    again.report({ canPlay: true });
    expect(again.seeks).toEqual([42]);
    expect(store.lang).toBe('fr');
  });

  it('dispose() also forgets its subscribers and request handlers', async () => {
    const { store } = await loaded();
    store.subscribe(() => undefined);
    store.requests.on('announce', () => undefined);
    store.dispose();
    expect(store.listenerCount).toBe(0);
    expect(store.learner.active).toBe(false);
  });
});

describe('LessonStore: another lesson', () => {
  it("a broken new lesson while playing is an error of its own; the old lesson's learner data is kept, not overwritten", async () => {
    const { env, store } = await loaded();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    void store.play();
    media.currentTime = 50;
    env.frame();
    const note = store.learner.addNote(50)!;
    store.learner.updateNote(note.id, 'à revoir');

    await store.load('broken.json');
    expect(store.status).toBe('error');
    expect(store.problems).toEqual([expect.objectContaining({ file: 'broken.json', rule: 'fetch-status' })]);
    expect(media.state.paused).toBe(true);
    expect(store.learner.record).toBeNull();
    const saved = JSON.parse(env.memory.getItem('lesson-player:learner:demo')!);
    expect(saved.notes.map((n: { text: string }) => n.text)).toEqual(['à revoir']);
    expect(saved.position.time).toBe(50);
    // Nothing more is written to the old lesson's record.
    env.advance(10_000);
    expect(env.memory.getItem('lesson-player:learner:demo')).toBe(JSON.stringify(saved));
  });
});
