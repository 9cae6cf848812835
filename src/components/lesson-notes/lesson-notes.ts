/**
 * `<lesson-notes>`: the chapter notes of the lesson, one `<section>` per chapter, in chapter order.
 *
 * Why every note at once rather than one note and a chapter picker: a learner should be able to read the notes
 * through like a document (and print them, search them with the browser, skim them by heading with a screen
 * reader) without operating a widget per chapter. Every chapter gets its section, so that a chapter's "Notes"
 * button always has somewhere to go: a chapter without a note says so in one line.
 *
 * Each section's heading is the chapter title, generated here (the note's own leading `##` title is dropped, so
 * it is not read twice; its `###` sub-headings go one level below). Notes are untrusted Markdown: marked (GFM) →
 * DOMPurify with a strict allowlist → DOM nodes (never an HTML string in a DOM sink). marked and DOMPurify are
 * loaded on demand (note-render.ts).
 *
 * Links `#t=…` and `#chapter=…` in a note stay real links (Enter works, and a modified click opens the deep link in
 * a new tab) but a plain activation seeks the video instead of changing the page's URL.
 *
 * When the chapters list asks for a note (`controller.openNotes`), its heading is scrolled to and focused. "Follow
 * the video" (on by default) marks the playing chapter's section and scrolls the notes' own box to it — only when
 * the box scrolls (wide screens), never the page, and never while focus is inside the notes.
 *
 * @attr for - id of the `<lesson-player>` to follow, when placed outside it.
 * @attr heading-level - level of the "Notes" heading, 1–5 (default 2); chapter headings are one level below.
 *
 * @fires lesson-focus-media - bubbles, composed: the "back to the video" button asks the player to focus the video
 *   (after seeking to the chapter). detail: `{ chapterId }`.
 *
 * Slots: none.
 *
 * @csspart panel - the whole notes panel.
 * @csspart heading - the "Notes" heading.
 * @csspart follow - the "Follow the video" label and checkbox.
 * @csspart scroller - the box holding the notes (scrolls on wide screens).
 * @csspart note - each chapter's section; the playing one also has the part `current`.
 * @csspart note-heading - a chapter's heading.
 * @csspart body - a rendered note.
 * @csspart back - the "back to the video" button.
 *
 * @cssprop --lesson-font - font family.
 * @cssprop --lesson-color - text colour (default #161616).
 * @cssprop --lesson-background - background (default #fff).
 * @cssprop --lesson-accent - links, focus ring and the playing note's bar (default #000091).
 * @cssprop --lesson-highlight - background of the playing note's heading (default #e3e3fd).
 * @cssprop --lesson-radius - corner radius (default 4px).
 * @cssprop --lesson-notes-max-height - height of the notes box on wide screens (default 36rem).
 */
import { css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html, literal, type StaticValue } from 'lit/static-html.js';
import type { Chapter } from '../../core/types.ts';
import type { LessonChange, LessonRequests, LessonStore } from '../../state/lesson-store.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { outlinedButtonStyles, viewHostStyles } from '../view-styles.ts';
import { loadNoteRenderer, type NoteRenderer } from './note-render.ts';
import { classifyHref } from './note-safety.ts';
import '../lesson-my-notes/lesson-my-notes.ts';
import { prefersReducedMotion } from '../browser-helpers.ts';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

interface RenderedNote {
  markdown: string;
  level: number;
  node: HTMLElement;
}

export interface LessonFocusMediaDetail {
  chapterId: string;
}

