/**
 * The lesson store: one per player, the one owner of the lesson, its playback, the UI language, the captions shown
 * and (through its learner session) the learner's state. Views read its `snapshot` (a new object on each change)
 * and send requests up through its methods; one-shot requests (open a chapter's note, say something in the live
 * region) go out on `requests`, to whoever listens at that moment.
 *
 * It reaches the world only through its `LessonEnvironment` (network, address, time, storage, page events, where
 * the public `lesson-*` events go), so it runs in Node under test. Lifecycle: `start()` when its player connects,
 * `stop()` when it leaves the page (every listener, timer, frame and media subscription released, the learner's
 * data written first), `start()` again when it comes back: the store keeps the lesson, the place, the play state,
 * the captions and the language, and `attach()` hands them to the new media.
 */
import { linkTarget, type LinkTarget } from '../core/deep-link.ts';
import { lessonTitle } from '../core/lesson-title.ts';
import { activeIndexAt, chapterIndexAt, lastStartedIndex } from '../core/timeline.ts';
import type { Chapter, Cue, LessonProblem } from '../core/types.ts';
import { LearnerSession } from '../learner/learner-session.ts';
import { AudioDescription } from './audio-description.ts';
import type { MediaAdapter, MediaState } from '../media/media-adapter.ts';
import type { LessonEnvironment } from './environment.ts';
import { FETCH_TIMEOUT_MS } from './fetch-lesson-file.ts';
import { lessonEvent } from './lesson-events.ts';
import { loadLesson, type LessonModel } from './lesson-loader.ts';
import { newMediaProblems } from './media-problems.ts';
import { initialSnapshot, lessonDuration, type LessonChange, type LessonRequests, type LessonSnapshot, type LessonStatus, type StorePlugin } from './lesson-snapshot.ts';
import { Requests } from './requests.ts';
import { PassageStop, type PassageRange } from './passage-stop.ts';
import { PlayingClock } from './playing-clock.ts';
import { playUnawaited } from './play-request.ts';
import { SeekHold } from './seek-hold.ts';
import { uiLanguage, type UiLanguage } from './ui-language.ts';
import { isLearnerFacing, problemForConsole } from '../core/problem-audience.ts';

export type { LessonModel } from './lesson-loader.ts';
export type { LessonChange, LessonRequests, LessonSnapshot, LessonStatus, StorePlugin } from './lesson-snapshot.ts';

type Listener = (changes: ReadonlySet<LessonChange>, snapshot: LessonSnapshot) => void;

export class LessonStore {
  readonly requests = new Requests<LessonRequests>();
  /** The learner's notes, progress and place: a plugin started, stopped and disposed with the store. */
  readonly learner: LearnerSession;
  /** Audio description and spoken subtitles: a plugin fed the media's state. */
  readonly descriptions: AudioDescription;
  /** How long each lesson file may take to arrive (the player's `fetch-timeout` attribute). */
  fetchTimeoutMs = FETCH_TIMEOUT_MS;

  readonly #env: LessonEnvironment;
  #snapshot: LessonSnapshot;
  #listeners = new Set<Listener>();
  #running = false;
  #stopListening: (() => void) | null = null;
  #adapter: MediaAdapter | null = null;
  #unsubscribeMedia: (() => void) | null = null;
  readonly #playing: PlayingClock;
  #time = 0;
  #mediaDuration = 0;
  #hold = new SeekHold();
  #passage = new PassageStop();
  #pendingPlay: (() => void)[] = [];
  #load: AbortController | null = null;
  #lessonUrl = '';
  /** The lesson's place, play state and captions when its media was last detached. */
  #left: { time: number; playing: boolean; captions: string | null } = { time: 0, playing: false, captions: null };
  #warned = new Set<string>();
  /** Where a seek reported by the media started, until the media reports it done. */
  #mediaSeekFrom: number | null = null;
  /** The target of the lesson's own last seek, already told, until the media has reported it. */
  #ownSeekTarget: number | null = null;
  #plugins: StorePlugin[] = [];

