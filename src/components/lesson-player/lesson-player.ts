/**
 * `<lesson-player>`: a video lesson with captions, an interactive transcript, chapters and notes, kept in sync.
 *
 * Shadow DOM: a lesson is embedded in pages whose CSS the author does not control; the shadow root keeps the host
 * page's styles out and the player's in. The player library's styles are adopted into the same root, and its menus
 * are kept inside the player.
 *
 * @attr lesson - URL of the lesson manifest (JSON). Relative URLs inside it resolve against it.
 * @attr lang - UI language, `fr` or `en`; also picks the caption, chapter and note files shown. Without it, the
 *   nearest `lang` around the player (crossing shadow roots), else the page's; French when none is `fr` or `en`
 *   (an unsupported value is a console warning). Every panel and view bound with `for` speaks it.
 * @attr fetch-timeout - milliseconds each lesson file may take to arrive before the player reports it (15000).
 * @attr panels - `all` (default): transcript, chapters and notes beside the video; `none`: the video alone, for
 *   pages that place `<lesson-transcript for>`, `<lesson-chapters for>` and `<lesson-notes for>` themselves.
 * @attr layout - `auto` (default): the player takes the height it needs; `fill`: it fills its own height (give it
 *   one, as `embed.html` does), and below 1024 px of width the video and the panels become tabs.
 * @attr start - where playback starts: seconds or `1:23`, `1m23s`; or a passage, `83,88` (`1:23,1:28`): it is
 *   highlighted in the transcript, played from its start, and playback pauses once at its end.
 * @attr embed-src - URL of `embed.html` for the Embed dialog's iframe snippet (default: beside the library).
 * @attr script-src - URL of the library script for the Embed dialog's snippet (default: the library's own).
 * @attr no-embed - boolean: no "Embed" button.
 * @attr cast - boolean: offer the Google Cast button in the control bar. Off by default: pressing it loads Google's
 *   `cast_sender.js` from https://www.gstatic.com (add that origin to the page's CSP `script-src`), a request to a
 *   third party the site must choose to make on its learners' behalf.
 * @attr scorm - `1.2` or `2004`: report to the learning platform through SCORM (resume, progress, completion).
 * @attr scorm-complete-at - with `scorm`: the percentage of the lesson watched that completes it (90).
 * @attr xapi-endpoint - an LRS's xAPI base URL: the viewing is reported with the xAPI Video Profile's statements.
 * @attr xapi-auth - with `xapi-endpoint`: the `Authorization` header's value (`Basic …`).
 * @attr xapi-actor - with `xapi-endpoint`: the learner, an xAPI Agent in JSON (`{"mbox":"mailto:…"}`).
 * @attr xapi-activity - with `xapi-endpoint`: the lesson's IRI (default: the manifest's absolute URL).
 * @attr cmi5 - boolean: the page was launched by cmi5; the LRS, learner and activity come from its launch URL.
 * @attr complete-at - with `xapi-endpoint` or `cmi5`: the percentage of the lesson watched that completes it (90).
 * @attr descriptions - audio description: a track's language, `on` (the lesson's language) or `off`. Without it,
 *   the learner's last choice (remembered in this browser), else off.
 *
 * @prop {number} currentTime - the lesson's clock in seconds; setting it seeks (before the media loads too).
 * @prop {boolean} paused
 * @prop {number} duration - from `lesson-ready` on: the manifest's, else the tracks' end, until the media's is known.
 * @prop {LessonStore} controller - the player's lesson store, for views bound with `for`.
 * @prop {Cue[]} cues - the transcript's cues.
 * @prop {Chapter[]} chapters
 * @prop {Cue|null} activeCue
 * @prop {Chapter|null} activeChapter
 *
 * @fires lesson-ready - the lesson loaded; detail: `{ id, title, duration, cues, chapters, descriptions }`.
 * @fires lesson-descriptionschange - audio description turned on or off, or its settings changed; detail:
 *   `{ language, available, delivery, rate, extended, spokenSubtitles, fallback }`.
 * @fires lesson-cuechange - the transcript's current cue changed; detail: `{ cue, index }`. While playing, in the
 *   frame nearest to the cue's start: `currentTime` may then read up to half a frame before it.
 * @fires lesson-chapterchange - the current chapter changed; detail: `{ chapter, index }` (timed as a cue change).
 * @fires lesson-error - a lesson file failed; detail: `{ problem: { file, kind, message, rule, line?, col? } }`.
 *
 * @csspart base - the whole player.
 * @csspart media - the video area.
 * @csspart side - the column beside the video (transcript).
 * @csspart errors - the list of loading problems.
 * @csspart toolbar - the line under the video: current chapter and Embed button.
 * @csspart tabs - the tab list of the `fill` layout.
 * @csspart tab - each tab; the selected one also has the part `selected`.
 *
 * @cssprop --lesson-font - font family of the panels.
 * @cssprop --lesson-color - text colour.
 * @cssprop --lesson-background - panels' background.
 * @cssprop --lesson-accent - links, focus ring and active marks.
 * @cssprop --lesson-highlight - background of the current transcript line.
 * @cssprop --lesson-radius - corner radius.
 * @cssprop --lesson-font-size - base font size (default `medium`, the reader's preferred size, whatever the host
 *   page's root font size).
 * @cssprop --lesson-muted-color - secondary text.
 * @cssprop --lesson-surface - background of fields and code.
 * @cssprop --lesson-border - borders.
 * @cssprop --lesson-error - loading problems.
 * @cssprop --lesson-transcript-height - the transcript's maximum height (default 28rem).
 */
