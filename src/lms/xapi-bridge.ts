/**
 * Reports a viewing to a Learning Record Store with the xAPI Video Profile's statements, either for a page that
 * names its LRS (`xapi-endpoint`, `xapi-auth`, `xapi-actor` on `<lesson-player>`) or for a cmi5 launch (the launch
 * URL's `endpoint`, `fetch`, `actor`, `registration`, `activityId`). A plugin of the lesson store, like the SCORM
 * bridge: started, stopped and disposed with it, and loaded only by pages that ask for it.
 *
 * - initialized once the lesson is ready (cmi5: after the session's token and `LMS.LaunchData` are fetched);
 *   played and paused as playback starts and stops; seeked with where the seek started and landed (the store's
 *   own seek facts, not guesses from the clock); completed once, when the share actually watched reaches the
 *   threshold (cmi5: never in Browse or Review mode, at most once per registration); terminated on `pagehide`.
 * - Statements go through the statement queue (statement-queue.ts): batched, never blocking playback, kept across
 *   reloads, retried, flushed with keepalive when the page goes.
 * - A bad configuration or a cmi5 launch that fails: one console warning, and the lesson plays as anywhere.
 */
import { cmi5Context, cmi5SessionId, launchDataUrl, mayComplete, parseAgent, parseCmi5Launch, readAuthToken, readLaunchData, type Cmi5Kind, type Cmi5Launch, type LaunchData } from '../core/cmi5.ts';
import { lessonTitle } from '../core/lesson-title.ts';
import { videoStatement, type PlayedSegment, type VideoEvent, type VideoSession, type XapiAgent } from '../core/xapi-video.ts';
import { watchedShare } from '../learner/progress.ts';
import type { LessonEnvironment } from '../state/environment.ts';
import type { LessonChange, LessonStore, StorePlugin } from '../state/lesson-store.ts';
import { DEFAULT_COMPLETE_AT } from './completion.ts';
import { StatementQueue, XAPI_VERSION } from './statement-queue.ts';

export interface XapiBridgeOptions {
  /** The page's LRS: its base URL, the `Authorization` value, the learner (JSON text), the lesson's IRI. */
  lrs?: { endpoint: string; authorization: string; actor: string; activityId: string };
  /** The launch page's query string, for a cmi5 launch. */
  cmi5Search?: string;
  /** Share of the lesson to watch for `completed`, 0 to 1. */
  completeAt?: number;
  /** A new UUID each call. */
  uuid?: () => string;
}

type BridgeState = 'waiting' | 'launching' | 'running' | 'off' | 'terminated';

interface Reporting {
  session: VideoSession;
  /** cmi5's launch and launch data, when launched by cmi5. */
  cmi5: { launch: Cmi5Launch; data: LaunchData } | null;
  startedAt: number;
}

/** A version 4 UUID from the platform's random numbers (`randomUUID` exists only on secure origins). */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const CMI5_KIND: Record<VideoEvent['verb'], Cmi5Kind> = { initialized: 'defined', played: 'allowed', paused: 'allowed', seeked: 'allowed', completed: 'completed', terminated: 'defined' };

export class XapiBridge implements StorePlugin {
  readonly #store: LessonStore;
  readonly #env: LessonEnvironment;
  readonly #options: XapiBridgeOptions;
  readonly #completeAt: number;
  readonly #uuid: () => string;
  #state: BridgeState = 'waiting';
  #reporting: Reporting | null = null;
  #queue: StatementQueue | null = null;
  #stopListening: (() => void)[] = [];
  #playing = false;
  /**
   * Where the video stands while it does not play (kept at each pause and seek): where the next play starts. The
   * media reports that it plays a moment after it started, when its clock has already moved on.
   */
  #stillAt = 0;
  #segmentStart = 0;
  #segments: PlayedSegment[] = [];
  #completed = false;

  constructor(store: LessonStore, env: LessonEnvironment, options: XapiBridgeOptions) {
    this.#store = store;
    this.#env = env;
    this.#options = options;
    this.#completeAt = options.completeAt ?? DEFAULT_COMPLETE_AT;
    this.#uuid = options.uuid ?? randomUuid;
  }

  /** 'running' once statements are being sent; 'off' when the LRS or the launch could not be used. */
  get state(): BridgeState {
    return this.#state;
  }

