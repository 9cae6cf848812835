import { describe, expect, it } from 'vitest';
import { LessonStore } from '../state/lesson-store.ts';
import { FakeEnvironment, FakeMedia, serveLesson } from '../state/testing/fake-environment.ts';
import { COMMIT_INTERVAL_MS, ScormBridge } from './scorm-bridge.ts';
import type { WindowLike } from './scorm-api.ts';
import type { ScormVersion } from './suspend-data.ts';

/** A platform's run-time API in memory: its data model, what it committed, and every call in order. */
class FakeScorm {
  readonly data = new Map<string, string>();
  committed = new Map<string, string>();
  readonly calls: string[] = [];
  refuse = false;
  constructor(readonly version: ScormVersion) {}
  get api(): Record<string, (...args: string[]) => string> {
    const ok = (name: string, after?: () => void) => () => {
      this.calls.push(name);
      if (this.refuse) return 'false';
      after?.();
      return 'true';
    };
    const get = (element: string) => this.data.get(element) ?? '';
    const set = (element: string, value: string) => {
      this.calls.push(`set ${element}`);
      if (this.refuse) return 'false';
      this.data.set(element, value);
      return 'true';
    };
    const commit = () => (this.committed = new Map(this.data));
    return this.version === '1.2'
      ? { LMSInitialize: ok('init'), LMSFinish: ok('finish', commit), LMSGetValue: get, LMSSetValue: set, LMSCommit: ok('commit', commit), LMSGetLastError: () => '101', LMSGetErrorString: () => 'General exception' }
      : { Initialize: ok('init'), Terminate: ok('finish', commit), GetValue: get, SetValue: set, Commit: ok('commit', commit), GetLastError: () => '101', GetErrorString: () => 'General exception' };
  }
}

async function lesson(version: ScormVersion, setup: (platform: FakeScorm, env: FakeEnvironment) => void = () => undefined, windowFor = (api: unknown): WindowLike => ({ parent: { [version === '1.2' ? 'API' : 'API_1484_11']: api } })) {
  const env = new FakeEnvironment();
  const url = serveLesson(env);
  const platform = new FakeScorm(version);
  setup(platform, env);
  const store = new LessonStore(env);
  const bridge = new ScormBridge(store, env, { version, window: windowFor(platform.api), completeAt: 0.5 });
  store.use(bridge);
  store.start();
  await store.load(url);
  const media = new FakeMedia();
  store.attach(media);
  media.report({ canPlay: true, duration: 120 });
  /** Plays from `from` to `to` at normal speed, one clock sample every 250 ms. */
  const play = (from: number, to: number) => {
    store.seek(from);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: from });
    void store.play();
    for (let t = from + 0.25; t <= to; t += 0.25) {
      media.currentTime = t;
      env.frame();
      env.advance(250);
    }
    store.pause();
  };
  return { env, store, bridge, platform, media, play };
}