import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseTimeRange } from '../../core/deep-link.ts';
import type { Chapter, Cue } from '../../core/types.ts';
import { uiStrings, type UiStrings } from '../../i18n/strings.ts';
import type { MediaAdapter } from '../../media/media-adapter.ts';
import { createVidstackAdapter, mediaStyles } from '../../media/vidstack-adapter.ts';
import { browserEnvironment } from '../../state/browser-environment.ts';
import { FETCH_TIMEOUT_MS } from '../../state/fetch-lesson-file.ts';
import { LessonStore, type LessonChange } from '../../state/lesson-store.ts';
import { DEFAULT_COMPLETE_AT } from '../../lms/completion.ts';
import '../lesson-captions/lesson-captions.ts';
import { lessonStoreContext } from '../lesson-view/lesson-store-context.ts';
import { languageAround } from '../page-language.ts';
import { playerStyles } from './lesson-player.styles.ts';
import { visuallyHiddenStyles } from '../view-styles.ts';
import { problemsList, problemsStyles } from '../lesson-problems/lazy-problems.ts';
import { lessonTitle } from '../../core/lesson-title.ts';
import { MediaSessionControl } from './media-session-control.ts';
import { mediaSessionInfo } from '../../core/media-session-info.ts';
import { AudioDescriptionControl } from './audio-description-control.ts';
import { LmsReporting } from './lms-reporting.ts';

/** The panels' chunk (panels.ts), fetched once per page whatever the number of players. */
let panelsModule: Promise<unknown> | null = null;
const loadPanels = () => (panelsModule ??= import('./panels.ts'));

@customElement('lesson-player')
export class LessonPlayer extends LitElement {
  static override styles = [unsafeCSS(mediaStyles), playerStyles, visuallyHiddenStyles, problemsStyles];

  @property() lesson = '';
  @property({ reflect: true }) override lang = '';
  @property() panels: 'all' | 'none' = 'all';
  @property({ reflect: true }) layout: 'auto' | 'fill' = 'auto';
  @property() start = '';
  @property({ attribute: 'embed-src' }) embedSrc = '';
  @property({ attribute: 'script-src' }) scriptSrc = '';
  @property({ attribute: 'no-embed', type: Boolean }) noEmbed = false;
  @property({ type: Boolean }) cast = false;
  @property() descriptions: string | null = null;
  /** Milliseconds each lesson file may take to arrive before the player says so (15 s by default). */
  @property({ attribute: 'fetch-timeout', type: Number }) fetchTimeout = FETCH_TIMEOUT_MS;

