/**
 * `<lesson-chapters>`: the lesson's chapters as a list of buttons; activating one seeks to its start. The chapter
 * playing is marked `aria-current="true"` and highlighted (background and an inline-start bar reserved in every
 * item, so that nothing moves when it changes). Each chapter has a "Notes" button that opens its note in
 * `<lesson-notes>`.
 *
 * Chapter titles come from lesson authors: they only ever reach the DOM as text. A chapter button's accessible
 * name starts with its visible text, title then start ("La crise politique 3:22, vu en partie"), so that a voice
 * command naming what is seen reaches it (WCAG 2.5.3); set with `aria-label` because the title and time are flex
 * items, which screen readers would otherwise split, and to add what was watched.
 *
 * Shadow DOM, so the host page's CSS neither breaks the list nor is broken by it.
 *
 * @attr for - id of the `<lesson-player>` to follow, when placed outside it (inside, the player sets `controller`).
 * @attr hide-notes - boolean: no "Notes" buttons (for pages that show no `<lesson-notes>`). They are also left out
 *   when the lesson has no notes at all.
 *
 * @prop {LessonStore|null} controller - set by the player; found through `for` otherwise.
 *
 * Events: none of its own; the player fires `lesson-chapterchange` when the chapter changes.
 * Slots: none.
 *
 * @csspart nav - the `<nav>` landmark.
 * @csspart list - the `<ol>`.
 * @csspart item - each `<li>`; the current one also has the part `current`.
 * @csspart chapter - the button that seeks to a chapter.
 * @csspart time - the start time inside it.
 * @csspart notes - the "Notes" button.
 *
 * @cssprop --lesson-font - font family.
 * @cssprop --lesson-color - text colour (default #161616).
 * @cssprop --lesson-background - background (default #fff).
 * @cssprop --lesson-accent - focus ring, current-chapter bar and Notes button (default #000091).
 * @cssprop --lesson-highlight - background of the current chapter (default #e3e3fd).
 * @cssprop --lesson-radius - corner radius (default 4px).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatTime } from '../../core/time.ts';
import type { Chapter } from '../../core/types.ts';
import type { LessonChange } from '../../state/lesson-store.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { viewHostStyles, visuallyHiddenStyles } from '../view-styles.ts';
import { learnerStrings } from '../../i18n/learner-strings.ts';
import { LearnerLink } from '../../learner/learner-link.ts';
import { applyShareWidths } from '../lesson-learner/learner-styles.ts';

@customElement('lesson-chapters')
export class LessonChapters extends LessonView {
  static override styles = [
    viewHostStyles,
    visuallyHiddenStyles,
    css`
    :host {
      line-height: 1.4;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    li {
      display: flex;
      align-items: stretch;
      gap: 0.25rem;
      border-radius: var(--lesson-radius, 4px);
      /* Reserved in every item, coloured for the current one: no layout shift. */
      border-inline-start: 4px solid transparent;
    }
    li.current {
      background: var(--lesson-highlight, #e3e3fd);
      border-inline-start-color: var(--lesson-accent, #000091);
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      margin: 0;
      cursor: pointer;
      min-height: 44px;
      min-width: 44px;
      border-radius: var(--lesson-radius, 4px);
    }
    button:focus-visible {
      outline: 3px solid var(--lesson-accent, #000091);
      outline-offset: -3px;
    }
    .chapter {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      align-content: center;
      justify-content: space-between;
      gap: 0 0.75rem;
      padding: 0.4rem 0.5rem;
      text-align: start;
    }
    .chapter:hover .title {
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .title {
      overflow-wrap: anywhere;
    }
    li.current .title {
      /* Weight would change the width: underline thickness does not. */
      text-decoration: underline;
      text-decoration-thickness: 2px;
      text-underline-offset: 0.2em;
    }
    .time {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    /* What the learner watched of the chapter: a thin bar under the title, its words in the button's name. */
    .watched {
      flex: 1 0 100%;
      height: 4px;
      margin-block-start: 0.25rem;
      border-radius: 2px;
      background: color-mix(in srgb, currentColor 15%, transparent);
      overflow: hidden;
    }
    .watched[data-watched='none'] {
      visibility: hidden;
    }
    .watched > span {
      display: block;
      height: 100%;
      background: var(--lesson-accent, #000091);
    }
    .watched[data-watched='full'] > span {
      background: #18753c;
    }
    .notes {
      flex: 0 0 auto;
      padding: 0.25rem 0.6rem;
      color: var(--lesson-accent, #000091);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    li.current .notes {
      /* The accent may be too light on the highlight (dark themes): the text colour is made for it. */
      color: inherit;
    }
    @media (forced-colors: active) {
      li {
        border-inline-start-color: Canvas;
      }
      li.current {
        border-inline-start-color: Highlight;
        background: Canvas;
      }
      button {
        color: ButtonText;
      }
      .notes {
        color: LinkText;
      }
      .watched > span,
      .watched[data-watched='full'] > span {
        background: CanvasText;
      }
      button:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
  ];

  /** Hides the "Notes" buttons. */
  @property({ type: Boolean, attribute: 'hide-notes', reflect: true }) hideNotes = false;

  protected readonly watches: readonly LessonChange[] = ['status', 'model', 'active'];
  /** What the learner watched of each chapter (learner/progress.ts). */
  #learner = new LearnerLink(this, ['progress']);

  protected override render() {
    const controller = this.controller;
    const chapters = controller?.status === 'ready' ? controller.chapters : [];
    if (!chapters.length) return nothing;
    const s = this.strings;
    const active = controller!.activeChapterIndex;
    // While the note files arrive the buttons are there already (a request waits for them): nothing moves.
    const withNotes = !this.hideNotes && ((controller!.model?.notes.size ?? 0) > 0 || controller!.notesLoading);
    const learner = this.#learner.session(controller);
    const ls = learnerStrings(s.lang);
    return html`<nav aria-label=${s.chapters} part="nav">
      <ol part="list">
        ${repeat(
          chapters,
          (chapter) => chapter.id,
          (chapter, i) => {
            const progress = learner?.record ? learner.chapterProgress(chapter) : null;
            const watched = progress ? { full: ls.watchedFull, part: ls.watchedPart, none: ls.notWatched }[progress.state] : '';
            return html`<li class=${i === active ? 'current' : ''} part=${i === active ? 'item current' : 'item'}>
            <button
              type="button"
              class="chapter"
              part="chapter"
              aria-current=${i === active ? 'true' : 'false'}
              aria-label=${`${chapter.title} ${formatTime(chapter.start)}${watched ? `, ${watched}` : ''}`}
              @click=${() => this.#seek(chapter)}
            >
              <span class="title">${chapter.title}</span>
              <span class="time" part="time">${formatTime(chapter.start)}</span>
              ${progress
                ? html`<span class="watched" part="watched" data-watched=${progress.state} title=${watched}
                    ><span data-share=${progress.share}></span
                  ></span>`
                : nothing}
            </button>
            ${withNotes
              ? html`<button type="button" class="notes" part="notes" aria-label=${s.notesFor(chapter.title)} @click=${() => this.#openNotes(chapter)}>
                  ${s.openNotes}
                </button>`
              : nothing}
          </li>`;
          },
        )}
      </ol>
    </nav>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    applyShareWidths(this.renderRoot);
  }

  #seek(chapter: Chapter): void {
    const controller = this.controller;
    if (!controller?.seekToChapter(chapter.id)) return;
    // Focus stays on the button: say where the video now is.
    controller.announce(this.strings.chapterNow(chapter.title));
  }

  #openNotes(chapter: Chapter): void {
    this.controller?.openNotes(chapter.id, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-chapters': LessonChapters;
  }
}