describe('ScormBridge, a plugin of the lesson store', () => {
  it('1.2: initializes, marks the attempt incomplete, then completes (never passed) once the share watched reaches the threshold', async () => {
    const { platform, play, bridge } = await lesson('1.2');
    expect(bridge.state).toBe('running');
    expect(platform.calls[0]).toBe('init');
    expect(platform.committed.get('cmi.core.lesson_status')).toBe('incomplete');
    play(0, 50);
    expect(platform.data.get('cmi.core.lesson_status')).toBe('incomplete');
    // Seeking past the threshold is not watching.
    play(100, 101);
    expect(platform.data.get('cmi.core.lesson_status')).toBe('incomplete');
    play(50, 62);
    expect(platform.committed.get('cmi.core.lesson_status')).toBe('completed');
    // Committed at once, from where the learner was when the threshold was crossed.
    expect(Number(platform.committed.get('cmi.core.lesson_location'))).toBeGreaterThan(59);
    expect(platform.committed.get('cmi.core.session_time')).toMatch(/^0000:01:\d\d\.\d\d$/);
    expect([...platform.data.values()]).not.toContain('passed');
  });

  it('2004: reports a floored progress measure and completion, and the platform’s own threshold wins', async () => {
    const { platform, play, env } = await lesson('2004', (p) => p.data.set('cmi.completion_threshold', '0.2'));
    play(0, 20);
    env.advance(COMMIT_INTERVAL_MS);
    expect(Number(platform.committed.get('cmi.progress_measure'))).toBeGreaterThan(0.15);
    expect(platform.committed.get('cmi.completion_status')).toBe('incomplete');
    play(20, 26);
    expect(platform.committed.get('cmi.completion_status')).toBe('completed');
    expect(platform.committed.get('cmi.progress_measure')).toBe('0.2'); // floored at the moment the threshold was crossed
    expect(platform.committed.get('cmi.session_time')).toMatch(/^PT0H0M\d+(\.\d+)?S$/);
    expect(platform.data.has('cmi.success_status')).toBe(false);
  });

  it('resumes from the platform: its location is offered, its watched ranges and notes come back', async () => {
    const { store, bridge, platform } = await lesson('1.2', (p) => {
      p.data.set('cmi.core.lesson_location', '75.5');
      p.data.set('cmi.suspend_data', 'lp1;pkz;w0-8c;n[["n1","suite",70,"à revoir",1700000000000,1700000000001]]');
    });
    expect(store.learner.resumeAt).toBe(75.5);
    expect(store.learner.record?.watched).toEqual([[0, 30]]);
    expect(store.learner.notes.map((n) => n.text)).toEqual(['à revoir']);
    // Committed before the learner answers: the place to resume at is kept, not the start of the video.
    bridge.commit();
    expect(platform.data.get('cmi.core.lesson_location')).toBe('75.5');
    store.learner.resume();
    store.seek(80);
    bridge.commit();
    expect(platform.data.get('cmi.core.lesson_location')).toBe('80');
  });

  it('commits at chapter changes and at most every 30 s, then once more and terminates once on pagehide', async () => {
    const { platform, env, play } = await lesson('1.2');
    const commits = () => platform.calls.filter((c) => c === 'commit').length;
    const first = commits();
    play(0, 20);
    expect(commits()).toBe(first);
    env.advance(COMMIT_INTERVAL_MS);
    expect(commits()).toBe(first + 1);
    play(55, 62); // into the second chapter
    expect(commits()).toBe(first + 2);
    env.fire('pagehide');
    env.fire('pagehide');
    expect(platform.calls.filter((c) => c === 'finish')).toHaveLength(1);
    expect(platform.committed.get('cmi.core.exit')).toBe('suspend');
    expect(platform.calls.at(-1)).toBe('finish');
  });

  it('keeps the notes in the browser and says so when they do not fit 1.2’s 4 096 characters', async () => {
    const { store, bridge, platform } = await lesson('1.2');
    let told = 0;
    store.learner.subscribe((changes) => changes.has('problem') && told++);
    for (let i = 0; i < 30; i++) store.learner.updateNote(store.learner.addNote(i)!.id, 'x'.repeat(200));
    bridge.commit();
    expect(platform.data.get('cmi.suspend_data')!.length).toBeLessThanOrEqual(4096);
    expect(platform.data.get('cmi.suspend_data')).not.toContain(';n');
    expect(store.learner.notesOnlyHere).toBe(true);
    expect(told).toBe(1);
    // Once they fit again (a note deleted), the platform keeps them again.
    for (const note of store.learner.notes.slice(5)) store.learner.deleteNote(note.id);
    bridge.commit();
    expect(platform.data.get('cmi.suspend_data')).toContain(';n');
    expect(store.learner.notesOnlyHere).toBe(false);
  });

  it('without an API, or with one that refuses: one warning, and the lesson plays on', async () => {
    const alone = await lesson('1.2', undefined, () => ({}));
    expect(alone.bridge.state).toBe('off');
    expect(alone.env.warnings).toEqual([expect.stringContaining('no SCORM 1.2 API found')]);
    alone.play(0, 5);
    expect(alone.store.learner.record?.watched.length).toBe(1);

    const refusing = await lesson('2004', (p) => (p.refuse = true));
    expect(refusing.bridge.state).toBe('off');
    expect(refusing.env.warnings).toEqual([expect.stringContaining('101: General exception')]);
    refusing.play(0, 5);
    expect(refusing.platform.calls).toEqual(['init']);
  });

  it('a platform that starts the session but then refuses values: one warning, and reporting goes on', async () => {
    const { platform, env, play } = await lesson('1.2');
    platform.data.delete('cmi.core.lesson_status');
    platform.refuse = true;
    play(0, 40);
    env.advance(COMMIT_INTERVAL_MS);
    play(40, 62); // past the threshold (half the lesson) and into the second chapter
    expect(env.warnings).toEqual([expect.stringMatching(/^the learning platform refused cmi\.core\.lesson_location \(101: General exception\)$/)]);
    expect(platform.data.has('cmi.core.lesson_status')).toBe(false);
    platform.refuse = false;
    env.fire('pagehide');
    expect(platform.committed.get('cmi.core.exit')).toBe('suspend');
    // The status refused when the threshold was crossed is set at the next commit.
    expect(platform.committed.get('cmi.core.lesson_status')).toBe('completed');
  });

  it('stopping leaves nothing registered; disposing terminates', async () => {
    const { store, bridge, env, platform, play } = await lesson('2004');
    play(0, 3);
    store.stop();
    expect(bridge.active).toBe(false);
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    expect(platform.calls).not.toContain('finish');
    store.dispose();
    expect(platform.calls.filter((c) => c === 'finish')).toHaveLength(1);
  });
});