  constructor(env: LessonEnvironment) {
    this.#env = env;
    this.#snapshot = initialSnapshot();
    this.#playing = new PlayingClock(env.scheduler, (time) => this.#update(time));
    this.learner = new LearnerSession(this, env);
    this.descriptions = new AudioDescription(env, {
      model: () => this.model,
      captionsLanguage: () => this.captionsLanguage,
      pause: () => this.pause(),
      play: () => this.requestPlay(),
      announce: (message) => this.announce(message),
      changed: (descriptions) => {
        this.#commit(['descriptions'], { descriptions });
        env.dispatch(lessonEvent('lesson-descriptionschange', descriptions));
      },
    });
  }

  get snapshot(): LessonSnapshot {
    return this.#snapshot;
  }
  // Shorthands for the views and the element's API.
  get status(): LessonStatus {
    return this.#snapshot.status;
  }
  get model(): LessonModel | null {
    return this.#snapshot.model;
  }
  get problems(): readonly LessonProblem[] {
    return this.#snapshot.problems;
  }
  get lang(): UiLanguage {
    return this.#snapshot.lang;
  }
  get paused(): boolean {
    return this.#snapshot.paused;
  }
  get duration(): number {
    return this.#snapshot.duration;
  }
  get notesLoading(): boolean {
    return this.#snapshot.notesLoading;
  }
  get captionsLanguage(): string | null {
    return this.#snapshot.captionsLanguage;
  }
  get overlayCue(): Cue | null {
    return this.#snapshot.overlayCue;
  }
  get activeCueIndex(): number {
    return this.#snapshot.activeCueIndex;
  }
  get activeChapterIndex(): number {
    return this.#snapshot.activeChapterIndex;
  }
  /** Whether the media is seeking (its clock is no measure of what was watched meanwhile). */
  get seeking(): boolean {
    return this.#mediaSeekFrom !== null;
  }
  /** The lesson's clock: updated every frame while playing, without a new snapshot unless a line or chapter changes. */
  get currentTime(): number {
    return this.#time;
  }
  get cues(): Cue[] {
    return this.model?.cues ?? [];
  }
  get chapters(): Chapter[] {
    return this.model?.chapters ?? [];
  }
  get activeCue(): Cue | null {
    return this.cues[this.activeCueIndex] ?? null;
  }
  get activeChapter(): Chapter | null {
    return this.chapters[this.activeChapterIndex] ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** How many subscribers and request handlers are registered (tests check that nothing is left). */
  get listenerCount(): number {
    return this.#listeners.size + this.requests.size;
  }

  #commit(changes: readonly LessonChange[], patch: Partial<LessonSnapshot> = {}): void {
    const model = patch.model !== undefined ? patch.model : this.#snapshot.model;
    this.#snapshot = { ...this.#snapshot, ...patch, currentTime: this.#time, duration: lessonDuration(this.#mediaDuration, model) };
    const set = new Set(changes);
    for (const listener of [...this.#listeners]) listener(set, this.#snapshot);
  }

  /** Every problem goes through here: the learner is told only what takes something away from them. */
  #report(problem: LessonProblem): void {
    // The rest (what browsers tolerate) is for the lesson's author: the console here, `lesson-player lint` offline.
    if (!isLearnerFacing(problem)) return this.#env.warn(problemForConsole(problem));
    this.#env.dispatch(lessonEvent('lesson-error', { problem }));
    this.#commit(['problems'], { problems: [...this.#snapshot.problems, problem] });
  }

  // ——— Lifecycle ———

  /** Adds a plugin, started at once if the store runs; it follows the store's lifecycle from then on. */
  use(plugin: StorePlugin): void {
    this.#plugins.push(plugin);
    if (this.#running) plugin.start();
  }

  get running(): boolean {
    return this.#running;
  }

  /** The player is on the page: follow the address's fragment, and the learner session its page events. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopListening = this.#env.listen('hashchange', () => this.followFragment(this.#env.hash()));
    this.learner.start();
    this.#plugins.forEach((plugin) => plugin.start());
    // A load cut short by a removal starts again.
    if (this.#lessonUrl && this.status === 'loading' && this.#load?.signal.aborted) void this.load(this.#lessonUrl);
  }

  /** The player left the page: the learner's data is written, then everything the store started is released. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.learner.stop();
    this.#plugins.forEach((plugin) => plugin.stop());
    this.#stopListening?.();
    this.#stopListening = null;
    this.#load?.abort();
    this.descriptions.stop();
    this.detach();
  }

  /** Stops and forgets every subscriber: the store is not used again. */
  dispose(): void {
    this.stop();
    this.#resolvePendingPlay();
    this.#listeners.clear();
    this.requests.clear();
    this.learner.dispose();
    this.#plugins.forEach((plugin) => plugin.dispose());
    this.#plugins = [];
  }

  // ——— Language ———

  /**
   * The UI language, from the player's `lang` or its page's. A language the player has no words for falls back to
   * French, with one warning per value. Returns the language used.
   */
  setLanguage(requested: string): UiLanguage {
    const lang = uiLanguage(requested);
    if (!lang.supported && !this.#warned.has(requested)) {
      this.#warned.add(requested);
      this.#env.warn(`lang="${requested}" is not a language of the player (fr, en): it speaks French`);
    }
    if (lang.value !== this.lang) this.#commit(['lang'], { lang: lang.value });
    return lang.value;
  }

  // ——— Loading ———

  /** Loads a lesson from its manifest, in the UI language. Problems in one file never stop the others. */
  async load(url: string): Promise<void> {
    this.#load?.abort();
    const load = (this.#load = new AbortController());
    if (url !== this.#lessonUrl) {
      // Another lesson: the current one's learner data is written and put away, and its video stops.
      this.learner.close();
      this.#adapter?.pause();
      this.#hold.clear();
      this.#passage.set(null);
    }
    this.#lessonUrl = url;
    this.#commit(['status', 'model', 'problems'], { status: 'loading', model: null, notesLoading: false, problems: [] });
    const loaded = await loadLesson(this.#env, {
      url,
      uiLang: this.lang,
      timeoutMs: this.fetchTimeoutMs,
      signal: load.signal,
      report: (problem) => !load.signal.aborted && this.#report(problem.kind === 'manifest' ? { ...problem, file: url } : problem),
    });
    if (load.signal.aborted) return;
    if (!loaded) return this.#commit(['status'], { status: 'error' });
    const { model } = loaded;
    // A start asked for before the lesson arrived (`start`, `seek()`) wins over the address's fragment.
    const link = this.#hold.start === null ? this.#startFromFragment(this.#env.hash(), model.chapters) : null;
    if (link) this.#goTo(link);
    this.#commit(['status', 'model', 'active', 'passage'], { status: 'ready', model, notesLoading: loaded.notes !== null, passage: this.#passage.range });
    this.descriptions.apply();
    this.#update(this.#clock(0), true);
    this.#env.dispatch(
      lessonEvent('lesson-ready', {
        id: model.manifest.id,
        title: lessonTitle(model.manifest, model.contentLang),
        duration: this.duration,
        cues: model.cues.length,
        chapters: model.chapters.length,
        descriptions: this.snapshot.descriptions,
      }),
    );
    this.#applyPendingStart();
    if (!loaded.notes) return;
    await loaded.notes;
    if (load.signal.aborted) return;
    this.#commit(['model'], { notesLoading: false });
  }

  /** A start position (and a passage's end) from `#t=` or `#chapter=`; a bad value is a warning, never an exception. */
  #startFromFragment(hash: string, chapters: readonly Chapter[]): LinkTarget | null {
    const { target, warnings } = linkTarget(hash, chapters);
    for (const warning of warnings) this.#env.warn(`ignored part of the link: ${warning}`);
    return target;
  }

