/**
 * The learner's side of a lesson, for one player: their notes, what they watched, where they stopped. A plugin of
 * the player's lesson store: created by it (`store.learner`), started and stopped with it (its page listeners
 * live only while the player is on the page), and written out before it stops.
 *
 * Saving: note edits are written 300 ms after the last keystroke, progress and position every few seconds while
 * playing, and everything pending at once on `pagehide` or when the page is hidden. Each write merges with what is
 * stored (another tab may have written) and another tab's writes arrive through the `storage` event and are merged
 * in, never written over. When storage fails the session keeps everything in memory and says so.
 */
import { parseDeepLink, passageEnd } from '../core/deep-link.ts';
import { chapterIndexAt } from '../core/timeline.ts';
import type { Chapter } from '../core/types.ts';
import type { LessonEnvironment, TimerId } from '../state/environment.ts';
import type { LessonChange, LessonStore } from '../state/lesson-store.ts';
import { Requests } from '../state/requests.ts';
import { emptyRecord, mergeRecords, readRecord, type LearnerRecord } from './learner-record.ts';
import { LearnerStorage, type StorageProblem } from './learner-storage.ts';
import { liveNotes, MAX_NOTE_LENGTH, newNoteId, type LearnerNote } from './notes.ts';
import { addRange, isPlaybackStep, lessonPercent, shouldOfferResume, watchedShare, watchedState, type TimeRange, type WatchedState } from './progress.ts';

export const EDIT_SAVE_DELAY_MS = 300;
const SAMPLE_MS = 250;
const PROGRESS_SAVE_MS = 2000;
export const UNDO_MS = 8000;

export type LearnerChange = 'notes' | 'progress' | 'resume' | 'problem' | 'undo';

export interface ChapterProgress {
  share: number;
  state: WatchedState;
}

export interface UndoOffer {
  noteId: string;
  chapterId: string;
}

/** One-shot requests to the note views. */
export interface LearnerRequests {
  /** A note was just added or restored: its editor takes the focus. */
  'focus-note': { noteId: string; chapterId: string };
}

type Listener = (changes: ReadonlySet<LearnerChange>) => void;

export class LearnerSession {
  record: LearnerRecord | null = null;
  problem: StorageProblem | null = null;
  /** The saved position to offer to resume at, until the learner answers. */
  resumeAt: number | null = null;
  undo: UndoOffer | null = null;
  /** The learning platform keeps the place and progress but not the notes (they did not fit): said to the learner. */
  notesOnlyHere = false;
  readonly requests = new Requests<LearnerRequests>();

  readonly #controller: LessonStore;
  readonly #env: LessonEnvironment;
  #storage: LearnerStorage | null = null;
  #listeners = new Set<Listener>();
  /** What `start()` registered: the store subscription and the page listeners. */
  #stopListening: (() => void)[] = [];
  #editTimer: TimerId | undefined;
  #sampleTimer: TimerId | undefined;
  #undoTimer: TimerId | undefined;
  #lastSample: { time: number; wall: number } | null = null;
  #lastProgressSave = 0;
  #dirty = false;
  #lessonModel: unknown = null;

  constructor(store: LessonStore, env: LessonEnvironment) {
    this.#controller = store;
    this.#env = env;
  }

  /** The player is on the page: follow the lesson, the other tabs' writes and the page being hidden or left. */
  start(): void {
    if (this.#stopListening.length) return;
    this.#stopListening = [
      this.#controller.subscribe((changes) => this.#onLessonChange(changes)),
      // A seek is a jump, not watching: the next sample measures from where it landed.
      this.#controller.requests.on('seeked', ({ to }) => this.#lastSample && (this.#lastSample = { time: to, wall: this.#env.scheduler.now() })),
      this.#env.listen('storage', (event) => this.#onStorage(event as StorageEvent)),
      this.#env.listen('pagehide', () => this.flush()),
      this.#env.listen('visibilitychange', () => this.#env.pageHidden() && this.flush()),
    ];
    this.#onLessonChange(new Set(['model', 'playback']));
  }

  /** The player left the page: everything pending is written, then every listener and timer is released. */
  stop(): void {
    this.flush();
    this.#stopSampling();
    this.#clearTimers();
    if (this.undo) {
      this.undo = null;
      this.#notify('undo');
    }
    this.#stopListening.forEach((stop) => stop());
    this.#stopListening = [];
  }