  /** The tab shown in the `fill` layout when the frame is narrow. */
  @state() private tab: PlayerTab = 'video';

  /**
   * `1.2` or `2004`: report to the learning platform that launched the lesson through SCORM (the launch page of a
   * `lesson-player package` sets it); read once, when the player first connects.
   */
  @property() scorm: '' | '1.2' | '2004' = '';
  /** With `scorm`: the percentage of the lesson to watch for it to be completed (90 by default). */
  @property({ attribute: 'scorm-complete-at', type: Number }) scormCompleteAt = DEFAULT_COMPLETE_AT * 100;
  /** An LRS to report the viewing to (xAPI Video Profile), with its authorization, the learner and the lesson's IRI. */
  @property({ attribute: 'xapi-endpoint' }) xapiEndpoint = '';
  @property({ attribute: 'xapi-auth' }) xapiAuth = '';
  @property({ attribute: 'xapi-actor' }) xapiActor = '';
  @property({ attribute: 'xapi-activity' }) xapiActivity = '';
  /** Launched by cmi5: the LRS, the learner and the activity come from the launch URL (`lesson-player package --format cmi5`). */
  @property({ type: Boolean }) cmi5 = false;
  @property({ attribute: 'complete-at', type: Number }) completeAt = DEFAULT_COMPLETE_AT * 100;

  readonly #env = browserEnvironment(this);
  /** The one owner of the lesson's state: given to the views inside by context, found by views with `for`. */
  readonly #store = new LessonStore(this.#env);

  @state() private strings: UiStrings = uiStrings('fr');
  /** Whether the panels' elements are defined: their chunk is fetched on connection, and the video does not wait. */
  @state() private panelsReady = false;
  /** The polite live region's text: chapter changes while playing, and what views ask to say. Never every cue. */
  @state() private announcement = '';
  #adapter: MediaAdapter | null = null;
  /** The model the media was mounted for: a 'model' change for the same lesson (its notes arriving) keeps it. */
  #mountedModel: unknown = null;
  #mountedMediaKey = '';
  /** What `#start()` registered, released by `#stop()`. */
  #stops: (() => void)[] = [];
  /** Set between a disconnection and the end of its task: connected again by then, it was a move. */
  #leaving = false;
  #playingWhenLeft = false;
  #captions = document.createElement('lesson-captions');
  #audioDescription = new AudioDescriptionControl(this, this.#store, () => this.#adapter?.refreshSettingsSubmenu());