  #goTo(link: LinkTarget): void {
    if (link.end === undefined) this.seek(link.time);
    else this.seekPassage({ start: link.time, end: link.end });
  }

  /** Applies a new `#t=`/`#chapter=` fragment while the page is open (hashchange). */
  followFragment(hash: string): void {
    const link = this.#startFromFragment(hash, this.chapters);
    if (link) this.#goTo(link);
  }

  // ——— Media ———

  /**
   * Plays through this media. `restore`: media mounted again after the player came back to the page: it starts
   * where the lesson was, playing if it was, with the same captions.
   */
  attach(adapter: MediaAdapter, { restore = false } = {}): void {
    this.detach();
    const { time, playing, captions } = this.#left;
    this.#adapter = adapter;
    this.#unsubscribeMedia = adapter.subscribe((state) => this.#onMediaState(state));
    if (restore) {
      if (time > 0) this.#hold.start ??= time;
      if (captions) adapter.setCaptions(captions);
      if (playing) this.#pendingPlay.push(() => undefined);
    }
    this.#applyPendingStart();
    if (this.#pendingPlay.length) {
      const waiting = this.#pendingPlay;
      this.#pendingPlay = [];
      adapter.play().then(
        () => waiting.forEach((resolve) => resolve()),
        () => waiting.forEach((resolve) => resolve()),
      );
    }
  }

  /**
   * Stops following the media (it is being replaced, or the player left the page): where the lesson was, whether
   * it played and its captions are kept for the next media, and meanwhile nothing plays.
   */
  detach(): void {
    this.#playing.stop();
    this.#unsubscribeMedia?.();
    this.#unsubscribeMedia = null;
    this.#mediaSeekFrom = this.#ownSeekTarget = null;
    if (!this.#adapter) return;
    this.#adapter = null;
    const { paused, captionsLanguage } = this.#snapshot;
    this.#left = { time: this.#time, playing: !paused, captions: captionsLanguage };
    if (!paused) this.#commit(['playback'], { paused: true });
  }

  #onMediaState(state: MediaState): void {
    const captionsChanged = state.captionsLanguage !== this.captionsLanguage;
    const playbackChanged = state.paused !== this.paused || state.duration !== this.#mediaDuration;
    this.#mediaDuration = state.duration;
    if (captionsChanged) this.#commit(['captions'], { captionsLanguage: state.captionsLanguage });
    if (captionsChanged) this.#update(this.#clock(state.currentTime), true);
    if (captionsChanged) this.descriptions.apply(); // spoken subtitles follow the track shown
    this.descriptions.mediaState(state);
    for (const problem of newMediaProblems(state, this.model?.manifest, this.problems)) this.#report(problem);
    if (state.canPlay) this.#applyPendingStart();
    this.#followSeek(state);
    this.#hold.mediaReported(state.seeking, state.currentTime);
    // A seek or a pause moves the clock without a playing frame loop: sample it now.
    if (!state.seeking) this.#update(this.#clock(state.currentTime));
    if (!state.paused && this.#adapter) this.#playing.start(this.#adapter);
    if (playbackChanged) this.#commit(['playback'], { paused: state.paused });
  }

  /** Tells a seek made with the media's own controls once the media has done it; the lesson's own were told already. */
  #followSeek(state: MediaState): void {
    if (state.seeking) {
      this.#mediaSeekFrom ??= state.seekFrom ?? this.#time;
      return;
    }
    if (this.#mediaSeekFrom === null) return;
    const from = this.#mediaSeekFrom;
    const own = this.#ownSeekTarget;
    this.#mediaSeekFrom = this.#ownSeekTarget = null;
    if (own !== null && Math.abs(state.currentTime - own) < 0.5) return;
    this.#tellSeek(from, state.seekTo ?? state.currentTime);
  }

  #tellSeek(from: number, to: number): void {
    if (Math.abs(to - from) >= 0.05) this.requests.emit('seeked', { from, to });
  }

  /** The lesson's time: a start or a seek the media has not applied yet wins over its stale clock (seek-hold.ts). */
  #clock(fallback: number): number {
    return this.#hold.clock(this.#adapter?.currentTime ?? fallback);
  }

  #applyPendingStart(): void {
    const start = this.#hold.start;
    if (start === null || !this.#adapter?.state.canPlay || this.status !== 'ready') return;
    this.#hold.start = null;
    this.seek(start);
  }

  /**
   * Recomputes what is active at `time`, looking half a frame ahead of it while the media plays (playing-clock.ts).
   * O(log n): runs every frame while playing.
   */
  #update(time: number, force = false): void {
    this.#time = time;
    if (this.#passage.crossedEnd(time, this.#adapter?.state.paused === false)) this.#adapter?.pause();
    this.descriptions.timeUpdate(time);
    const media = this.#adapter;
    const marked = media && !media.state.paused ? time + this.#playing.lookAhead(media.playbackRate) : time;
    const cueIndex = lastStartedIndex(this.cues, marked);
    const chapterIndex = chapterIndexAt(this.chapters, marked);
    const language = this.captionsLanguage;
    const overlayTrack = language ? this.model?.captionTracks.get(language) : undefined;
    const overlayCue = overlayTrack ? (overlayTrack[activeIndexAt(overlayTrack, marked)] ?? null) : null;
    const cueChanged = cueIndex !== this.activeCueIndex;
    const chapterChanged = chapterIndex !== this.activeChapterIndex;
    if (!cueChanged && !chapterChanged && overlayCue === this.overlayCue && !force) return;
    this.#commit(['active'], { activeCueIndex: cueIndex, activeChapterIndex: chapterIndex, overlayCue });
    if (cueChanged) this.#env.dispatch(lessonEvent('lesson-cuechange', { cue: this.activeCue, index: cueIndex }));
    if (chapterChanged) this.#env.dispatch(lessonEvent('lesson-chapterchange', { chapter: this.activeChapter, index: chapterIndex }));
  }

  // ——— Requests (from views, the public API and deep links) ———

  /** Seeks now, or as soon as the media can play (before it is loaded, the lesson's clock moves at once). */
  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    const time = Math.min(Math.max(0, seconds), this.duration || Infinity);
    const from = this.#time;
    this.#passage.seeked(time);
    if (!this.#adapter?.state.canPlay) {
      this.#hold.start = time;
      this.#update(time);
      this.#tellSeek(from, time);
      return;
    }
    this.#hold.seeking(time);
    this.#ownSeekTarget = time;
    this.#tellSeek(from, time);
    this.#adapter.seek(time);
    // Mark the target at once: the transcript must not wait for the media to report the seek.
    this.#update(time);
  }

  /** Goes to a passage's start (played when the learner presses play), highlights it, and pauses once at its end. */
  seekPassage(range: PassageRange | null): void {
    this.#passage.set(range && Number.isFinite(range.start) && Number.isFinite(range.end) && range.end > range.start ? { ...range } : null);
    this.#commit(['passage'], { passage: this.#passage.range });
    if (this.#passage.range) this.seek(this.#passage.range.start);
  }

  seekToChapter(id: string): boolean {
    const chapter = this.chapters.find((c) => c.id === id);
    if (chapter) this.seek(chapter.start);
    return chapter !== undefined;
  }

  /** Plays; before the media is mounted, it plays as soon as it is (the promise settles then). */
  play(): Promise<void> {
    if (this.#adapter) return this.#adapter.play();
    return new Promise((resolve) => this.#pendingPlay.push(resolve));
  }

  /** Plays for a button or a resumption that awaits nothing: a refusal is a warning, a pause is no error. */
  requestPlay(): void {
    playUnawaited(() => this.play(), (message) => this.#env.warn(message));
  }

  pause(): void {
    this.#resolvePendingPlay();
    this.#adapter?.pause();
  }

  #resolvePendingPlay(): void {
    const waiting = this.#pendingPlay;
    this.#pendingPlay = [];
    waiting.forEach((resolve) => resolve());
  }

  setCaptions(language: string | null): void {
    if (this.#adapter) this.#adapter.setCaptions(language);
    else this.#commit(['captions'], { captionsLanguage: language });
  }

  setSliderMarks(times: readonly number[], label: string): void {
    const duration = this.duration;
    if (duration) this.#adapter?.setSliderMarks(times.map((t) => t / duration), label);
  }

  /** Asks the notes view to show a chapter's note (and focus it when `focus`). False for an unknown chapter. */
  openNotes(chapterId: string, focus = true): boolean {
    if (!this.chapters.some((c) => c.id === chapterId)) return false;
    this.requests.emit('open-notes', { chapterId, focus });
    return true;
  }

  /** Asks the player's polite live region to say something, without moving focus. */
  announce(message: string): void {
    this.requests.emit('announce', { message });
  }
}
