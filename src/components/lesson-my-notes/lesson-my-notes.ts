/**
 * `<lesson-my-notes>`: the learner's own notes on one chapter, under the chapter's authored note in
 * `<lesson-notes>`: each at its moment (a button that seeks there), editable in place and saved as typed, deletable
 * with an "Undo" offered for a few seconds; and a button to add one at the current moment (or the chapter's start
 * when the video is elsewhere).
 *
 * The learner's text is untrusted like any other: it is only ever a textarea's value or a text node.
 *
 * @attr chapter-id - the chapter whose notes to show.
 * @attr heading-level - level of the "My notes" heading (default 4).
 * @prop {LessonStore|null} controller - set by `<lesson-notes>`.
 *
 * @csspart notes - the list of notes.
 * @csspart add - the "Add a note" button.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { formatDuration, formatTime } from '../../core/time.ts';
import { learnerStrings } from '../../i18n/learner-strings.ts';
import { passageStrings } from '../../i18n/passage-strings.ts';
import { LearnerLink } from '../../learner/learner-link.ts';
import type { LearnerNote } from '../../learner/notes.ts';
import type { LessonChange, LessonStore } from '../../state/lesson-store.ts';
import { outlinedButtonStyles, visuallyHiddenStyles } from '../view-styles.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

@customElement('lesson-my-notes')
export class LessonMyNotes extends LessonView {
  static override styles = [
    outlinedButtonStyles,
    visuallyHiddenStyles,
    css`
    :host {
      display: block;
      margin-block: 0.5rem 0.75rem;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .heading {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    ul {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    li {
      display: grid;
      gap: 0.25rem;
      padding: 0.5rem;
      border-inline-start: 4px solid var(--lesson-accent, #000091);
      background: var(--lesson-surface, #f6f6f6);
      border-radius: var(--lesson-radius, 4px);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: space-between;
      align-items: center;
    }
    .quote {
      margin: 0;
      padding-inline-start: 0.6rem;
      border-inline-start: 3px solid var(--lesson-border, #929292);
      font-style: italic;
    }
    textarea {
      font: inherit;
      color: inherit;
      background: var(--lesson-background, #fff);
      width: 100%;
      min-height: 4.5em;
      field-sizing: content;
      resize: vertical;
      padding: 0.4rem;
      border: 1px solid var(--lesson-border, #929292);
      border-radius: var(--lesson-radius, 4px);
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .undo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    @media (forced-colors: active) {
      li {
        border-inline-start-color: CanvasText;
      }
    }
  `,
  ];

  @property({ attribute: 'chapter-id' }) chapterId = '';
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 4;

  protected readonly watches: readonly LessonChange[] = ['model'];
  #learner = new LearnerLink(this, ['notes', 'undo']);
  /** Whether this chapter's "Undo" is on screen (to keep the focus here when it goes). */
  #undoShown = false;

  protected override render() {
    const session = this.#learner.session(this.controller);
    const chapter = this.controller?.chapters.find((c) => c.id === this.chapterId);
    if (!session?.record || !chapter) return nothing;
    const s = learnerStrings(this.strings.lang);
    const notes = session.notesOf(chapter.id);
    const undo = session.undo?.chapterId === chapter.id ? session.undo : null;
    const heading = HEADINGS[Math.min(6, Math.max(1, Math.floor(this.headingLevel) || 4)) - 1]!;
    return html`
      ${notes.length
        ? html`${staticHtml`<${heading} class="heading">${s.myNotes}</${heading}>`}
            <ul part="notes">
              ${repeat(
                notes,
                (n) => n.id,
                (n) => this.#renderNote(n, s),
              )}
            </ul>`
        : nothing}
      ${undo
        ? html`<p class="undo">${s.noteDeleted} <button type="button" class="undo-button" @click=${this.#undo}>${s.undo}</button></p>`
        : nothing}
      <button type="button" class="add" part="add" aria-label=${`${s.addNote} (${chapter.title})`} @click=${this.#add}>${s.addNote}</button>
    `;
  }

  #renderNote(note: LearnerNote, s: ReturnType<typeof learnerStrings>) {
    const spoken = formatDuration(note.time);
    // A note on a passage shows its range, plays it (pausing at its end) and quotes its words.
    const shown = note.end === undefined ? formatTime(note.time) : `${formatTime(note.time)}–${formatTime(note.end)}`;
    const label = note.end === undefined ? s.seekToNote(shown, spoken) : passageStrings(this.strings.lang).playPassage(shown, spoken, formatDuration(note.end));
    return html`<li data-note=${note.id}>
      <div class="row">
        <button type="button" class="time" aria-label=${label} @click=${() => this.#seek(note)}>${shown}</button>
        <button type="button" class="delete" aria-label=${s.deleteNoteAt(spoken)} @click=${() => this.#delete(note)}>${s.deleteNote}</button>
      </div>
      ${note.quote ? html`<blockquote class="quote">${note.quote}</blockquote>` : nothing}
      <label class="visually-hidden" for=${`note-${note.id}`}>${s.noteLabel(spoken)}</label>
      <textarea id=${`note-${note.id}`} .value=${live(note.text)} maxlength="20000" @input=${(e: InputEvent) => this.#edit(note, e)}></textarea>
    </li>`;
  }

  protected override listenToRequests(store: LessonStore): (() => void)[] {
    return [
      store.learner.requests.on('focus-note', async ({ noteId, chapterId }) => {
        if (chapterId !== this.chapterId) return;
        await this.updateComplete;
        const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${CSS.escape(noteId)}`);
        field?.focus({ preventScroll: true });
        field?.scrollIntoView({ block: 'nearest' });
      }),
    ];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const undo = this.controller?.learner.undo;
    const shown = undo?.chapterId === this.chapterId;
    if (!shown && this.#undoShown && document.activeElement === document.body) {
      // "Undo" went away with the focus on it: keep the focus here, on "Add a note".
      this.renderRoot.querySelector<HTMLButtonElement>('.add')?.focus();
    }
    this.#undoShown = shown;
  }

  #add = (): void => {
    const controller = this.controller;
    const chapter = controller?.chapters.find((c) => c.id === this.chapterId);
    if (!controller || !chapter) return;
    const now = controller.currentTime;
    const time = now >= chapter.start && now < chapter.end ? now : chapter.start;
    const note = this.#learner.session(controller)?.addNote(time, chapter.id);
    if (note) controller.announce(learnerStrings(this.strings.lang).noteAdded(formatDuration(note.time)));
  };

  #edit(note: LearnerNote, event: InputEvent): void {
    this.#learner.session(this.controller)?.updateNote(note.id, (event.target as HTMLTextAreaElement).value);
  }

  #seek(note: LearnerNote): void {
    const controller = this.controller;
    if (note.end === undefined) return controller?.seek(note.time);
    controller?.seekPassage({ start: note.time, end: note.end });
    controller?.requestPlay();
  }

  async #delete(note: LearnerNote): Promise<void> {
    const controller = this.controller;
    this.#learner.session(controller)?.deleteNote(note.id);
    controller?.announce(learnerStrings(this.strings.lang).noteDeleted);
    // The deleted note's button had the focus: give it to "Undo" rather than lose it to the page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.undo-button')?.focus();
  }

  #undo = (): void => {
    const controller = this.controller;
    const restored = this.#learner.session(controller)?.undoDelete();
    if (restored) controller?.announce(learnerStrings(this.strings.lang).noteRestored);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-my-notes': LessonMyNotes;
  }
}