  /** Whether anything is left registered or scheduled (tests check that stopping leaves nothing). */
  get active(): boolean {
    return this.#stopListening.length > 0 || !!this.#queue?.scheduled;
  }

  start(): void {
    if (this.#stopListening.length) return;
    this.#stopListening = [
      this.#store.subscribe((changes) => this.#onLessonChange(changes)),
      this.#store.requests.on('seeked', ({ from, to }) => this.#onSeeked(from, to)),
      this.#store.learner.subscribe((changes) => changes.has('progress') && this.#checkCompletion()),
      this.#env.listen('pagehide', () => this.terminate()),
    ];
    // Back on the page: what waited is sent again (stopping cleared the queue's timer).
    if (this.#state === 'running') this.#queue?.flush();
    void this.#begin();
  }

  /** The player left the page (it may come back, or the page may be a single-page app moving on): what waits goes with keepalive; the session stays open. */
  stop(): void {
    this.#queue?.flush({ keepalive: true });
    this.#queue?.stop();
    this.#stopListening.forEach((stop) => stop());
    this.#stopListening = [];
  }

  dispose(): void {
    this.terminate();
    this.stop();
  }

  #onLessonChange(changes: ReadonlySet<LessonChange>): void {
    if (changes.has('model') || changes.has('playback')) void this.#begin();
    if (changes.has('playback') && this.#state === 'running') this.#followPlayback();
  }

  async #begin(): Promise<void> {
    const model = this.#store.model;
    if (this.#state !== 'waiting' || !model || !(this.#store.duration > 0)) return;
    this.#state = 'launching';
    const cmi5 = this.#options.cmi5Search !== undefined ? await this.#launchCmi5(this.#options.cmi5Search) : null;
    if (this.#state !== 'launching') return;
    if (this.#options.cmi5Search !== undefined && !cmi5) return;
    const lrs = this.#options.lrs;
    const actor: XapiAgent | null = cmi5 ? cmi5.launch.actor : parseAgent(lrs?.actor);
    if (!actor) return this.#off('xapi-actor is not an xAPI agent (JSON with one of mbox, mbox_sha1sum, openid, account): the lesson reports nothing to the LRS');
    const endpoint = cmi5 ? cmi5.launch.endpoint : lrs!.endpoint.replace(/\/?$/, '/');
    const activityId = cmi5 ? cmi5.launch.activityId : lrs!.activityId;
    const manifest = model.manifest;
    this.#reporting = {
      session: {
        actor,
        activityId,
        title: lessonTitle(manifest, manifest.language),
        language: manifest.language,
        sessionId: (cmi5 && cmi5SessionId(cmi5.data)) || this.#uuid(),
        length: this.#store.duration,
        completionThreshold: this.#completeAt,
      },
      cmi5,
      startedAt: this.#env.scheduler.now(),
    };
    this.#queue ??= new StatementQueue({
      fetch: this.#env.fetch,
      scheduler: this.#env.scheduler,
      storage: this.#env.storage(),
      storageKey: `lesson-player:xapi-queue:${endpoint}|${activityId}`,
      warn: (message) => this.#env.warn(message),
    });
    this.#queue.connect({ endpoint, authorization: cmi5 ? cmi5.authorization : lrs!.authorization || null });
    this.#completed = cmi5 ? this.#storedCompletion(cmi5.launch) : false;
    this.#state = 'running';
    this.#stillAt = this.#store.currentTime;
    this.#send({ verb: 'initialized' });
    this.#followPlayback();
    this.#checkCompletion();
  }

