/**
 * `<lesson-transcript>`: the lesson's captions as a text to read, grouped by chapter, that follows playback.
 *
 * Each line shows its time and seeks there when activated. The line being spoken is highlighted and kept in view
 * by scrolling the transcript's own container (never the page); following stops when the reader scrolls, selects
 * or moves the keyboard focus in the text, and comes back with the "Resume following" button or a seek. The list
 * is one tab stop: arrows, Page Up/Down, Home and End move between lines, Enter or Space seeks, C copies a link to
 * the line. A search field marks matches (CSS Custom Highlight API), counts them and puts them on the seek bar.
 * Lines read as prose; a selection across lines (mouse, touch, or Shift with the arrows) is a passage to quote or to
 * note (passage-actions.ts), and a passage opened from a link (`#t=83,88`) is highlighted.
 *
 * Cue text reaches the DOM only as text nodes (see cue-dom.ts). A change of the spoken line touches two elements,
 * so a 4 000-line transcript costs nothing per frame. Lessons of more than 400 lines are windowed (line-blocks.ts).
 *
 * The work is shared among reactive controllers beside this file, each releasing what it adds when the element
 * leaves the page: the lines and their windowing (line-window.ts), following (follow-scroll.ts), the roving focus
 * (roving-focus.ts), the search (search-painting.ts), and the copy buttons, links and notes (line-actions.ts).
 *
 * @attr for - id of the `<lesson-player>` to follow, when the transcript stands outside it.
 *
 * @csspart base - the region around the whole transcript.
 * @csspart title - the "Transcript" heading.
 * @csspart search - the search field, its buttons and its status.
 * @csspart lines - the scroll container of the lines.
 * @csspart resume-button - the "Resume following" button.
 * @csspart passage-actions - "Copy quote" and "Add a note on this passage", shown while lines are selected.
 *
 * @cssprop --lesson-font - font family.
 * @cssprop --lesson-color - text colour.
 * @cssprop --lesson-background - background.
 * @cssprop --lesson-accent - focus ring, the current line's bar, the resume button.
 * @cssprop --lesson-highlight - background of the current line.
 * @cssprop --lesson-passage-highlight - background of the lines of a passage opened from a link (`#t=83,88`).
 * @cssprop --lesson-radius - corner radius.
 * @cssprop --lesson-transcript-height - the most height the lines take before scrolling (default 28rem).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { LessonChange, LessonModel } from '../../state/lesson-store.ts';
import { speakerLabelStyles } from '../cue-dom.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { visuallyHiddenStyles } from '../view-styles.ts';
import { FollowScroll, hasSelectionIn } from './follow-scroll.ts';
import { LineActions } from './line-actions.ts';
import { LineWindow } from './line-window.ts';
import { selectedPassage, transcriptSelection } from './passage-selection.ts';
import { RovingFocus } from './roving-focus.ts';
import { TranscriptSearch } from './search-painting.ts';
import { transcriptStyles } from './lesson-transcript.styles.ts';
import { documentDescriptions } from '../../core/lesson-document.ts';
import { passageLines, prose } from '../../core/passage.ts';
import { lessonTitle } from '../../core/lesson-title.ts';
import { formatDuration } from '../../core/time.ts';
import { passageStrings } from '../../i18n/passage-strings.ts';
import { PassageActions } from './passage-actions.ts';
import { descriptionStrings } from '../../i18n/description-strings.ts';

/**
 * Only the element reaches the lesson's state owner (`this.controller`, its learner session); the controllers get
 * what each needs from it as callbacks.
 */
@customElement('lesson-transcript')
export class LessonTranscript extends LessonView {
  static override styles = [visuallyHiddenStyles, transcriptStyles, speakerLabelStyles];

  protected readonly watches: readonly LessonChange[] = ['status', 'model', 'passage'];

  /** What the built lines show: rebuilt only when the lesson or the language changes. */
  #built: { model: LessonModel | null; lang: string } = { model: null, lang: '' };

