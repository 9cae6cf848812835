/**
 * The one owner of lesson and playback state for a player. It loads the lesson files, drives the clock loop
 * (every animation frame while playing, reading the media clock itself — `timeupdate` fires only ~4 times a
 * second), computes the active cue and chapter by binary search, and dispatches the public `lesson-*` events on
 * its host. Views read its state and call its request methods; they never touch the media.
 */
import { parseDeepLink } from '../core/deep-link.ts';
import { validateManifest, parseManifestText } from '../core/manifest.ts';
import { activeIndexAt, chapterIndexAt, lastStartedIndex } from '../core/timeline.ts';
import type { Chapter, Cue, LessonManifest, LessonProblem } from '../core/types.ts';
import type { MediaAdapter, MediaState } from '../media/media-adapter.ts';
import { FETCH_TIMEOUT_MS, fetchLessonText } from './fetch-lesson-file.ts';
import { lessonTitle } from '../core/lesson-title.ts';
import { isLearnerFacing, problemForConsole } from '../core/problem-audience.ts';

export type LessonStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What changed, so that a view re-renders only for what it shows. */
export type LessonChange = 'status' | 'model' | 'active' | 'playback' | 'captions' | 'notes' | 'problems' | 'announce';

export interface LessonModel {
  manifest: LessonManifest;
  /** Language of the transcript, chapters and notes shown (the UI language when the lesson has it). */
  contentLang: string;
  cues: Cue[];
  /** Every caption/subtitle track that loaded, by language (for the overlay). */
  captionTracks: Map<string, Cue[]>;
  chapters: Chapter[];
  /** Chapter id → Markdown. */
  notes: Map<string, string>;
}

/** A request to show a chapter's note; `seq` tells a repeated request for the same chapter apart. */
export interface NotesRequest {
  chapterId: string;
  focus: boolean;
  seq: number;
}

export interface LessonCueChangeDetail {
  cue: Cue | null;
  index: number;
}
export interface LessonChapterChangeDetail {
  chapter: Chapter | null;
  index: number;
}
export interface LessonErrorDetail {
  problem: LessonProblem;
}
export interface LessonReadyDetail {
  id: string;
  title: string;
  duration: number;
  cues: number;
  chapters: number;
}

type Listener = (changes: ReadonlySet<LessonChange>) => void;

export class LessonController {
  status: LessonStatus = 'idle';
  model: LessonModel | null = null;
  problems: LessonProblem[] = [];
  /** The transcript line being spoken, or the last one spoken during a pause in speech. */
  activeCueIndex = -1;
  activeChapterIndex = -1;
  /** The caption shown over the video (strict cue timing), from the track of `captionsLanguage`. */
  overlayCue: Cue | null = null;
  captionsLanguage: string | null = null;
  paused = true;
  duration = 0;
  currentTime = 0;
  notesRequest: NotesRequest | null = null;
  /**
   * Whether the lesson's note files are still arriving. The lesson is ready without them (a long lesson has one
   * file per chapter): they fill `model.notes` all at once, and a 'model' change says so.
   */
  notesLoading = false;
  /** How long each lesson file may take to arrive (the player's `fetch-timeout` attribute). */
  fetchTimeoutMs = FETCH_TIMEOUT_MS;
  /** The latest message for the polite live region: chapter changes, search counts, errors. Never every cue. */
  announcement = '';

  readonly #host: HTMLElement;
  #adapter: MediaAdapter | null = null;
  #unsubscribeMedia: (() => void) | null = null;
  #listeners = new Set<Listener>();
  #frame = 0;
  #pendingStart: number | null = null;
  /** A seek handed to the media that it has not reported yet (Vidstack applies it a moment later). */
  #seekTarget: number | null = null;
  #seekReported = false;
  #load: AbortController | null = null;
  #notesSeq = 0;

  constructor(host: HTMLElement) {
    this.#host = host;
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

  #notify(...changes: LessonChange[]): void {
    const set = new Set(changes);
    for (const listener of this.#listeners) listener(set);
  }

  #report(problem: LessonProblem): void {
    // The learner is told only what takes something away from them; the rest is for the lesson's author.
    if (!isLearnerFacing(problem)) return console.warn(problemForConsole(problem));
    this.problems = [...this.problems, problem];
    this.#host.dispatchEvent(new CustomEvent<LessonErrorDetail>('lesson-error', { detail: { problem }, bubbles: true, composed: true }));
    this.#notify('problems');
  }

