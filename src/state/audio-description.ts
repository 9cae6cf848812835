/**
 * Audio description for one player: which description track is on, how it is delivered (read by the player or
 * announced to the learner's screen reader), the rate, extended description, spoken subtitles, and the learner's
 * choices remembered in Web Storage like a caption choice. A plugin of the lesson store (`store.descriptions`):
 * the store feeds it the media's state; it drives a `DescriptionScheduler` (core/description-scheduler.ts), a chunk
 * fetched the first time a learner turns description or spoken subtitles on.
 *
 * Default delivery: announced to the screen reader. A blind learner already has a screen reader with the voice,
 * rate and braille display they chose; a second synthetic voice talks over it (Able Player #454). Read by the
 * player is one setting away, for learners who do not use a screen reader.
 */
import type { DescriptionScheduler } from '../core/description-scheduler.ts';
import { DEFAULT_DESCRIPTION_SETTINGS, type DescriptionDelivery, type DescriptionSettings, type SpeechFallback } from '../core/description-settings.ts';
import type { Cue } from '../core/types.ts';
import type { MediaState } from '../media/media-adapter.ts';
import type { LessonEnvironment } from './environment.ts';
import type { LessonModel } from './lesson-loader.ts';

const STORAGE_KEY = 'lesson-player:audio-description';
export const RATES: readonly number[] = [0.75, 1, 1.25, 1.5, 2];

export interface DescriptionsState {
  /** The language of the description track being delivered, or null when audio description is off. */
  readonly language: string | null;
  /** Languages of the lesson's description tracks that loaded. */
  readonly available: readonly string[];
  readonly delivery: DescriptionDelivery;
  readonly rate: number;
  readonly extended: boolean;
  /** The shown subtitle track is also read aloud (EN 301 549 7.1.5). */
  readonly spokenSubtitles: boolean;
  /** Why the player announces instead of speaking, once it had to. */
  readonly fallback: SpeechFallback | null;
}

interface Preferences extends DescriptionSettings {
  on: boolean;
  spokenSubtitles: boolean;
}

export interface DescriptionsHost {
  model(): LessonModel | null;
  captionsLanguage(): string | null;
  pause(): void;
  /** Plays again after a description held the video; nothing awaits it (the store reports a refusal). */
  play(): void;
  announce(message: string): void;
  changed(state: DescriptionsState): void;
}

export class AudioDescription {
  #prefs: Preferences;
  #language: string | null = null;
  #requested: string | boolean | null = null;
  #scheduler: DescriptionScheduler | null = null;
  /** The scheduler's chunk on its way; settles once the scheduler exists (or could not be loaded). */
  #loading: Promise<void> | null = null;
  #paused = true;
  #time = 0;
  #seeking = false;
  #told = '';

  constructor(
    private readonly env: LessonEnvironment,
    private readonly host: DescriptionsHost,
  ) {
    this.#prefs = { ...DEFAULT_DESCRIPTION_SETTINGS, on: false, spokenSubtitles: false, ...this.#read() };
  }