  constructor() {
    super();
    new ContextProvider(this, { context: lessonStoreContext, initialValue: this.#store });
    // The learning platform bridges the attributes ask for, loaded when the player first connects.
    new LmsReporting(this, this.#store, this.#env);
    // The system's media controls: the lesson's metadata, chapters on the previous/next track keys.
    new MediaSessionControl(this, this.#store);
    this.#captions.controller = this.#store;
  }

  /**
   * A new chapter while the video plays is said in the polite live region (WCAG 4.1.3): a listener does not see the
   * slide's title. Not while paused (seeks there are the reader's own, and the chapters list says where it went).
   */
  #onChapterChange = (event: HTMLElementEventMap['lesson-chapterchange']) => {
    const chapter = event.detail.chapter;
    if (chapter && !this.#store.paused) this.#announce(this.strings.chapterNow(chapter.title));
  };
  /** A view asked to go back to the video (e.g. from a note): focus the video area. */
  #onFocusMedia = async () => {
    this.tab = 'video';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.media')?.focus();
  };

  #announce(message: string): void {
    // Two messages before the region renders (a slide's description and its chapter change) are both said.
    if (this.#announcedUnrendered) message = `${this.announcement.trimEnd()} ${message}`;
    this.#announcedUnrendered = true;
    // The same text twice would not be read again: alternate a trailing no-break space.
    this.announcement = message === this.announcement.trimEnd() && !this.announcement.endsWith('\u00a0') ? `${message}\u00a0` : message;
  }
  #announcedUnrendered = false;

  // ——— Public API ———
  /** The lesson store (views placed outside the player with `for` follow it). */
  get controller(): LessonStore {
    return this.#store;
  }
  get currentTime(): number {
    return this.#store.currentTime;
  }
  set currentTime(seconds: number) {
    this.#store.seek(seconds);
  }
  get paused(): boolean {
    return this.#store.paused;
  }
  get duration(): number {
    return this.#store.duration;
  }
  get cues(): Cue[] {
    return this.#store.cues;
  }
  get chapters(): Chapter[] {
    return this.#store.chapters;
  }
  get activeCue(): Cue | null {
    return this.#store.activeCue;
  }
  get activeChapter(): Chapter | null {
    return this.#store.activeChapter;
  }
  play(): Promise<void> {
    return this.#store.play();
  }
  pause(): void {
    this.#store.pause();
  }
  seek(seconds: number): void {
    this.#store.seek(seconds);
  }
  seekToChapter(id: string): boolean {
    return this.#store.seekToChapter(id);
  }
  /** Goes to a passage's start and highlights it; playback pauses once at its end. */
  seekPassage(start: number, end: number): void {
    this.#store.seekPassage({ start, end });
  }
  openNotes(chapterId: string): boolean {
    return this.#store.openNotes(chapterId);
  }
  /** Shows captions: a language, `true` for the lesson's default track, `false` (or null) to hide them. */
  setCaptions(language: string | boolean | null): void {
    const manifest = this.#store.model?.manifest;
    const fallback = manifest?.captions.find((t) => t.default)?.lang ?? manifest?.captions[0]?.lang ?? null;
    this.#store.setCaptions(language === true ? fallback : language || null);
  }

  /** Audio description: a track's language, `true` for the lesson's language, `false` (or null) to turn it off. */
  setDescriptions(language: string | boolean | null): void {
    this.#store.descriptions.set(language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#leaving = false;
    // Moved (disconnected and connected again in the same task): everything is still running. Vidstack pauses its
    // video as it leaves the page (its own disconnection runs after ours): once it has, the video plays on.
    if (this.#store.running) {
      if (this.#playingWhenLeft) queueMicrotask(() => this.isConnected && this.#store.requestPlay());
      return;
    }
    this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#leaving = true;
    this.#playingWhenLeft = !this.#store.paused;
    // Frameworks and sortable lists move an element by removing and inserting it: wait for the end of the task
    // (microtasks run before any rendering or timer) before deciding that the player left the page.
    queueMicrotask(() => {
      if (this.#leaving && !this.isConnected) this.#stop();
    });
  }

  /** On the page: the store follows the address and the learner's page events; media left behind is mounted again. */
  #start(): void {
    this.#store.start();
    this.#stops = [
      this.#store.subscribe((changes) => this.#onLessonChange(changes)),
      this.#store.requests.on('announce', ({ message }) => this.#announce(message)),
      this.#store.requests.on('open-notes', ({ focus }) => focus && (this.tab = 'notes')),
    ];
    this.addEventListener('lesson-focus-media', this.#onFocusMedia);
    this.addEventListener('lesson-chapterchange', this.#onChapterChange);
    // Back on the page (perhaps in another language's part of it): the lesson comes back where it was.
    if (this.hasUpdated && this.#applyLanguage() && this.lesson) void this.#store.load(this.lesson);
    if (this.#store.status === 'ready' && !this.#adapter) this.#mountMedia({ restore: true });
    this.dispatchEvent(new Event('lesson-player-connected', { bubbles: true, composed: true }));
    if (!this.panelsReady) {
      loadPanels().then(
        () => (this.panelsReady = true),
        (error: unknown) => console.error('lesson-player: the panels could not be loaded', error),
      );
    }
  }

  /**
   * Off the page: the learner's data is written and every listener, timer and frame released. The media element
   * is taken out; Vidstack destroys it after its own pending frame (destroying it here, mid-frame, threw).
   */
  #stop(): void {
    this.#store.stop();
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
    this.removeEventListener('lesson-focus-media', this.#onFocusMedia);
    this.removeEventListener('lesson-chapterchange', this.#onChapterChange);
    this.#unmountMedia();
  }

  #unmountMedia(): void {
    this.#store.detach();
    this.#adapter?.destroy();
    this.#adapter = null;
    this.#mountedModel = null;
    this.#mountedMediaKey = '';
  }

  #onLessonChange(changes: ReadonlySet<LessonChange>): void {
    if (changes.has('status') || changes.has('problems') || changes.has('active') || changes.has('lang')) this.requestUpdate();
    const { status, model } = this.#store;
    if (changes.has('model') && model && model !== this.#mountedModel) this.#mountMedia();
    // A lesson that failed shows its problems, not the previous lesson's video.
    if (changes.has('status') && status === 'error' && this.#adapter) this.#unmountMedia();
  }

  /** The UI language: the player's `lang`, else the nearest around it, else the page's. True when it changed. */
  #applyLanguage(): boolean {
    const before = this.#store.lang;
    // The property, not the attribute: frameworks set the property, reflected only after this update.
    const lang = this.#store.setLanguage(this.lang || languageAround(this));
    this.strings = uiStrings(lang);
    return lang !== before;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const langChanged = changed.has('lang') && this.#applyLanguage();
    if ((changed.has('lesson') || langChanged) && this.lesson) {
      this.#store.fetchTimeoutMs = this.fetchTimeout > 0 ? this.fetchTimeout : FETCH_TIMEOUT_MS;
      void this.#store.load(this.lesson);
    }
    if (changed.has('descriptions') && this.descriptions !== null) {
      const value = this.descriptions.trim().toLowerCase();
      this.setDescriptions(value === 'off' || value === 'false' ? false : value === '' || value === 'on' || value === 'true' ? true : value);
    }
    if (changed.has('cast')) this.#adapter?.setCast(this.cast);
    if (changed.has('start') && this.start) {
      const start = parseTimeRange(this.start);
      if (typeof start === 'string') console.warn(`lesson-player: start="${this.start}" ${start}`);
      else if (start.end === undefined) this.#store.seek(start.start);
      else this.#store.seekPassage({ start: start.start, end: start.end });
    }
  }

  #mountMedia({ restore = false } = {}): void {
    const model = this.#store.model!;
    this.#mountedModel = model;
    const { manifest, contentLang } = model;
    const labels = {
      title: lessonTitle(manifest, contentLang),
      artist: mediaSessionInfo(manifest, contentLang, []).artist,
      lang: this.strings.lang,
      translations: this.strings.media,
      textTracks: [
        // Captions start off (the viewer turns them on); the manifest's default track comes first, so it is the
        // one the captions button shows.
        ...manifest.captions
          .filter((track) => model.captionTracks.has(track.lang))
          .sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)))
          .map((track) => ({
            kind: track.kind,
            language: track.lang,
            label: track.label,
            cues: model.captionTracks.get(track.lang)!,
          })),
        ...(model.chapters.length
          ? [{ kind: 'chapters' as const, language: contentLang, label: this.strings.chapters, default: true, cues: model.chapters.map((c) => ({ ...c, text: c.title })) }]
          : []),
      ],
    };
    const media = { sources: manifest.media, poster: manifest.poster, thumbnails: manifest.thumbnails };
    const mediaKey = JSON.stringify(media);
    // The same lesson in another language keeps its video (and its place in it): only the words change.
    if (this.#adapter && mediaKey === this.#mountedMediaKey) {
      this.#adapter.relabel(labels);
    } else {
      this.#adapter?.destroy();
      const settingsSubmenu = () => this.#audioDescription.settingsSubmenu();
      const parts = { overlay: this.#captions, control: this.#audioDescription.button, settingsSubmenu, cast: this.cast };
      this.#adapter = createVidstackAdapter({ ...labels, ...media, ...parts });
      this.#mountedMediaKey = mediaKey;
    }
    this.#store.attach(this.#adapter, { restore });
    this.requestUpdate();
  }

  protected override updated(): void {
    this.#announcedUnrendered = false;
    const slot = this.renderRoot.querySelector('.media');
    if (slot && this.#adapter && this.#adapter.element.parentElement !== slot) slot.append(this.#adapter.element);
  }

  protected override render() {
    const { status, problems, activeChapter, model } = this.#store;
    const announcement = this.announcement;
    const s = this.strings;
    const title = model ? lessonTitle(model.manifest, model.contentLang) : '';
    // The panels and the Embed button wait for their chunk; the video does not.
    const panels = this.panels === 'all' && status === 'ready';
    const panelsLoading = panels && !this.panelsReady;
    const tabs = this.layout === 'fill' && panels && this.panelsReady;
    // A container of its own: the layout follows the player's width, not the page's, and survives host CSS
    // (`all: revert` on <lesson-player> cannot reach it).
    return html`<div class="frame">
      <div class="lesson" part="base" data-status=${status} data-panels=${this.panels} data-layout=${this.layout} data-tab=${this.tab}>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${announcement}</div>
        ${problems.length ? problemsList(problems, s, () => this.requestUpdate()) : nothing}
        ${status === 'loading' ? html`<p class="loading" role="status">${s.loading}</p>` : nothing}
        ${status === 'error' ? html`<p class="failed">${s.loadFailed}</p>` : nothing}
        ${tabs ? this.#renderTabs(s) : nothing}
        <section class="main" id="panel-video" aria-label=${title ? `${s.player} : ${title}` : s.player}>
          <div class="media" part="media" tabindex="-1"></div>
          ${status === 'ready'
            ? html`<div class="toolbar" part="toolbar">
                ${activeChapter
                  ? html`<p class="current-chapter"><span class="label">${s.currentChapter}</span> <span class="title">${activeChapter.title}</span></p>`
                  : html`<span></span>`}
                ${this.noEmbed || !this.panelsReady
                  ? nothing
                  : html`<lesson-embed
                     
                      lesson=${new URL(this.lesson, document.baseURI).href}
                      embed-src=${this.embedSrc}
                      script-src=${this.scriptSrc}
                    ></lesson-embed>`}
              </div>`
            : nothing}
          ${panels && this.panelsReady
            ? html`<lesson-chapters id="panel-chapters" class="chapters"></lesson-chapters>
                <lesson-learner class="chapters learner"></lesson-learner>`
            : nothing}
        </section>
        ${panelsLoading ? html`<div class="side" part="side"><p class="loading" role="status">${s.loading}</p></div>` : nothing}
        ${panels && this.panelsReady
          ? html`<div class="side" id="panel-transcript" part="side"><lesson-transcript></lesson-transcript></div>
              ${this.#hasNotes ? html`<lesson-notes id="panel-notes" class="notes"></lesson-notes>` : nothing}`
          : nothing}
      </div>
    </div>`;
  }

  /** Notes are optional: a lesson without any has no Notes panel nor tab. */
  get #hasNotes(): boolean {
    return Object.values(this.#store.model?.manifest.notes ?? {}).some((byChapter) => Object.keys(byChapter).length > 0);
  }

  #renderTabs(s: UiStrings) {
    const tabs = ALL_TABS.filter((tab) => tab !== 'notes' || this.#hasNotes);
    const labels: Record<PlayerTab, string> = { video: s.embed.video, chapters: s.chapters, transcript: s.transcript, notes: s.notes };
    const select = (tab: PlayerTab, focus = false) => {
      this.tab = tab;
      if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tab-id="${tab}"]`)?.focus());
    };
    const onKey = (event: KeyboardEvent) => {
      const i = tabs.indexOf(this.tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length]!, true);
    };
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${s.embed.panels} @keydown=${onKey}>
      ${tabs.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            part=${tab === this.tab ? 'tab selected' : 'tab'}
            data-tab-id=${tab}
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls=${`panel-${tab}`}
            tabindex=${tab === this.tab ? '0' : '-1'}
            @click=${() => select(tab)}
          >
            ${labels[tab]}
          </button>`,
      )}
    </div>`;
  }
}

type PlayerTab = 'video' | 'chapters' | 'transcript' | 'notes';
const ALL_TABS: readonly PlayerTab[] = ['video', 'chapters', 'transcript', 'notes'];

declare global {
  interface HTMLElementTagNameMap {
    'lesson-player': LessonPlayer;
  }
}