  /** Fetches the session's token (once: the fetch URL works once) and LMS.LaunchData; null after a warning. */
  async #launchCmi5(search: string): Promise<{ launch: Cmi5Launch; data: LaunchData; authorization: string } | null> {
    const launch = parseCmi5Launch(search);
    if (launch === null || typeof launch === 'string') {
      this.#off(`${launch ?? 'the page was not launched by cmi5 (no launch parameters in its URL)'}: the lesson reports nothing`);
      return null;
    }
    try {
      const tokenAnswer = await this.#env.fetch(launch.fetchUrl, { method: 'POST', credentials: 'omit' });
      const token = readAuthToken(await tokenAnswer.json().catch(() => null));
      if ('error' in token) throw new Error(token.error);
      const authorization = `Basic ${token.token}`;
      const answer = await this.#env.fetch(launchDataUrl(launch), { headers: { Authorization: authorization, 'X-Experience-API-Version': XAPI_VERSION }, credentials: 'omit' });
      if (!answer.ok) throw new Error(`LMS.LaunchData could not be read (${answer.status})`);
      const data = readLaunchData(await answer.json().catch(() => null));
      if (!data) throw new Error('LMS.LaunchData lacks its context template, launch mode or moveOn');
      return { launch, data, authorization };
    } catch (error) {
      this.#off(`the cmi5 launch failed (${error instanceof Error ? error.message : String(error)}): the lesson reports nothing`);
      return null;
    }
  }

  #off(message: string): void {
    this.#state = 'off';
    this.#env.warn(message);
  }

  /**
   * cmi5 allows one `completed` per registration: this browser remembers having sent it (an AU may not be able to
   * query the LRS for it), so a second visit in the same registration does not send it again.
   */
  #storedCompletion(launch: Cmi5Launch, set = false): boolean {
    const key = `lesson-player:cmi5-completed:${launch.registration}|${launch.activityId}`;
    try {
      const storage = this.#env.storage();
      if (set) storage?.setItem(key, '1');
      return storage?.getItem(key) === '1';
    } catch {
      return set;
    }
  }

  #send(event: VideoEvent): void {
    const reporting = this.#reporting!;
    const context = reporting.cmi5 ? cmi5Context(reporting.cmi5.launch, reporting.cmi5.data, CMI5_KIND[event.verb]) : undefined;
    const session = { ...reporting.session, length: this.#store.duration || reporting.session.length, ...(context ? { context } : {}) };
    this.#queue!.add(videoStatement(session, event, this.#uuid(), this.#env.scheduler.wallClock()));
  }

  #followPlayback(): void {
    const time = this.#store.currentTime;
    if (!this.#store.paused && !this.#playing) {
      this.#playing = true;
      this.#segmentStart = this.#stillAt;
      this.#send({ verb: 'played', time: this.#stillAt });
    } else if (this.#store.paused && this.#playing) {
      this.#stillAt = time;
      this.#closeSegment(time);
      this.#send({ verb: 'paused', time, progress: this.#share(), segments: this.#segments });
    }
  }

  #onSeeked(from: number, to: number): void {
    if (this.#state !== 'running') return;
    if (this.#playing) {
      this.#closeSegment(from);
      this.#playing = true;
      this.#segmentStart = to;
    } else this.#stillAt = to;
    this.#send({ verb: 'seeked', from, to });
  }

  #closeSegment(end: number): void {
    if (!this.#playing) return;
    this.#playing = false;
    if (end > this.#segmentStart) this.#segments = [...this.#segments, [this.#segmentStart, end]];
  }

  /** Played segments so far, the one playing included. */
  #segmentsNow(time: number): PlayedSegment[] {
    return this.#playing && time > this.#segmentStart ? [...this.#segments, [this.#segmentStart, time]] : this.#segments;
  }

  #share(): number {
    return watchedShare(this.#store.learner.record?.watched ?? [], 0, this.#store.duration);
  }

  #checkCompletion(): void {
    const reporting = this.#reporting;
    if (this.#state !== 'running' || this.#completed || !reporting) return;
    if (reporting.cmi5 && !mayComplete(reporting.cmi5.data)) return;
    const progress = this.#share();
    if (progress < this.#completeAt) return;
    this.#completed = true;
    if (reporting.cmi5) this.#storedCompletion(reporting.cmi5.launch, true);
    const time = this.#store.currentTime;
    this.#send({ verb: 'completed', time, progress, segments: this.#segmentsNow(time), durationMs: this.#env.scheduler.now() - reporting.startedAt });
  }

  /** The page is going away: terminated, last, then what waits goes with keepalive. Once. */
  terminate(): void {
    if (this.#state !== 'running') return;
    const time = this.#store.currentTime;
    this.#closeSegment(time);
    this.#send({ verb: 'terminated', time, progress: this.#share(), segments: this.#segments, durationMs: this.#env.scheduler.now() - this.#reporting!.startedAt });
    this.#state = 'terminated';
    this.#queue!.flush({ keepalive: true });
  }
}
