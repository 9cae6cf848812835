/**
 * When and how to deliver audio descriptions (and spoken subtitles, EN 301 549 7.1.5), DOM-free: the player feeds
 * it the media's time and play/pause/seek events; it speaks through an injected engine or announces through an
 * injected live region, and pauses the media for an extended description.
 *
 * What Able Player's users taught (its issues #297, #454, #548): speech that cannot be stopped is worse than none,
 * so a seek or a learner's pause cancels it (and play says the interrupted description again, from its start: the
 * Web Speech API's own pause/resume is unreliable); a description that would not end before the next speech at
 * the chosen rate pauses the video while it is read (extended description), and the video resumes only if the
 * learner did not take over meanwhile; no voice, or a voice that fails, falls back to announcing, said once; and
 * nothing waits forever on an engine that never says it ended.
 */
import { nextSpeechStart, spokenLength } from './description-norms.ts';
import { DEFAULT_DESCRIPTION_SETTINGS, type DescriptionSettings, type SpeechFallback } from './description-settings.ts';

export type { DescriptionDelivery, DescriptionSettings, SpeechFallback } from './description-settings.ts';

/** Characters per second of a voice at rate 1, the linter's default speaking rate. */
export const SPEAKING_CPS = 15;

/** One utterance handed to an engine. */
export interface Utterance {
  text: string;
  lang: string;
  /** 1 is the voice's normal rate (Web Speech: 0.1 to 10). */
  rate: number;
}

/** The Web Speech boundary, reduced to what the scheduler needs (see src/media/speech-engine.ts). */
export interface SpeechEngine {
  /**
   * Starts speaking, cancelling nothing (the scheduler cancels first). False when it cannot (no voice for the
   * language). Otherwise exactly one of `end`/`error` is called later, unless `cancel` comes first.
   */
  speak(utterance: Utterance, events: { end(): void; error(): void }): boolean;
  cancel(): void;
}

export interface SchedulerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface SchedulerHost {
  /** Null when the browser has no speech synthesis. */
  engine: SpeechEngine | null;
  clock: SchedulerClock;
  pauseMedia(): void;
  playMedia(): void;
  /** Puts the text in a polite live region, for the learner's screen reader. */
  announce(text: string, lang: string): void;
  /** Called once per scheduler, the first time speech falls back to announcing. */
  fellBack(reason: SpeechFallback): void;
}

/** A timed text to deliver: a description (may pause the video) or a subtitle read aloud (never does). */
export interface TimedText {
  start: number;
  end: number;
  text: string;
}

interface Item extends TimedText {
  lang: string;
  extendable: boolean;
  delivered: boolean;
}

export type SchedulerState = 'idle' | 'speaking' | 'holding';

export class DescriptionScheduler {
  private items: Item[] = [];
  private speech: readonly { start: number }[] = [];
  private settings: DescriptionSettings;
  private playing = false;
  private time = 0;
  private current: Item | null = null;
  /** The video is paused by this scheduler for the current item. */
  private holding = false;
  /** Cleared when the item ends, is cancelled or the watchdog fires: a late `end` of an older utterance is ignored. */
  private token = 0;
  private timer: unknown = null;
  private interrupted: Item | null = null;
  private fallback: SpeechFallback | null = null;
  /** Pause and play events still to come from our own requests (they arrive after we ask, in any order). */
  private ownPauses = 0;
  private ownPlays = 0;

  constructor(
    private readonly host: SchedulerHost,
    settings: Partial<DescriptionSettings> = {},
  ) {
    this.settings = { ...DEFAULT_DESCRIPTION_SETTINGS, ...settings };
  }

  get state(): SchedulerState {
    return this.holding ? 'holding' : this.current ? 'speaking' : 'idle';
  }

  /** Why speech fell back to announcing, or null. */
  get fallbackReason(): SpeechFallback | null {
    return this.fallback;
  }

  /**
   * What to deliver: `descriptions` in `lang` (may extend), `subtitles` read aloud in theirs (never extend), and
   * `speech`, the cues of the lesson's speech, that an extended description must end before. Empty lists turn it off.
   */
  setTracks(tracks: { descriptions?: TimedText[]; lang?: string; subtitles?: TimedText[]; subtitlesLang?: string; speech?: readonly { start: number }[] }): void {
    this.stop();
    const item = (lang: string, extendable: boolean) => (t: TimedText): Item => ({ start: t.start, end: t.end, text: t.text, lang, extendable, delivered: false });
    this.items = [...(tracks.descriptions ?? []).map(item(tracks.lang ?? '', true)), ...(tracks.subtitles ?? []).map(item(tracks.subtitlesLang ?? '', false))].sort(
      (a, b) => a.start - b.start,
    );
    this.speech = [...(tracks.speech ?? [])].sort((a, b) => a.start - b.start);
    this.seeked(this.time);
  }

