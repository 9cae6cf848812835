/**
 * `<lesson-learner>`: the learner's tools for a lesson, kept in this browser only: the offer to resume where they
 * stopped, how much of the lesson they watched, adding a note at the transcript's current line, exporting and
 * importing their notes as Markdown, the transcript as .txt and .vtt files, a printable version of the lesson,
 * and clearing what is kept for this lesson (after a confirmation in place).
 *
 * @attr for - id of the `<lesson-player>` to follow, when placed outside it.
 * @prop {LessonStore|null} controller - set by the player.
 *
 * @csspart panel - the whole section.
 * @csspart resume - the resume offer.
 * @csspart progress - the lesson's progress.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDuration, formatTime } from '../../core/time.ts';
import { learnerStrings, type LearnerStrings } from '../../i18n/learner-strings.ts';
import { buildLessonDocument, cuesToVtt, documentDescriptions, documentToText, fileStem } from '../../core/lesson-document.ts';
import { descriptionStrings } from '../../i18n/description-strings.ts';
import { LearnerLink } from '../../learner/learner-link.ts';
import type { LearnerSession } from '../../learner/learner-session.ts';
import { MAX_IMPORT_BYTES, notesFromMarkdown, notesToMarkdown } from '../../learner/notes-markdown.ts';
import type { LessonChange } from '../../state/lesson-store.ts';
import { applyShareWidths } from './learner-styles.ts';
import { outlinedButtonStyles, viewHostStyles } from '../view-styles.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { downloadText, preparePrintDocument } from './print-document.ts';
import { lessonTitle } from '../../core/lesson-title.ts';

@customElement('lesson-learner')
export class LessonLearner extends LessonView {
  static override styles = [
    viewHostStyles,
    outlinedButtonStyles,
    css`
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    summary {
      display: flex;
      align-items: center;
      min-height: 44px;
      cursor: pointer;
      color: var(--lesson-accent, #000091);
      text-decoration: underline;
    }
    summary:focus-visible {
      outline: 3px solid var(--lesson-accent, #000091);
      outline-offset: 2px;
    }
    details[open] > summary {
      margin-block-end: 0.5rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.75rem;
    }
    .resume {
      padding: 0.5rem 0.75rem;
      background: var(--lesson-highlight, #e3e3fd);
      border-radius: var(--lesson-radius, 4px);
    }
    .resume p {
      margin: 0;
      font-weight: 600;
    }
    .problem {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--lesson-error, #ce0500);
      background: var(--lesson-surface, #f6f6f6);
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .bar {
      flex: 0 0 8rem;
      height: 0.5rem;
      border: 1px solid var(--lesson-border, #929292);
      border-radius: 0.25rem;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: var(--lesson-accent, #000091);
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--lesson-accent, #000091);
    }
    .danger button {
      color: var(--lesson-error, #ce0500);
    }
    ul {
      margin: 0 0 0.5rem;
    }
    @media (forced-colors: active) {
      .bar > span {
        background: CanvasText;
      }
    }
  `,
  ];

  protected readonly watches: readonly LessonChange[] = ['status', 'model', 'active'];
  #learner = new LearnerLink(this, ['progress', 'resume', 'problem', 'notes']);

  @state() private message = '';
  @state() private messageDetails: string[] = [];
  @state() private confirmingClear = false;
  @state() private printMyNotes = true;

  protected override render() {
    const controller = this.controller;
    const session = this.#learner.session(controller);
    if (controller?.status !== 'ready' || !session?.record) return nothing;
    const s = learnerStrings(this.strings.lang);
    const percent = session.lessonPercent();
    const cue = controller.activeCue;
    const noteTime = cue ? cue.start : controller.currentTime;
    return html`<section class="panel" part="panel" aria-labelledby="learner-heading">
      <h2 id="learner-heading">${s.panel}</h2>
      ${session.resumeAt !== null
        ? html`<div class="group resume" part="resume" role="group" aria-labelledby="resume-text">
            <p id="resume-text">${s.resumeAt(formatTime(session.resumeAt))}</p>
            <button type="button" class="resume-button" @click=${() => this.#resume(session)}>${s.resume}</button>
            <button type="button" @click=${() => session.dismissResume()}>${s.dismiss}</button>
          </div>`
        : nothing}
      ${session.problem ? html`<p class="problem" role="status">${s.problem(session.problem)}</p>` : nothing}
      ${session.notesOnlyHere ? html`<p class="notes-only-here" role="status">${s.notesOnlyHere}</p>` : nothing}
      <p class="progress" part="progress">
        <span class="bar" aria-hidden="true"><span data-share=${percent / 100}></span></span>
        <span class="percent">${s.progress(percent)}</span>
      </p>
      <div class="group">
        <!-- Named by its visible text, "Ajouter une note à 1:15" (WCAG 2.5.3): a voice command says what it sees. -->
        <button type="button" class="add-note" @click=${() => this.#addNote(session, noteTime)}>
          ${s.addNoteAt(formatTime(noteTime))}
        </button>
      </div>
      <div class="status" role="status">
        ${this.message ? html`<p>${this.message}</p>` : nothing}
        ${this.messageDetails.length ? html`<ul>${this.messageDetails.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
      </div>
      <!-- The tools a learner needs now and then stay folded, so the panel does not push the transcript down. -->
      <details class="tools" part="tools">
          <summary>${s.tools}</summary>
        <div class="group">
          <button type="button" class="export" @click=${() => this.#export(session, s)}>${s.exportNotes}</button>
          <button type="button" class="import" @click=${this.#chooseFile}>${s.importNotes}</button>
          <input type="file" class="import-file" accept=".md,text/markdown,text/plain" hidden @change=${(e: Event) => this.#import(e, session, s)} />
        </div>
        <div class="group">
          <button type="button" class="download-txt" @click=${() => this.#download('txt')}>${s.downloadTxt}</button>
          <button type="button" class="download-vtt" @click=${() => this.#download('vtt')}>${s.downloadVtt}</button>
        </div>
        <div class="group">
          <button type="button" class="print" @click=${() => this.#print(session, s)}>${s.printVersion}</button>
          <label class="check"><input type="checkbox" .checked=${this.printMyNotes} @change=${(e: Event) => (this.printMyNotes = (e.target as HTMLInputElement).checked)} />${s.printWithMyNotes}</label>
        </div>
        <div class="group danger">
          ${this.confirmingClear
            ? html`<p id="clear-question">${s.clearConfirm}</p>
                <button type="button" class="clear-yes" aria-describedby="clear-question" @click=${() => this.#clear(session, s)}>${s.clearYes}</button>
                <button type="button" class="clear-no" @click=${this.#cancelClear}>${s.clearNo}</button>`
            : html`<button type="button" class="clear" @click=${this.#askClear}>${s.clearData}</button>`}
        </div>
      </details>
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    applyShareWidths(this.renderRoot);
  }

  #say(message: string, details: string[] = []): void {
    this.message = message;
    this.messageDetails = details;
  }

  #resume(session: LearnerSession): void {
    const at = session.resumeAt;
    session.resume();
    if (at !== null) this.controller?.announce(this.strings.seekTo(formatDuration(at)));
  }

  #addNote(session: LearnerSession, time: number): void {
    const note = session.addNote(time);
    if (!note) return;
    // The note's editor is in the notes panel, under its chapter.
    this.controller?.openNotes(note.chapterId, false);
    this.controller?.announce(learnerStrings(this.strings.lang).noteAdded(formatDuration(note.time)));
  }

  #lessonTitle(): string {
    const model = this.controller!.model!;
    return lessonTitle(model.manifest, model.contentLang);
  }

  #export(session: LearnerSession, s: LearnerStrings): void {
    const model = this.controller!.model!;
    const markdown = notesToMarkdown(session.record!.notes, {
      lessonId: model.manifest.id,
      lessonTitle: this.#lessonTitle(),
      heading: s.notesHeading,
      chapters: model.chapters,
      pageHref: location.href,
    });
    downloadText(`${fileStem(model.manifest.id)}.notes.md`, markdown, 'text/markdown');
  }

  #chooseFile = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('.import-file')?.click();
  };

  async #import(event: Event, session: LearnerSession, s: LearnerStrings): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const model = this.controller?.model;
    if (!model) return;
    let text: string;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new RangeError('too large');
      text = await file.text();
    } catch {
      this.#say(s.importFailed, [s.importProblem({ code: file.size > MAX_IMPORT_BYTES ? 'too-large' : 'not-notes' })]);
      this.controller?.announce(s.importFailed);
      return;
    }
    const result = notesFromMarkdown(text, { lessonId: model.manifest.id, chapters: model.chapters });
    if (result.problems.length) {
      this.#say(s.importFailed, result.problems.map((p) => s.importProblem(p)));
      return;
    }
    const { added, updated } = session.importNotes(result.notes);
    this.#say(s.imported(added, updated));
  }

  #download(kind: 'txt' | 'vtt'): void {
    const model = this.controller?.model;
    if (!model) return;
    const stem = fileStem(model.manifest.id);
    // What is on screen goes with the speech, as "Description : …" lines and cues.
    const label = descriptionStrings(this.strings.lang).line;
    if (kind === 'txt') downloadText(`${stem}.${model.contentLang}.txt`, documentToText(buildLessonDocument(model), label), 'text/plain');
    else downloadText(`${stem}.${model.contentLang}.vtt`, cuesToVtt(model.cues, documentDescriptions(model), label), 'text/vtt');
  }

  async #print(session: LearnerSession, s: LearnerStrings): Promise<void> {
    const model = this.controller?.model;
    if (!model) return;
    const label = descriptionStrings(this.strings.lang).line;
    const printed = await preparePrintDocument(buildLessonDocument(model), this.printMyNotes ? session.notes : null, s, label);
    // Printing the page later prints the page again, not this document with notes of the past.
    window.addEventListener('afterprint', () => printed.remove(), { once: true });
    window.print();
  }

  #askClear = async (): Promise<void> => {
    this.confirmingClear = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.clear-no')?.focus();
  };

  #cancelClear = async (): Promise<void> => {
    this.confirmingClear = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.clear')?.focus();
  };

  async #clear(session: LearnerSession, s: LearnerStrings): Promise<void> {
    session.clearAll();
    this.confirmingClear = false;
    this.#say(s.cleared);
    this.controller?.announce(s.cleared);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.clear')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-learner': LessonLearner;
  }
}