  get state(): DescriptionsState {
    const available = [...(this.host.model()?.descriptionTracks.keys() ?? [])];
    const { delivery, rate, extended, spokenSubtitles } = this.#prefs;
    return { language: this.#language, available, delivery, rate, extended, spokenSubtitles, fallback: this.#scheduler?.fallbackReason ?? null };
  }

  /** A language, `true` for the lesson's content language (or the first track), `false`/null for off. Remembered. */
  set(language: string | boolean | null): void {
    this.#requested = language;
    this.#save({ on: language !== false && language !== null });
    this.apply();
  }

  /** Delivery, rate, extended description, spoken subtitles. Remembered. */
  configure(settings: Partial<Omit<Preferences, 'on'>>): void {
    this.#save(settings);
    this.#scheduler?.setSettings(this.#prefs);
    this.apply();
  }

  /** Picks the track for the lesson (loaded, or caption language changed) and hands the scheduler its cues. */
  apply(): void {
    const model = this.host.model();
    const tracks = model?.descriptionTracks ?? new Map<string, Cue[]>();
    const wanted = this.#requested ?? this.#prefs.on;
    const language =
      typeof wanted === 'string'
        ? tracks.has(wanted) ? wanted : null
        : wanted && tracks.size
          ? [model?.contentLang, model?.manifest.language].find((l): l is string => !!l && tracks.has(l)) ?? [...tracks.keys()][0]!
          : null;
    this.#language = language;
    const subtitlesLang = this.#prefs.spokenSubtitles ? this.host.captionsLanguage() : null;
    const subtitles = subtitlesLang ? model?.captionTracks.get(subtitlesLang) : undefined;
    if (!model || (!language && !subtitles)) {
      this.#scheduler?.setTracks({});
    } else if (!this.#scheduler) {
      this.#loadScheduler(); // applies again once it is there
    } else {
      this.#scheduler.setTracks({
        descriptions: language ? tracks.get(language) : [],
        lang: language ?? '',
        subtitles,
        subtitlesLang: subtitlesLang ?? '',
        speech: model.cues,
      });
    }
    this.#notify();
  }

  /** Tells the store when the state changed (not on every `apply`). */
  #notify(): void {
    const state = this.state;
    const told = JSON.stringify(state);
    if (told === this.#told) return;
    this.#told = told;
    this.host.changed(state);
  }

  /**
   * Every media state: a seek (the learner's slider, a chapter, a transcript line: all start with `seeking`, when
   * the media's time is already the target), play and pause reach the scheduler.
   */
  mediaState(state: MediaState): void {
    const scheduler = this.#scheduler;
    const time = state.currentTime;
    this.#time = time;
    if (!this.#seeking && state.seeking) scheduler?.seeked(time);
    this.#seeking = state.seeking;
    if (state.paused !== this.#paused) {
      this.#paused = state.paused;
      if (state.paused) scheduler?.paused();
      else scheduler?.played(time);
    }
  }

  /** The lesson's clock while it plays. */
  timeUpdate(time: number): void {
    this.#time = time;
    this.#scheduler?.timeUpdate(time);
  }

  /** Settles once the scheduler asked for by the last `apply` is there (at once when none was asked for). */
  get settled(): Promise<void> {
    return this.#scheduler ? Promise.resolve() : (this.#loading ?? Promise.resolve());
  }

  /** The player left the page: speech cancelled, and a hold of ours dropped without playing the video again. */
  stop(): void {
    this.#scheduler?.stop(false);
    // Not playing as far as description goes: a scheduler arriving now stays silent, and the media's state when
    // the player is back on the page starts it again.
    this.#paused = true;
  }

  #loadScheduler(): void {
    this.#loading ??= import('../core/description-scheduler.ts').then(
      ({ DescriptionScheduler }) => {
        this.#scheduler = this.#createScheduler(DescriptionScheduler);
        this.apply();
        // Turned on while the video plays: the scheduler starts from where it is, as if it had seen it start.
        if (!this.#paused) this.#scheduler.played(this.#time);
      },
      (error: unknown) => console.error('lesson-player: audio description could not be loaded', error),
    );
  }

  #createScheduler(Scheduler: typeof DescriptionScheduler): DescriptionScheduler {
    const { scheduler } = this.env;
    return new Scheduler(
      {
        engine: this.env.speech?.() ?? null,
        clock: { setTimeout: (fn, ms) => scheduler.setTimeout(fn, ms), clearTimeout: (id) => scheduler.clearTimeout(id as number) },
        pauseMedia: () => this.host.pause(),
        playMedia: () => this.host.play(),
        announce: (text) => this.host.announce(text),
        fellBack: () => this.#notify(),
      },
      this.#prefs,
    );
  }

  #read(): Partial<Preferences> {
    try {
      const parsed: unknown = JSON.parse(this.env.storage()?.getItem(STORAGE_KEY) ?? '{}');
      if (!parsed || typeof parsed !== 'object') return {};
      const p = parsed as Record<string, unknown>;
      const out: Partial<Preferences> = {};
      if (typeof p.on === 'boolean') out.on = p.on;
      if (p.delivery === 'speech' || p.delivery === 'announce') out.delivery = p.delivery;
      if (typeof p.rate === 'number' && RATES.includes(p.rate)) out.rate = p.rate;
      if (typeof p.extended === 'boolean') out.extended = p.extended;
      if (typeof p.spokenSubtitles === 'boolean') out.spokenSubtitles = p.spokenSubtitles;
      return out;
    } catch {
      return {}; // storage refused or a value written by hand: the defaults
    }
  }

  #save(patch: Partial<Preferences>): void {
    this.#prefs = { ...this.#prefs, ...patch };
    try {
      this.env.storage()?.setItem(STORAGE_KEY, JSON.stringify(this.#prefs));
    } catch {
      // Full or refused: the choice holds for this page only.
    }
  }
}