  /** Loads a lesson from its manifest. Problems in one file never stop the others. */
  async load(manifestUrl: string, uiLang: string): Promise<void> {
    this.#load?.abort();
    const load = (this.#load = new AbortController());
    this.status = 'loading';
    this.model = null;
    this.notesLoading = false;
    this.problems = [];
    this.#notify('status', 'model', 'problems');

    // The WebVTT parser stays out of the player's first chunk: fetched while the manifest is.
    const vtt = loadVttParser();
    vtt.catch(() => undefined); // reported by the track that needs it, if the manifest gets that far
    const absolute = new URL(manifestUrl, document.baseURI).href;
    const fetched = await fetchLessonText(absolute, 'manifest', load.signal, this.fetchTimeoutMs);
    if (load.signal.aborted) return;
    fetched.problems.forEach((p) => this.#report({ ...p, file: manifestUrl }));
    if (fetched.text === undefined) return this.#fail();
    const parsed = parseManifestText(fetched.text, absolute);
    const validated = parsed.value === undefined ? { problems: [] } : validateManifest(parsed.value, absolute);
    for (const p of [...parsed.problems, ...validated.problems]) this.#report({ ...p, file: manifestUrl });
    const manifest = validated.manifest;
    if (!manifest) return this.#fail();

    const contentLang = pickLanguage(uiLang, [manifest.language, ...manifest.captions.map((c) => c.lang)], manifest.language);
    const captionTracks = new Map<string, Cue[]>();
    const captionLoads = manifest.captions.map(async (track) => {
      const text = await this.#fetchText(track.src, 'captions', load.signal);
      if (text === undefined) return;
      const parser = await this.#parser(vtt, track.src, 'captions', load.signal);
      if (!parser) return;
      const result = parser.parseCaptions(text, track.src);
      result.problems.forEach((p) => this.#report(p));
      if (result.items.length) captionTracks.set(track.lang, result.items);
    });
    const chapterTrack =
      manifest.chapters.find((c) => c.lang === contentLang) ?? manifest.chapters.find((c) => c.lang === manifest.language);
    const chaptersLoad = chapterTrack
      ? this.#fetchText(chapterTrack.src, 'chapters', load.signal).then(async (text) => {
          if (text === undefined) return [];
          const parser = await this.#parser(vtt, chapterTrack.src, 'chapters', load.signal);
          if (!parser) return [];
          const result = parser.parseChapters(text, chapterTrack.src);
          result.problems.forEach((p) => this.#report(p));
          return result.items;
        })
      : Promise.resolve([] as Chapter[]);
    const notesLang = manifest.notes[contentLang] ? contentLang : manifest.language;
    const notes = new Map<string, string>();
    const noteFiles = Object.entries(manifest.notes[notesLang] ?? {});
    const notesLoad = noteFiles.length
      ? Promise.all(noteFiles.map(async ([chapterId, src]) => [chapterId, await this.#fetchText(src, 'notes', load.signal)] as const))
      : null;
    const [chapters] = await Promise.all([chaptersLoad, ...captionLoads]);
    if (load.signal.aborted) return;

    const cues = captionTracks.get(contentLang) ?? captionTracks.get(manifest.language) ?? [];
    this.model = { manifest, contentLang, cues, captionTracks, chapters, notes };
    this.notesLoading = notesLoad !== null;
    this.status = 'ready';
    this.#pendingStart ??= this.#startFromFragment(location.hash);
    this.#update(this.#clock(0), true);
    this.#notify('status', 'model', 'active');
    this.#host.dispatchEvent(
      new CustomEvent<LessonReadyDetail>('lesson-ready', {
        detail: {
          id: manifest.id,
          title: lessonTitle(manifest, contentLang),
          duration: this.duration || manifest.duration || chapters.at(-1)?.end || cues.at(-1)?.end || 0,
          cues: cues.length,
          chapters: chapters.length,
        },
        bubbles: true,
        composed: true,
      }),
    );
    this.#applyPendingStart();
    if (!notesLoad) return;
    const loaded = await notesLoad;
    if (load.signal.aborted) return;
    for (const [chapterId, text] of loaded) if (text !== undefined) notes.set(chapterId, text);
    this.notesLoading = false;
    this.#notify('model');
  }

  #fail(): void {
    this.status = 'error';
    this.#notify('status');
  }

  async #fetchText(url: string, kind: 'captions' | 'chapters' | 'notes', signal: AbortSignal): Promise<string | undefined> {
    const fetched = await fetchLessonText(url, kind, signal, this.fetchTimeoutMs);
    if (signal.aborted) return undefined;
    fetched.problems.forEach((p) => this.#report(p));
    return fetched.text;
  }

  /** The WebVTT module, or a located problem for the track that needed it when the module could not load. */
  async #parser(vtt: Promise<VttModule>, file: string, kind: 'captions' | 'chapters', signal: AbortSignal): Promise<VttModule | null> {
    try {
      return await vtt;
    } catch (error) {
      if (!signal.aborted) {
        const reason = (error as Error).message || 'network error';
        this.#report({ severity: 'error', file, kind, rule: 'fetch-network', message: `could not be read: the player's WebVTT module did not load (${reason})` });
      }
      return null;
    }
  }

  /** A start position from `#t=` or `#chapter=`; a bad value is a console warning, never an exception. */
  #startFromFragment(hash: string): number | null {
    const link = parseDeepLink(hash);
    for (const warning of link.warnings) console.warn(`lesson-player: ignored part of the link: ${warning}`);
    if (link.chapter) {
      const chapter = this.chapters.find((c) => c.id === link.chapter);
      if (chapter) return chapter.start;
      console.warn(`lesson-player: ignored part of the link: no chapter "${link.chapter}" in this lesson`);
    }
    return link.time ?? null;
  }

  /** Applies a new `#t=`/`#chapter=` fragment while the page is open (hashchange). */
  followFragment(hash: string): void {
    const start = this.#startFromFragment(hash);
    if (start !== null) this.seek(start);
  }

  attach(adapter: MediaAdapter): void {
    this.detach();
    this.#adapter = adapter;
    this.#unsubscribeMedia = adapter.subscribe((state) => this.#onMediaState(state));
  }

  detach(): void {
    cancelAnimationFrame(this.#frame);
    this.#unsubscribeMedia?.();
    this.#unsubscribeMedia = null;
    this.#adapter = null;
  }

  #onMediaState(state: MediaState): void {
    const playbackChanged = state.paused !== this.paused || state.duration !== this.duration;
    this.paused = state.paused;
    this.duration = state.duration;
    if (state.captionsLanguage !== this.captionsLanguage) {
      this.captionsLanguage = state.captionsLanguage;
      this.#update(this.#clock(state.currentTime), true);
      this.#notify('captions');
    }
    if (state.error && !this.problems.some((p) => p.kind === 'media')) {
      const src = (state.failedSources?.length ? state.failedSources : this.model?.manifest.media.map((m) => m.src))?.join(', ') || 'media';
      this.#report({ severity: 'error', file: src, kind: 'media', rule: 'media-error', message: state.error, params: { reason: state.errorReason ?? 'load' } });
    }
    if (state.posterError && !this.problems.some((p) => p.kind === 'poster')) {
      const file = this.model?.manifest.poster ?? 'poster';
      this.#report({ severity: 'error', file, kind: 'poster', rule: 'poster-error', message: state.posterError });
    }
    if (state.canPlay) this.#applyPendingStart();
    // A seek or a pause moves the clock without a playing frame loop: sample it now.
    // Once the media has reported a seek and finished it, its clock is the truth again (even if it clamped the target).
    if (state.seeking) this.#seekReported = true;
    else if (this.#seekReported) [this.#seekTarget, this.#seekReported] = [null, false];
    if (!state.seeking) this.#update(this.#clock(state.currentTime));
    if (!state.paused) this.#startLoop();
    if (playbackChanged) this.#notify('playback');
  }

  /**
   * The lesson's time when no frame loop runs: a start still waiting for the media to be playable (a deep link, or
   * a seek asked for early) and a seek the media has not applied yet win over the media's stale clock, so views and
   * the API show where the lesson is going rather than flicker back.
   */
  #clock(fallback: number): number {
    const media = this.#adapter?.currentTime ?? fallback;
    // Until the media's clock has reached a seek's target, it still reads the old time: keep the target.
    if (this.#seekTarget !== null && Math.abs(media - this.#seekTarget) < 0.25) this.#seekTarget = null;
    return this.#pendingStart ?? this.#seekTarget ?? media;
  }

  #applyPendingStart(): void {
    if (this.#pendingStart === null || !this.#adapter?.state.canPlay || this.status !== 'ready') return;
    const start = this.#pendingStart;
    this.#pendingStart = null;
    this.seek(start);
  }

  #startLoop(): void {
    cancelAnimationFrame(this.#frame);
    const tick = () => {
      if (!this.#adapter) return;
      this.#update(this.#adapter.currentTime);
      if (!this.#adapter.state.paused) this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  /** Recomputes what is active at `time`. O(log n): runs every frame while playing. */
  #update(time: number, force = false): void {
    this.currentTime = time;
    const cueIndex = lastStartedIndex(this.cues, time);
    const chapterIndex = chapterIndexAt(this.chapters, time);
    const overlayTrack = this.captionsLanguage ? this.model?.captionTracks.get(this.captionsLanguage) : undefined;
    const overlayCue = overlayTrack ? (overlayTrack[activeIndexAt(overlayTrack, time)] ?? null) : null;
    const cueChanged = cueIndex !== this.activeCueIndex;
    const chapterChanged = chapterIndex !== this.activeChapterIndex;
    const overlayChanged = overlayCue !== this.overlayCue;
    if (!cueChanged && !chapterChanged && !overlayChanged && !force) return;
    this.activeCueIndex = cueIndex;
    this.activeChapterIndex = chapterIndex;
    this.overlayCue = overlayCue;
    this.#notify('active');
    if (cueChanged) {
      this.#host.dispatchEvent(
        new CustomEvent<LessonCueChangeDetail>('lesson-cuechange', { detail: { cue: this.activeCue, index: cueIndex }, bubbles: true, composed: true }),
      );
    }
    if (chapterChanged) {
      this.#host.dispatchEvent(
        new CustomEvent<LessonChapterChangeDetail>('lesson-chapterchange', {
          detail: { chapter: this.activeChapter, index: chapterIndex },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  // ——— Requests (from views, the public API and deep links) ———

  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    const max = this.duration || Infinity;
    const time = Math.min(Math.max(0, seconds), max);
    if (!this.#adapter?.state.canPlay) {
      this.#pendingStart = time;
      this.#update(time);
      return;
    }
    this.#seekTarget = time;
    this.#adapter.seek(time);
    // Mark the target at once: the transcript must not wait for the media to report the seek.
    this.#update(time);
  }

  seekToChapter(id: string): boolean {
    const chapter = this.chapters.find((c) => c.id === id);
    if (!chapter) return false;
    this.seek(chapter.start);
    return true;
  }

  play(): Promise<void> {
    return this.#adapter?.play() ?? Promise.resolve();
  }

  pause(): void {
    this.#adapter?.pause();
  }

  setCaptions(language: string | null): void {
    this.#adapter?.setCaptions(language);
  }

  setSliderMarks(times: readonly number[], label: string): void {
    const duration = this.duration || this.chapters.at(-1)?.end || this.cues.at(-1)?.end || 0;
    if (!duration) return;
    this.#adapter?.setSliderMarks(times.map((t) => t / duration), label);
  }

  openNotes(chapterId: string, focus = true): boolean {
    if (!this.chapters.some((c) => c.id === chapterId)) return false;
    this.notesRequest = { chapterId, focus, seq: ++this.#notesSeq };
    this.#notify('notes');
    return true;
  }

  /** Asks the player's polite live region to say something, without moving focus. */
  announce(message: string): void {
    // The same text twice would not be read again: alternate a trailing no-break space.
    this.announcement = message === this.announcement.trimEnd() && !this.announcement.endsWith('\u00a0') ? `${message}\u00a0` : message;
    this.#notify('announce');
  }

  destroy(): void {
    this.#load?.abort();
    this.detach();
    this.#listeners.clear();
  }
}

type VttModule = typeof import('../core/vtt.ts');
let vttModule: Promise<VttModule> | null = null;

/** Loads the WebVTT parser once; a failed load is tried again by the next lesson. */
function loadVttParser(): Promise<VttModule> {
  vttModule ??= import('../core/vtt.ts').catch((error: unknown) => {
    vttModule = null;
    throw error;
  });
  return vttModule;
}

/** The first of the candidates matching the UI language (by primary subtag), else the fallback. */
function pickLanguage(uiLang: string, available: string[], fallback: string): string {
  const primary = uiLang.toLowerCase().split('-')[0];
  return available.find((l) => l.toLowerCase().split('-')[0] === primary) ?? fallback;
}