@customElement('lesson-notes')
export class LessonNotes extends LessonView {
  static override styles = [
    viewHostStyles,
    outlinedButtonStyles,
    css`
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      margin-block-end: 0.5rem;
    }
    .panel-heading {
      margin: 0;
      font-size: 1.25rem;
    }
    .follow {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
      cursor: pointer;
    }
    .follow input {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0;
      accent-color: var(--lesson-accent, #000091);
      cursor: pointer;
    }
    .scroller {
      position: relative;
    }
    @media (min-width: 40rem) and (min-height: 36rem) {
      .scroller {
        max-height: var(--lesson-notes-max-height, 36rem);
        overflow-y: auto;
        overscroll-behavior: contain;
        padding-inline-end: 0.5rem;
      }
    }
    .note {
      padding: 0.25rem 0 0.75rem 0.75rem;
      /* Reserved in every note, coloured for the playing one: no layout shift. */
      border-inline-start: 4px solid transparent;
    }
    .note + .note {
      margin-block-start: 0.5rem;
    }
    .note[aria-current='true'] {
      border-inline-start-color: var(--lesson-accent, #000091);
    }
    .note-heading {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
      scroll-margin-block-start: 0.5rem;
      border-radius: var(--lesson-radius, 4px);
    }
    .note[aria-current='true'] .note-heading {
      background: var(--lesson-highlight, #e3e3fd);
    }
    .note-heading:focus {
      outline: 3px solid var(--lesson-accent, #000091);
      outline-offset: 2px;
    }
    .note-body {
      overflow-wrap: anywhere;
    }
    .note-body :is(h3, h4, h5, h6) {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .note-body p,
    .note-body ul,
    .note-body ol,
    .note-body blockquote,
    .note-body pre {
      margin: 0 0 0.75rem;
    }
    .note-body pre {
      overflow-x: auto;
      white-space: pre-wrap;
    }
    .note-body a {
      color: var(--lesson-accent, #000091);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .note-body a:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--lesson-accent, #000091);
      outline-offset: 2px;
      border-radius: 2px;
    }
    .note-body a[href^='#'] {
      /* Seek links: the same look as links, with a cue that they play. */
      text-decoration-style: dotted;
      text-decoration-thickness: 2px;
    }
    .back {
      margin: 0;
    }
    button {
      text-align: start;
    }
    .none,
    .loading,
    .failed {
      font-style: italic;
    }
    @media (forced-colors: active) {
      .note {
        border-inline-start-color: Canvas;
      }
      .note[aria-current='true'] {
        border-inline-start-color: Highlight;
      }
      .note-body a {
        color: LinkText;
      }
      .note-heading:focus,
      .note-body a:focus-visible,
      button:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
  ];

  /** Level of the "Notes" heading (chapter headings one below, the notes' sub-headings below those). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Follow the playing chapter. */
  @state() private follow = true;
  @state() private renderer: NoteRenderer | null = null;
  @state() private rendererFailed = false;

  protected readonly watches: readonly LessonChange[] = ['status', 'model'];

  #rendering: Promise<unknown> | null = null;
  #bodies = new Map<string, RenderedNote>();
  #bodiesFor: unknown = null;
  #activeShown = -2;
  /** A note the learner asked for, shown once the notes are rendered. */
  #opening: LessonRequests['open-notes'] | null = null;
  #followedIndex = -2;

  protected override onLessonChange(changes: ReadonlySet<LessonChange>): void {
    super.onLessonChange(changes);
    // 'active' also fires for every transcript line: re-render only when the chapter changes.
    if (changes.has('active') && (this.controller?.activeChapterIndex ?? -1) !== this.#activeShown) this.requestUpdate();
  }

  protected override listenToRequests(store: LessonStore): (() => void)[] {
    return [
      store.requests.on('open-notes', (request) => {
        this.#opening = request;
        this.requestUpdate();
      }),
    ];
  }

  get #level(): number {
    const level = Math.floor(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(5, Math.max(1, level)) : 2;
  }

  #ensureRenderer(): void {
    if (this.renderer || this.#rendering) return;
    this.#rendering = loadNoteRenderer().then(
      (renderer) => (this.renderer = renderer),
      (error: unknown) => {
        console.warn('lesson-player: the notes renderer could not be loaded', error);
        this.rendererFailed = true;
      },
    );
  }

  protected override render() {
    const controller = this.controller;
    const model = controller?.status === 'ready' ? controller.model : null;
    const chapters = model?.chapters ?? [];
    if (!model || !chapters.length || model.notes.size === 0) return nothing;
    if (this.#bodiesFor !== model) {
      this.#bodies.clear();
      this.#bodiesFor = model;
    }
    this.#ensureRenderer();
    const s = this.strings;
    const level = this.#level;
    const active = controller!.activeChapterIndex;
    this.#activeShown = active;
    const panelHeading = HEADINGS[level - 1]!;
    const chapterHeading = HEADINGS[level]!;
    return html`<section class="panel" part="panel" aria-labelledby="notes-heading">
      <div class="bar">
        <${panelHeading} id="notes-heading" class="panel-heading" part="heading">${s.notes}</${panelHeading}>
        <label class="follow" part="follow"
          ><input type="checkbox" .checked=${this.follow} @change=${this.#onFollowChange} />${s.followVideo}</label
        >
      </div>
      <div class="scroller" part="scroller" @click=${this.#onClick}>
        ${repeat(
          chapters,
          (chapter) => chapter.id,
          (chapter, i) => html`<section
            class="note"
            part=${i === active ? 'note current' : 'note'}
            data-chapter=${chapter.id}
            aria-labelledby=${`note-${i}`}
            aria-current=${i === active ? 'true' : nothing}
          >
            <${chapterHeading} id=${`note-${i}`} class="note-heading" part="note-heading" tabindex="-1">${chapter.title}</${chapterHeading}>
            ${this.#body(chapter, model.notes.get(chapter.id), level + 1)}
            <lesson-my-notes .controller=${controller} chapter-id=${chapter.id} heading-level=${Math.min(6, level + 2)}></lesson-my-notes>
            <p class="back">
              <button type="button" part="back" @click=${() => this.#backToVideo(chapter)}>${s.backToVideoAt(chapter.title)}</button>
            </p>
          </section>`,
        )}
      </div>
    </section>`;
  }

  /** A note's rendered nodes, built once per note text (Lit inserts the same element on each render). */
  #body(chapter: Chapter, markdown: string | undefined, chapterLevel: number) {
    const s = this.strings;
    if (markdown === undefined || markdown.trim() === '') return html`<p class="none">${s.noNotes}</p>`;
    if (!this.renderer) {
      return this.rendererFailed ? html`<p class="failed">${s.notesFailed}</p>` : html`<p class="loading">${s.notesLoading}</p>`;
    }
    let note = this.#bodies.get(chapter.id);
    if (!note || note.markdown !== markdown || note.level !== chapterLevel) {
      const node = document.createElement('div');
      node.className = 'note-body';
      node.setAttribute('part', 'body');
      try {
        node.append(this.renderer.render(markdown, chapterLevel));
      } catch (error) {
        console.warn(`lesson-player: the note of chapter "${chapter.id}" could not be rendered`, error);
        node.replaceChildren(Object.assign(document.createElement('p'), { className: 'failed', textContent: s.notesFailed }));
      }
      note = { markdown, level: chapterLevel, node };
      this.#bodies.set(chapter.id, note);
    }
    return note.node;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#handleNotesRequest();
    this.#followActive();
  }

  /** Scrolls to (and focuses) the note the chapters list asked for, once the notes are rendered. */
  #handleNotesRequest(): void {
    const request = this.#opening;
    if (!request) return;
    // Wait for the notes' text: the heading would move as the notes above it fill in.
    if (this.controller?.notesLoading) return;
    if (!this.renderer && !this.rendererFailed && this.controller?.model?.notes.size) return;
    this.#opening = null;
    const index = this.controller!.chapters.findIndex((c) => c.id === request.chapterId);
    const heading = this.renderRoot.querySelector<HTMLElement>(`#note-${index}`);
    if (!heading) return;
    // The learner asked for this note: scrolling the page to it is expected here. The jump is instant, as focus
    // moves: a smooth scroll over the page and the notes' box could end short when the layout above it shifts
    // while it runs (seen with the learner's panel filling in).
    if (request.focus) heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }

  /** With "Follow the video" on, keeps the playing chapter's note in view inside the notes' own box. */
  #followActive(): void {
    const index = this.controller?.activeChapterIndex ?? -1;
    if (index === this.#followedIndex) return;
    if (!this.follow || index < 0 || this.matches(':focus-within')) {
      this.#followedIndex = index;
      return;
    }
    const section = this.renderRoot.querySelector<HTMLElement>(`#note-${index}`)?.closest('section');
    // The notes arrive after the lesson shows, and their text moves the sections until it is rendered: a chapter
    // that became current before is followed once they are.
    if (!section || (!this.renderer && !this.rendererFailed)) return;
    this.#followedIndex = index;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    // Only when the box scrolls by itself (wide screens); never the page.
    if (!scroller || scroller.scrollHeight <= scroller.clientHeight + 1) return;
    const top = section.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTo({ top, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  #onFollowChange = (event: Event): void => {
    this.follow = (event.target as HTMLInputElement).checked;
    // Catch up with the video at once when following is turned back on.
    if (this.follow) this.#followedIndex = -2;
  };

  /** Seek links inside notes: a plain activation seeks instead of navigating. */
  #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!anchor) return;
    const link = classifyHref(anchor.getAttribute('href'));
    const controller = this.controller;
    if (!controller || (link.kind !== 'time' && link.kind !== 'chapter')) return;
    // Never let a note's fragment reach the page's URL (the player would treat it as a new deep link).
    event.preventDefault();
    const moved = link.kind === 'time' ? (controller.seek(link.time), true) : controller.seekToChapter(link.chapterId);
    const chapter = controller.activeChapter;
    if (moved && chapter) controller.announce(this.strings.chapterNow(chapter.title));
  };

  #backToVideo(chapter: Chapter): void {
    this.controller?.seekToChapter(chapter.id);
    this.dispatchEvent(
      new CustomEvent<LessonFocusMediaDetail>('lesson-focus-media', { detail: { chapterId: chapter.id }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-notes': LessonNotes;
  }
  interface HTMLElementEventMap {
    'lesson-focus-media': CustomEvent<LessonFocusMediaDetail>;
  }
}