  readonly #lines: LineWindow = new LineWindow(this, {
    scroller: () => this.#scroller,
    pinnedLines: () => [this.#roving.tabStop, this.#search.currentLine, this.#passage.anchor],
    blockBuilt: () => {
      this.#roving.restore();
      this.#actions.syncCopyButtons();
    },
    blockReleased: (first, end) => this.#actions.released(first, end),
    linesChanged: () => this.#search.linesChanged(),
  });

  readonly #follow: FollowScroll = new FollowScroll(this, {
    scroller: () => this.#scroller,
    spokenLine: () => this.#lines.line(this.#lines.spoken),
    root: () => this.renderRoot as ShadowRoot,
    selectionChanged: () => this.#passage.selectionChanged(),
  });

  readonly #roving: RovingFocus = new RovingFocus(this, this.#lines, {
    focused: () => this.#focused(),
    tabStopMoved: () => this.#actions.syncCopyButtons(),
    readerMoved: this.#follow.stop,
    reveal: (line) => this.#follow.scrollLineTo(line, 'reveal', false),
    lineAction: (kind, index) => {
      if (kind === 'activate') this.#activate(index);
      else if (this.#passage.covers(index)) void (kind === 'copy' ? this.#passage.copyQuote() : this.#passage.addNote());
      else if (kind === 'copy') void this.#actions.copyLink(index);
      else this.#actions.addNote(index);
    },
    linesMoved: (from, to, extend) => (extend ? this.#passage.extend(from, to) : this.#passage.unselect()),
  });

  readonly #search: TranscriptSearch = new TranscriptSearch(this, this.#lines, this.#follow, {
    strings: () => this.strings,
    cues: () => this.controller?.cues ?? [],
    spokenIndex: () => this.controller?.activeCueIndex ?? 0,
    seek: (time) => this.controller?.seek(time),
    announce: (message) => this.controller?.announce(message),
    showMarks: (times, label) => {
      this.controller?.setSliderMarks(times, label);
      return Boolean(this.controller);
    },
    field: () => this.renderRoot.querySelector<HTMLInputElement>('#search'),
  });

  readonly #actions: LineActions = new LineActions(this, this.#lines, {
    strings: () => this.strings,
    cueStart: (index) => this.controller?.cues[index]?.start,
    addNote: (time) => {
      const controller = this.controller;
      const note = controller ? controller.learner.addNote(time) : null;
      if (!controller || !note) return null;
      controller.openNotes(note.chapterId, false);
      return note.time;
    },
    announce: (message) => this.controller?.announce(message),
    focused: () => this.#focused(),
    copyButtonLines: () => [this.#lines.spoken, this.#roving.tabStop],
  });

  readonly #passage: PassageActions = new PassageActions(this, this.#lines, {
    lang: () => this.strings.lang,
    cues: () => this.controller?.cues ?? [],
    title: () => {
      const model = this.controller?.model;
      return model ? lessonTitle(model.manifest, model.contentLang) : '';
    },
    root: () => this.renderRoot as ShadowRoot,
    scroller: () => this.#scroller,
    addNote: (start, end, quote) => {
      const controller = this.controller;
      const note = controller?.learner.addPassageNote(start, end, quote);
      if (!controller || !note) return false;
      controller.openNotes(note.chapterId, false);
      return true;
    },
    offerByHand: (link) => this.#actions.offerByHand(link),
    announce: (message) => this.controller?.announce(message),
  });

  protected override onControllerChanged(): void {
    this.#follow.reset();
  }

  protected override onLessonChange(changes: ReadonlySet<LessonChange>): void {
    super.onLessonChange(changes);
    if (changes.has('active') || changes.has('playback')) this.#onClock(changes.has('active'));
    if (changes.has('passage')) this.#showSharedPassage();
  }

  protected override render() {
    const s = this.strings;
    return html`
      <section class="transcript" part="base" aria-labelledby="title">
        <h2 class="title" id="title" part="title">${s.transcript}</h2>
        ${this.#search.render(s)} ${this.#renderSharedPassage()}
        <div class="body">
          <div
            class="scroller"
            part="lines"
            @click=${this.#onLinesClick}
            @wheel=${this.#follow.stop}
            @touchmove=${this.#follow.stop}
            @pointerdown=${this.#follow.onPointerDown}
            @pointerover=${this.#actions.onPointerOver}
            @pointerleave=${this.#actions.onPointerLeave}
            @copy=${this.#onCopy}
          ></div>
          ${this.#follow.following
            ? nothing
            : html`<button class="resume" type="button" part="resume-button" @click=${this.#onResumeClick}>${s.resumeFollowing}</button>`}
        </div>
        ${this.#passage.render()}
        <p class="keys-hint" aria-hidden="true">${s.transcriptKeysHint}</p>
        ${this.#actions.renderFallback(s)}
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const model = this.controller?.model ?? null;
    if (model === this.#built.model && this.strings.lang === this.#built.lang) return;
    this.#search.forgetLines();
    this.#actions.forgetLines();
    this.#passage.forgetLines();
    this.#roving.reset();
    const descriptions = model ? documentDescriptions(model).map((d) => ({ start: d.start, text: prose(d.text) })) : [];
    this.#lines.build(model?.cues ?? [], model?.chapters ?? [], { descriptions, label: descriptionStrings(this.strings.lang).line });
    this.#built = { model, lang: this.strings.lang };
    this.#showSpoken();
    this.#showSharedPassage();
    this.#search.refresh();
    // Skip the smooth scroll on a new lesson: the reader has not seen the old position.
    this.#follow.followNextFrame();
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  #focused(): Element | null {
    return (this.renderRoot as ShadowRoot).activeElement ?? null;
  }

  #onClock(spokenChanged: boolean): void {
    const controller = this.controller;
    if (!controller) return;
    this.#follow.noteClock(controller.currentTime, !controller.paused);
    if (spokenChanged) {
      this.#showSpoken();
      this.#follow.follow(true);
    }
  }

  /** Marks the spoken line, which becomes the tab stop unless the reader is moving through the list. */
  #showSpoken(): void {
    const index = this.controller?.activeCueIndex ?? -1;
    const previous = this.#lines.markSpoken(index);
    if (previous === null) return;
    if (index >= 0 && !this.#roving.hasFocus()) this.#roving.moveTo(index);
    this.#actions.syncCopyButtons();
    this.#lines.leave(previous, index);
  }

  /** The passage opened from a link (`#t=83,88`): named above the lines, its lines highlighted. */
  #renderSharedPassage() {
    const range = this.controller?.snapshot.passage;
    if (!range) return nothing;
    return html`<p class="passage-shared">${passageStrings(this.strings.lang).shared(formatDuration(range.start), formatDuration(range.end))}</p>`;
  }

  #showSharedPassage(): void {
    const range = this.controller?.snapshot.passage;
    const lines = range ? passageLines(this.controller!.cues, range) : null;
    this.#lines.markPassage(lines?.first ?? -1, lines?.last ?? -2);
  }

  #onResumeClick(): void {
    this.#follow.resume();
    // The button goes away: hand the focus to the spoken line rather than lose it to the page.
    this.#roving.focus(this.#lines.spoken >= 0 ? this.#lines.spoken : this.#roving.tabStop, false);
    this.#follow.follow(true);
  }

  /** A selection copied with Ctrl+C is the words, as prose: not each line's visible and spoken times run in. */
  #onCopy(event: ClipboardEvent): void {
    const passage = selectedPassage(transcriptSelection(this.renderRoot as ShadowRoot), this.#scroller);
    if (!passage || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', passage.text);
    event.preventDefault();
  }

  #onLinesClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const index = this.#lines.indexOf(target);
    if (index < 0) return;
    if (target.closest('.copy')) {
      void this.#actions.copyLink(index);
      return;
    }
    // Selecting a quote ends with a click: it must not send the video elsewhere.
    if (target.closest('.line') && !hasSelectionIn(this.renderRoot as ShadowRoot, this.#lines.line(index))) this.#activate(index);
  }

  /** Seeks to a line: the player keeps playing or paused as it was. */
  #activate(index: number): void {
    const cue = this.controller?.cues[index];
    if (!cue) return;
    this.#roving.moveTo(index);
    this.#follow.resume();
    this.controller!.seek(cue.start);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-transcript': LessonTranscript;
  }
}