  /** Another lesson is coming: this one's data is written and put away (a failed new lesson never overwrites it). */
  close(): void {
    this.flush();
    this.#stopSampling();
    this.#clearTimers();
    this.record = null;
    this.#storage = null;
    this.#lessonModel = null;
    this.resumeAt = null;
    this.undo = null;
    this.#notify('notes', 'progress', 'resume', 'undo');
  }

  dispose(): void {
    this.stop();
    this.#listeners.clear();
    this.requests.clear();
  }

  /** Whether anything is left registered or pending (tests check that stopping leaves nothing). */
  get active(): boolean {
    return this.#stopListening.length > 0 || [this.#editTimer, this.#sampleTimer, this.#undoTimer].some((t) => t !== undefined);
  }

  #clearTimers(): void {
    const { scheduler } = this.#env;
    scheduler.clearTimeout(this.#editTimer);
    scheduler.clearTimeout(this.#undoTimer);
    this.#editTimer = this.#undoTimer = undefined;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(...changes: LearnerChange[]): void {
    const set = new Set(changes);
    for (const listener of this.#listeners) listener(set);
  }

  // ——— Lesson and playback ———

  #onLessonChange(changes: ReadonlySet<LessonChange>): void {
    const model = this.#controller.model;
    if (changes.has('model') && model !== this.#lessonModel) {
      this.#lessonModel = model;
      if (model) this.#open(model.manifest.id);
    }
    if (changes.has('playback')) {
      if (!this.#controller.paused && this.record) this.#startSampling();
      else this.#stopSampling();
    }
  }

  #open(lessonId: string): void {
    if (this.record?.lessonId === lessonId) return;
    this.flush();
    this.#storage = new LearnerStorage(this.#env.storage(), lessonId, this.#env.scheduler.wallClock);
    const outcome = this.#storage.load();
    this.record = outcome.record ?? emptyRecord(lessonId);
    this.problem = outcome.problem ?? null;
    const link = parseDeepLink(this.#env.hash());
    const position = this.record.position?.time;
    // A link to a moment says where to start: no offer then.
    this.resumeAt = link.time === undefined && !link.chapter && shouldOfferResume(position, this.#duration()) ? position! : null;
    this.#notify('notes', 'progress', 'resume', 'problem');
    if (!this.#controller.paused) this.#startSampling();
  }

  #duration(): number {
    return this.#controller.duration;
  }

  #startSampling(): void {
    if (this.#sampleTimer !== undefined) return;
    this.#lastSample = { time: this.#controller.currentTime, wall: this.#env.scheduler.now() };
    const next = () => {
      this.#sampleTimer = this.#env.scheduler.setTimeout(() => {
        next();
        this.#sample();
      }, SAMPLE_MS);
    };
    next();
  }

  #stopSampling(): void {
    if (this.#sampleTimer === undefined) return;
    this.#sample();
    this.#env.scheduler.clearTimeout(this.#sampleTimer);
    this.#sampleTimer = undefined;
    this.#lastSample = null;
    this.#saveProgress(true);
  }

  /** Adds the span since the last sample when it was playback, not a seek. */
  #sample(): void {
    const record = this.record;
    if (!record) return;
    const now = { time: this.#controller.currentTime, wall: this.#env.scheduler.now() };
    // While the media seeks, its clock says where it is going, not what was watched.
    const last = this.#controller.seeking ? null : this.#lastSample;
    this.#lastSample = now;
    if (last && isPlaybackStep(now.time - last.time, (now.wall - last.wall) / 1000)) {
      record.watched = addRange(record.watched, last.time, now.time);
      this.#dirty = true;
      this.#notify('progress');
    }
    record.position = { time: now.time, updatedAt: this.#env.scheduler.wallClock() };
    this.#dirty = true;
    this.#saveProgress(false);
  }

  #saveProgress(force: boolean): void {
    const wall = this.#env.scheduler.now();
    if (!force && wall - this.#lastProgressSave < PROGRESS_SAVE_MS) return;
    this.#lastProgressSave = wall;
    this.#save();
  }

  chapterProgress(chapter: Pick<Chapter, 'start' | 'end'>): ChapterProgress {
    const share = watchedShare(this.record?.watched ?? [], chapter.start, chapter.end);
    return { share, state: watchedState(share) };
  }

  lessonPercent(): number {
    return lessonPercent(this.record?.watched ?? [], this.#duration());
  }

  resume(): void {
    if (this.resumeAt === null) return;
    this.#controller.seek(this.resumeAt);
    this.resumeAt = null;
    this.#notify('resume');
  }

  /**
   * The learning platform's copy of this learner's state (SCORM `suspend_data` and location): merged into the
   * record (watched ranges united, notes by id); its position is the one offered to resume at, unless a link to a
   * moment says where to start.
   */
  adoptPlatformState(state: { position: number | null; watched: readonly TimeRange[]; notes: readonly LearnerNote[] }): void {
    const record = this.record;
    if (!record) return;
    const now = this.#env.scheduler.wallClock();
    const position = state.position === null ? null : { time: state.position, updatedAt: Math.max(now, (record.position?.updatedAt ?? 0) + 1) };
    this.record = mergeRecords(record, { ...record, watched: [...state.watched], notes: [...state.notes], position });
    const link = parseDeepLink(this.#env.hash());
    if (position && link.time === undefined && !link.chapter) this.resumeAt = shouldOfferResume(position.time, this.#duration()) ? position.time : null;
    this.#notify('notes', 'progress', 'resume');
    this.#save();
  }

  /** Set by the learning platform's bridge each time it writes what it keeps. */
  setNotesOnlyHere(value: boolean): void {
    if (value === this.notesOnlyHere) return;
    this.notesOnlyHere = value;
    this.#notify('problem');
  }

  dismissResume(): void {
    this.resumeAt = null;
    this.#notify('resume');
  }

  // ——— Notes ———

  get notes(): LearnerNote[] {
    return liveNotes(this.record?.notes ?? []);
  }

  notesOf(chapterId: string): LearnerNote[] {
    return this.notes.filter((n) => n.chapterId === chapterId);
  }

  /** The chapter a moment is in. */
  chapterAt(time: number): string {
    const chapters = this.#controller.chapters;
    return chapters[Math.max(0, chapterIndexAt(chapters, time))]?.id ?? '';
  }

  /** Adds an empty note at a moment (in its chapter) and asks its editor to take the focus. */
  addNote(time: number, chapterId = this.chapterAt(time), passage: Pick<LearnerNote, 'end' | 'quote'> = {}): LearnerNote | null {
    const record = this.record;
    if (!record) return null;
    const now = this.#env.scheduler.wallClock();
    const note: LearnerNote = { id: newNoteId(now), chapterId, time: Math.max(0, Math.floor(time)), ...passage, text: '', createdAt: now, updatedAt: now };
    record.notes = [...record.notes, note].sort((a, b) => a.time - b.time || a.createdAt - b.createdAt);
    this.#notify('notes');
    this.requests.emit('focus-note', { noteId: note.id, chapterId });
    this.#scheduleSave();
    return note;
  }

  /** A note on a passage: anchored at its start, with its end and its words (the passage plays from the note). */
  addPassageNote(start: number, end: number, quote: string): LearnerNote | null {
    if (!(end > start)) return null;
    // The end as the passage's link has it, after the last words.
    return this.addNote(start, this.chapterAt(start), { end: passageEnd(start, end), quote: quote.slice(0, MAX_NOTE_LENGTH) });
  }

  updateNote(id: string, text: string): void {
    const note = this.record?.notes.find((n) => n.id === id);
    if (!note || note.text === text) return;
    this.#touch(note, { text: text.slice(0, MAX_NOTE_LENGTH) });
    this.#notify('notes');
    this.#scheduleSave();
  }

  deleteNote(id: string): void {
    const note = this.record?.notes.find((n) => n.id === id);
    if (!note || note.deleted) return;
    this.#touch(note, { deleted: true });
    this.#env.scheduler.clearTimeout(this.#undoTimer);
    this.undo = { noteId: id, chapterId: note.chapterId };
    this.#undoTimer = this.#env.scheduler.setTimeout(() => {
      this.#undoTimer = undefined;
      this.undo = null;
      this.#notify('undo');
    }, UNDO_MS);
    this.#notify('notes', 'undo');
    this.#save();
  }

  undoDelete(): LearnerNote | null {
    const undo = this.undo;
    const note = undo && this.record?.notes.find((n) => n.id === undo.noteId);
    this.#env.scheduler.clearTimeout(this.#undoTimer);
    this.#undoTimer = undefined;
    this.undo = null;
    if (!note) {
      this.#notify('undo');
      return null;
    }
    this.#touch(note, { deleted: false });
    this.#notify('notes', 'undo');
    this.requests.emit('focus-note', { noteId: note.id, chapterId: note.chapterId });
    this.#save();
    return note;
  }

  /** Notes read from a file: merged by id (a note already here is not added twice; the latest version wins). */
  importNotes(notes: readonly LearnerNote[]): { added: number; updated: number } {
    const record = this.record;
    if (!record) return { added: 0, updated: 0 };
    const known = new Map(record.notes.map((n) => [n.id, n]));
    let added = 0;
    let updated = 0;
    // A note never seen here is new to this browser: it must not be dropped as older than a past "clear".
    const incoming = notes.map((n) => (known.has(n.id) ? n : { ...n, createdAt: Math.max(n.createdAt, record.clearedAt), updatedAt: Math.max(n.updatedAt, record.clearedAt) }));
    const merged = mergeRecords(record, { ...record, notes: incoming });
    for (const note of merged.notes) {
      const before = known.get(note.id);
      if (!before) added++;
      else if (before !== note && !note.deleted) updated++;
    }
    this.record = merged;
    this.#notify('notes');
    this.#save();
    return { added, updated };
  }

  /** Forgets this lesson's notes, progress and position, here and in the other tabs. */
  clearAll(): void {
    const record = this.record;
    if (!record) return;
    this.#env.scheduler.clearTimeout(this.#undoTimer);
    this.#undoTimer = undefined;
    this.undo = null;
    this.resumeAt = null;
    this.record = emptyRecord(record.lessonId, this.#env.scheduler.wallClock());
    this.#lastSample = this.#sampleTimer !== undefined ? { time: this.#controller.currentTime, wall: this.#env.scheduler.now() } : null;
    this.#notify('notes', 'progress', 'resume', 'undo');
    this.#save();
  }

  #touch(note: LearnerNote, change: Partial<LearnerNote>): void {
    const updated = { ...note, ...change, updatedAt: Math.max(this.#env.scheduler.wallClock(), note.updatedAt + 1) };
    this.record!.notes = this.record!.notes.map((n) => (n.id === note.id ? updated : n));
  }

  // ——— Saving ———

  #scheduleSave(): void {
    this.#dirty = true;
    this.#env.scheduler.clearTimeout(this.#editTimer);
    this.#editTimer = this.#env.scheduler.setTimeout(() => this.#save(), EDIT_SAVE_DELAY_MS);
  }

  /** Writes anything pending now (page hidden or closed). */
  flush(): void {
    if (this.#sampleTimer !== undefined) this.#sample();
    if (this.#dirty) this.#save();
  }

  #save(): void {
    this.#env.scheduler.clearTimeout(this.#editTimer);
    this.#editTimer = undefined;
    if (!this.record || !this.#storage) return;
    this.#dirty = false;
    const { record, problem } = this.#storage.save(this.record);
    const before = this.record.notes;
    const notesChanged = record.notes.length !== before.length || record.notes.some((n, i) => n.id !== before[i]!.id || n.updatedAt !== before[i]!.updatedAt);
    this.record = record;
    if (notesChanged) this.#notify('notes', 'progress');
    this.#setProblem(problem ?? (this.problem === 'write-failed' ? null : this.problem));
  }

  #setProblem(problem: StorageProblem | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.#notify('problem');
  }

  /** Another tab wrote: merge its record into ours (ours is written with the next save). */
  #onStorage(event: StorageEvent): void {
    const record = this.record;
    if (!record || !this.#storage || event.key !== this.#storage.key) return;
    if (event.newValue === null) return;
    const stored = readRecord(event.newValue, record.lessonId);
    if (stored.kind !== 'ok') return;
    this.record = mergeRecords(record, stored.record);
    if (this.record.clearedAt > record.clearedAt) {
      this.resumeAt = null;
      this.undo = null;
    }
    this.#notify('notes', 'progress', 'resume', 'undo');
  }
}
