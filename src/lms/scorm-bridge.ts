/**
 * Reports a lesson to the learning platform that launched it through SCORM 1.2 or 2004, and resumes from what the
 * platform kept. A plugin of the lesson store (`store.use(bridge)`): started, stopped and disposed with it.
 *
 * - Finds the platform's API (scorm-api.ts) once the learner's record is open, initializes, then merges the
 *   platform's copy of the learner's state (`suspend_data`) into the learner session and offers to resume at the
 *   platform's location (`cmi.core.lesson_location` / `cmi.location`).
 * - Reports the location, the progress (the share actually watched, from the learner session's ranges: seeks do
 *   not count), `completed` once that share reaches the threshold (`passed` is never claimed: a video is not a
 *   test), and the session time.
 * - Commits at chapter changes, at most every 30 s while something changed, at once on completion, and on
 *   `pagehide`, where it also terminates (once).
 * - No API, or an API that refuses to initialize: one console warning, and the lesson works as it does anywhere.
 */
import type { LessonEnvironment, TimerId } from '../state/environment.ts';
import type { LessonChange, LessonStore, StorePlugin } from '../state/lesson-store.ts';
import { watchedShare } from '../learner/progress.ts';
import { DEFAULT_COMPLETE_AT } from './completion.ts';
import { findScormApi, scormCalls, sessionTime, type ScormCalls, type WindowLike } from './scorm-api.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT, type ScormVersion } from './suspend-data.ts';

export const COMMIT_INTERVAL_MS = 30_000;

export interface ScormBridgeOptions {
  version: ScormVersion;
  /** Share of the lesson to watch for `completed`, 0 to 1. */
  completeAt?: number;
  /** The lesson's window, where discovery starts. */
  window: WindowLike;
}

type BridgeState = 'waiting' | 'running' | 'off' | 'terminated';

const ELEMENTS = {
  '1.2': { location: 'cmi.core.lesson_location', status: 'cmi.core.lesson_status', sessionTime: 'cmi.core.session_time', exit: 'cmi.core.exit' },
  '2004': { location: 'cmi.location', status: 'cmi.completion_status', sessionTime: 'cmi.session_time', exit: 'cmi.exit' },
} as const;

export class ScormBridge implements StorePlugin {
  readonly #store: LessonStore;
  readonly #env: LessonEnvironment;
  readonly #version: ScormVersion;
  readonly #window: WindowLike;
  #completeAt: number;
  #state: BridgeState = 'waiting';
  #calls: ScormCalls | null = null;
  #stopListening: (() => void)[] = [];
  #startedAt = 0;
  #lastCommit = -Infinity;
  #timer: TimerId | undefined;
  #dirty = false;
  #completed = false;
  #chapterIndex = -1;
  #warnedSet = false;

  constructor(store: LessonStore, env: LessonEnvironment, options: ScormBridgeOptions) {
    this.#store = store;
    this.#env = env;
    this.#version = options.version;
    this.#window = options.window;
    this.#completeAt = options.completeAt ?? DEFAULT_COMPLETE_AT;
  }

  /** 'running' once the platform accepted the session; 'off' without a platform. */
  get state(): BridgeState {
    return this.#state;
  }

  /** Whether anything is left registered or pending (tests check that stopping leaves nothing). */
  get active(): boolean {
    return this.#stopListening.length > 0 || this.#timer !== undefined;
  }

  start(): void {
    if (this.#stopListening.length) return;
    this.#stopListening = [
      this.#store.subscribe((changes) => this.#onLessonChange(changes)),
      this.#store.learner.subscribe((changes) => (changes.has('progress') || changes.has('notes') ? this.#onLearnerChange() : undefined)),
      this.#env.listen('pagehide', () => this.terminate()),
    ];
    this.#begin();
  }

