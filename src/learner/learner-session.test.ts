import { describe, expect, it } from 'vitest';
import { LessonStore } from '../state/lesson-store.ts';
import { FakeEnvironment, FakeMedia, serveLesson } from '../state/testing/fake-environment.ts';
import { emptyRecord } from './learner-record.ts';
import { EDIT_SAVE_DELAY_MS, UNDO_MS } from './learner-session.ts';
import { newNoteId } from './notes.ts';

const KEY = 'lesson-player:learner:demo';

async function session(setup: (env: FakeEnvironment) => void = () => undefined) {
  const env = new FakeEnvironment();
  const url = serveLesson(env);
  setup(env);
  const store = new LessonStore(env);
  store.start();
  await store.load(url);
  return { env, store, learner: store.learner, stored: () => JSON.parse(env.memory.getItem(KEY) ?? 'null') };
}

describe('LearnerSession, a plugin of the lesson store', () => {
  it('opens the lesson record when the lesson is ready, and offers to resume a saved place', async () => {
    const { learner } = await session((env) =>
      env.memory.setItem(KEY, JSON.stringify({ version: 1, lessonId: 'demo', notes: [], watched: [], position: { time: 45, updatedAt: 1 }, clearedAt: 0 })),
    );
    expect(learner.record?.lessonId).toBe('demo');
    expect(learner.resumeAt).toBe(45);
  });

  it('a link to a moment says where to start: no offer to resume then', async () => {
    const { learner } = await session((env) => {
      env.fragment = '#t=10';
      env.memory.setItem(KEY, JSON.stringify({ version: 1, lessonId: 'demo', notes: [], watched: [], position: { time: 45, updatedAt: 1 }, clearedAt: 0 }));
    });
    expect(learner.resumeAt).toBeNull();
  });

  it('a new note asks its editor for the focus, once, and is written after the edit delay', async () => {
    const { env, learner, stored } = await session();
    const focus: unknown[] = [];
    learner.requests.on('focus-note', (r) => focus.push(r));
    const note = learner.addNote(70)!;
    expect(note.chapterId).toBe('suite');
    expect(focus).toEqual([{ noteId: note.id, chapterId: 'suite' }]);
    learner.updateNote(note.id, 'idée');
    env.advance(EDIT_SAVE_DELAY_MS - 1);
    expect(stored()).toBeNull();
    env.advance(1);
    expect(stored().notes.map((n: { text: string }) => n.text)).toEqual(['idée']);
  });

  it('a note on a passage keeps its range and its words, stored with it', async () => {
    const { env, learner, stored } = await session();
    expect(learner.addPassageNote(70, 65, 'à l’envers')).toBeNull();
    const note = learner.addPassageNote(64.6, 71.04, 'Depuis 2015\nje suis responsable')!;
    expect(note).toMatchObject({ chapterId: 'suite', time: 64, end: 71.1, quote: 'Depuis 2015\nje suis responsable', text: '' });
    learner.updateNote(note.id, 'à relire');
    env.advance(EDIT_SAVE_DELAY_MS);
    expect(stored().notes).toEqual([expect.objectContaining({ time: 64, end: 71.1, quote: 'Depuis 2015\nje suis responsable', text: 'à relire' })]);
  });

  it('a deleted note can be restored until the undo offer expires on the clock', async () => {
    const { env, learner } = await session();
    const note = learner.addNote(5)!;
    learner.deleteNote(note.id);
    expect(learner.undo).toEqual({ noteId: note.id, chapterId: 'debut' });
    expect(learner.notes).toEqual([]);
    env.advance(UNDO_MS - 1);
    expect(learner.undoDelete()?.id).toBe(note.id);
    expect(learner.notes.map((n) => n.id)).toEqual([note.id]);
    learner.deleteNote(note.id);
    env.advance(UNDO_MS);
    expect(learner.undo).toBeNull();
    expect(learner.undoDelete()).toBeNull();
  });

  it('records what was watched while playing, not what was skipped', async () => {
    const { env, store, learner } = await session();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    void store.play();
    for (let t = 0.25; t <= 10; t += 0.25) {
      media.currentTime = t;
      env.frame();
      env.advance(250);
    }
    store.seek(90);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: 90 });
    env.advance(250);
    store.pause();
    expect(learner.chapterProgress(store.chapters[0]!).share).toBeGreaterThan(0.15);
    expect(learner.chapterProgress(store.chapters[1]!).share).toBe(0);
  });

  it('counts a sample that came late on a busy machine, and never the jump of a seek made with the media controls', async () => {
    const { env, store, learner } = await session();
    const media = new FakeMedia();
    store.attach(media);
    media.report({ canPlay: true });
    void store.play();
    const play = (from: number, to: number, wallMs = 250) => {
      for (let t = from + 0.25; t <= to + 1e-9; t += 0.25) {
        media.currentTime = t;
        env.frame();
        env.advance(wallMs);
      }
    };
    play(0, 4);
    // Busy: the next sample comes 3 s late, and the media played on meanwhile.
    media.currentTime = 7;
    env.frame();
    env.advance(3000);
    play(7, 10);
    // The time slider: the media's clock reads the target before it reports the seek (2 s, a jump a sample allows).
    media.currentTime = 12;
    env.frame();
    media.report({ seeking: true, seekFrom: 10 });
    env.advance(250);
    media.report({ seeking: false, currentTime: 12 });
    play(12, 14);
    store.pause();
    expect(learner.record?.watched).toEqual([[0, 10], [12, 14]]);
  });

  it("merges another tab's write instead of overwriting it", async () => {
    const { env, learner } = await session();
    const mine = learner.addNote(5)!;
    const theirs = { id: newNoteId(2), chapterId: 'suite', time: 80, text: 'from the other tab', createdAt: 2, updatedAt: 2 };
    const record = { ...emptyRecord('demo'), notes: [theirs] };
    env.fire('storage', Object.assign(new Event('storage'), { key: KEY, newValue: JSON.stringify(record) }));
    expect(learner.notes.map((n) => n.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('writes what is pending when the page is hidden or left', async () => {
    const { env, learner, stored } = await session();
    learner.addNote(5);
    env.hidden = true;
    env.fire('visibilitychange');
    expect(stored().notes).toHaveLength(1);
    const note = learner.addNote(6)!;
    learner.updateNote(note.id, 'x');
    env.fire('pagehide');
    expect(stored().notes).toHaveLength(2);
  });

  it('stopped with the store: its listeners and timers are released, and restarted with it', async () => {
    const { env, store, learner } = await session();
    learner.addNote(5);
    learner.deleteNote(learner.notes[0]!.id);
    expect(learner.active).toBe(true);
    store.stop();
    expect(learner.active).toBe(false);
    expect(env.pending).toEqual({ timers: 0, frames: 0, listeners: 0 });
    store.start();
    expect(env.pending.listeners).toBe(4);
    expect(learner.record?.lessonId).toBe('demo');
  });

  it('keeps working in memory when storage is refused, and says so', async () => {
    const env = new FakeEnvironment();
    const url = serveLesson(env);
    env.storage = () => null;
    const store = new LessonStore(env);
    store.start();
    await store.load(url);
    expect(store.learner.problem).toBe('unavailable');
    expect(store.learner.addNote(3)).not.toBeNull();
  });
});