  setSettings(settings: Partial<DescriptionSettings>): void {
    if (settings.delivery && settings.delivery !== this.settings.delivery) this.fallback = null;
    this.settings = { ...this.settings, ...settings };
  }

  /** The media's time while it plays. Delivers the item that has just begun. */
  timeUpdate(time: number): void {
    this.time = time;
    if (!this.playing || this.holding) return;
    let due: Item | null = null;
    for (const item of this.items) {
      if (item.start > time) break;
      if (item.delivered) continue;
      item.delivered = true;
      if (time < item.end) due = item; // one skipped over by a long step is not said late
    }
    if (due) this.deliver(due);
  }

  /** The media started playing. */
  played(time: number): void {
    this.time = time;
    this.playing = true;
    if (this.ownPlays > 0) {
      this.ownPlays--;
      return this.timeUpdate(time);
    }
    if (this.holding) {
      // Not our resume (we clear `holding` before asking): the learner took over. The description goes on.
      this.holding = false;
      return;
    }
    const again = this.interrupted;
    this.interrupted = null;
    if (again) this.deliver(again);
    else this.timeUpdate(time);
  }

  /** The media paused. A pause of our own (holding) changes nothing; the learner's cancels speech. */
  paused(): void {
    this.playing = false;
    if (this.ownPauses > 0) {
      this.ownPauses--;
      return;
    }
    if (this.current) this.interrupted = this.current;
    this.cancel();
  }

  /** The media jumped: what was said is cancelled, a hold released, and what starts after `time` is to be said. */
  seeked(time: number): void {
    this.time = time;
    this.interrupted = null;
    this.stop();
    for (const item of this.items) item.delivered = item.end <= time;
    this.timeUpdate(time);
  }

  /**
   * Cancels speech and releases a hold of ours: the video plays on, unless `resume` is false (the player is
   * leaving the page: nothing may start playing then).
   */
  stop(resume = true): void {
    const held = this.holding;
    this.cancel();
    if (held && resume) this.resume();
  }

  private deliver(item: Item): void {
    this.cancel(); // never two at once: the screen has moved on
    this.current = item;
    const token = ++this.token;
    const seconds = spokenLength(item.text) / (SPEAKING_CPS * this.settings.rate);
    const next = nextSpeechStart(this.speech, item.start);
    if (item.extendable && this.settings.extended && next !== undefined && this.time + seconds > next) {
      this.holding = true;
      this.ownPauses++;
      this.host.pauseMedia();
    }
    const done = () => {
      if (token === this.token) this.finish();
    };
    if (this.settings.delivery === 'speech' && !this.fallback) {
      const engine = this.host.engine;
      const spoke = engine?.speak({ text: item.text, lang: item.lang, rate: this.settings.rate }, { end: done, error: () => token === this.token && this.fallBack('error', item, token) });
      if (spoke) {
        // An engine that never says it ended (a voice stuck, iOS) must not hold the video for ever.
        this.timer = this.host.clock.setTimeout(() => {
          if (token !== this.token) return;
          engine!.cancel();
          this.finish();
        }, (seconds * 2 + 3) * 1000);
        return;
      }
      return this.fallBack(engine ? 'no-voice' : 'no-speech', item, token);
    }
    this.announceFor(item, seconds, token);
  }

  private fallBack(reason: SpeechFallback, item: Item, token: number): void {
    if (!this.fallback) {
      this.fallback = reason;
      this.host.fellBack(reason);
    }
    this.clearTimer();
    this.announceFor(item, spokenLength(item.text) / (SPEAKING_CPS * this.settings.rate), token);
  }

  /** Announces; a hold lasts the time the text takes to read at the chosen rate. */
  private announceFor(item: Item, seconds: number, token: number): void {
    this.host.announce(item.text, item.lang);
    if (!this.holding) {
      this.current = null;
      return;
    }
    this.timer = this.host.clock.setTimeout(() => {
      if (token === this.token) this.finish();
    }, seconds * 1000);
  }

  private finish(): void {
    const held = this.holding;
    this.clearTimer();
    this.current = null;
    this.token++;
    if (held) this.resume();
  }

  private resume(): void {
    this.holding = false;
    this.ownPlays++;
    this.host.playMedia();
  }

  private cancel(): void {
    this.clearTimer();
    this.token++;
    if (this.current && this.settings.delivery === 'speech' && !this.fallback) this.host.engine?.cancel();
    this.current = null;
    this.holding = false;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.host.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