  /** The player left the page (it may come back): what changed is committed; the session stays open. */
  stop(): void {
    if (this.#dirty) this.commit();
    this.#env.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stopListening.forEach((stop) => stop());
    this.#stopListening = [];
  }

  dispose(): void {
    this.stop();
    this.terminate();
  }

  #onLessonChange(changes: ReadonlySet<LessonChange>): void {
    if (changes.has('model')) this.#begin();
    if (!changes.has('active') || this.#state !== 'running') return;
    const chapter = this.#store.activeChapterIndex;
    if (chapter === this.#chapterIndex) return;
    const first = this.#chapterIndex === -1;
    this.#chapterIndex = chapter;
    if (!first) this.commit();
  }

  #onLearnerChange(): void {
    if (this.#state === 'waiting') return this.#begin();
    if (this.#state !== 'running') return;
    this.#dirty = true;
    if (!this.#completed && this.#share() >= this.#completeAt) return this.commit();
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastCommit + COMMIT_INTERVAL_MS - this.#env.scheduler.now());
    this.#timer = this.#env.scheduler.setTimeout(() => {
      this.#timer = undefined;
      if (this.#dirty) this.commit();
    }, wait);
  }

  /** Opens the session with the platform once the learner's record is there. */
  #begin(): void {
    const learner = this.#store.learner;
    if (this.#state !== 'waiting' || !learner.record || !(this.#store.duration > 0)) return;
    const api = findScormApi(this.#window, this.#version);
    if (!api) return this.#off(`no SCORM ${this.#version} API found in the parent or opener windows: the lesson reports nothing to a learning platform`);
    const calls = scormCalls(api, this.#version);
    if (!calls.initialize()) return this.#off(`the learning platform refused to start the SCORM session (${calls.lastError()}): the lesson reports nothing`);
    this.#calls = calls;
    this.#state = 'running';
    this.#startedAt = this.#env.scheduler.now();
    this.#lastCommit = this.#startedAt;
    const names = ELEMENTS[this.#version];
    if (this.#version === '2004') {
      const threshold = Number.parseFloat(calls.get('cmi.completion_threshold'));
      if (threshold >= 0 && threshold <= 1) this.#completeAt = threshold;
    }
    const status = calls.get(names.status);
    this.#completed = status === 'completed' || status === 'passed';
    const saved = decodeSuspendData(calls.get('cmi.suspend_data'));
    const location = Number.parseFloat(calls.get(names.location));
    learner.adoptPlatformState({
      position: Number.isFinite(location) && location >= 0 ? location : (saved?.position ?? null),
      watched: saved?.watched ?? [],
      notes: saved?.notes ?? [],
    });
    if (!this.#completed) this.#set(names.status, 'incomplete');
    this.#chapterIndex = this.#store.activeChapterIndex;
    this.#dirty = true;
    this.commit();
  }

  #off(message: string): void {
    this.#state = 'off';
    this.#env.warn(message);
  }

  #share(): number {
    return watchedShare(this.#store.learner.record?.watched ?? [], 0, this.#store.duration);
  }

  /** Sets a value; whether the platform took it. */
  #set(element: string, value: string): boolean {
    if (this.#calls!.set(element, value)) return true;
    // Once: a platform that refuses one value usually refuses them all, and the console is not a log.
    if (!this.#warnedSet) this.#env.warn(`the learning platform refused ${element} (${this.#calls!.lastError()})`);
    this.#warnedSet = true;
    return false;
  }

  /** Writes the learner's state and asks the platform to store it. */
  commit(): void {
    if (this.#state !== 'running') return;
    this.#env.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
    const names = ELEMENTS[this.#version];
    const learner = this.#store.learner;
    const record = learner.record;
    // Until the learner answers the offer to resume, the place to resume at stays the platform's.
    const position = learner.resumeAt ?? this.#store.currentTime;
    this.#set(names.location, (Math.floor(position * 10) / 10).toString());
    const encoded = encodeSuspendData(
      { position, watched: record?.watched ?? [], notes: record?.notes ?? [] },
      SUSPEND_DATA_LIMIT[this.#version],
    );
    this.#set('cmi.suspend_data', encoded.text);
    // Notes that do not fit stay in this browser (the learner session keeps them), and the learner is told.
    this.#store.learner.setNotesOnlyHere(!encoded.notesIncluded);
    const share = this.#share();
    // Floored: the platform is never told more was watched than was.
    if (this.#version === '2004') this.#set('cmi.progress_measure', (Math.floor(share * 100) / 100).toString());
    // A refused status is set again at the next commit.
    if (!this.#completed && share >= this.#completeAt) this.#completed = this.#set(names.status, 'completed');
    this.#set(names.sessionTime, sessionTime(this.#env.scheduler.now() - this.#startedAt, this.#version));
    if (!this.#calls!.commit() && !this.#warnedSet) {
      this.#warnedSet = true;
      this.#env.warn(`the learning platform refused to commit (${this.#calls!.lastError()})`);
    }
    this.#dirty = false;
    this.#lastCommit = this.#env.scheduler.now();
  }

  /** The page is going away: a last commit, `exit` as suspended (so the platform keeps the data), then terminate, once. */
  terminate(): void {
    if (this.#state !== 'running') return;
    this.#store.learner.flush();
    this.commit();
    this.#set(ELEMENTS[this.#version].exit, 'suspend');
    this.#calls!.terminate();
    this.#state = 'terminated';
  }
}
