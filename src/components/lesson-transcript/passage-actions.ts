/**
 * What a reader does with a passage (a selection across transcript lines, by mouse, touch or Shift with the
 * arrows): "Copy quote" (the words, the lesson's title and a link that plays the passage, `#t=start,end`) and "Add
 * a note on this passage". A reactive controller: it follows the page's selection (told by the transcript's one
 * `selectionchange` listener), shows the two actions below the lines while the selection is a passage, and builds the keyboard's selection
 * (C and N on a line of the passage then copy the quote and add the note).
 */
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import { passageLink } from '../../core/moment-link.ts';
import { passageTimes, quoteText, type Passage } from '../../core/passage.ts';
import { formatDuration } from '../../core/time.ts';
import type { Cue } from '../../core/types.ts';
import { passageStrings } from '../../i18n/passage-strings.ts';
import { copyText } from '../browser-helpers.ts';
import type { LineWindow } from './line-window.ts';
import { selectedPassage, transcriptSelection } from './passage-selection.ts';

/** What the passage actions ask of the transcript around them. */
export interface PassageActionsHost {
  lang(): string;
  cues(): readonly Cue[];
  /** The lesson's title, in the lesson's language. */
  title(): string;
  root(): ShadowRoot;
  scroller(): HTMLElement | null;
  /** Adds a learner note on the passage and opens it: false when none was added. */
  addNote(start: number, end: number, quote: string): boolean;
  /** The clipboard refused: offer the passage's link in a field to copy by hand. */
  offerByHand(link: string): void;
  announce(message: string): void;
}

export class PassageActions implements ReactiveController {
  #passage: Passage | null = null;
  /** Where a selection made with Shift and the arrows started (the line it extends from); -1 for none. */
  #anchor = -1;

  constructor(
    private readonly host: LitElement,
    private readonly lines: LineWindow,
    private readonly around: PassageActionsHost,
  ) {
    host.addController(this);
  }

  /** Off the page, the selection is gone: the actions go with it. */
  hostDisconnected(): void {
    this.#anchor = -1;
    this.#passage = null;
  }

  /** The line a keyboard selection extends from: its block must stay built. */
  get anchor(): number {
    return this.#anchor;
  }

  /** Whether line `index` is in the selected passage: C and N there act on the passage, not the line. */
  covers(index: number): boolean {
    return Boolean(this.#passage && index >= this.#passage.first && index <= this.#passage.last);
  }

  /** New lines are coming: the selection in the old ones is gone. */
  forgetLines(): void {
    this.#anchor = -1;
    this.#show(null);
  }

  /** The actions below the lines, while the selection is a passage. */
  render() {
    const times = this.#times();
    if (!times) return nothing;
    const w = passageStrings(this.around.lang());
    // The buttons keep the selection: pressing them must not move it (nor the focus, for a pointer).
    return html`<div class="passage-actions" part="passage-actions" role="group" aria-label=${w.selected(formatDuration(times.start), formatDuration(times.end))}>
      <button type="button" @pointerdown=${keepSelection} @click=${this.copyQuote}>${w.copyQuote}</button>
      <button type="button" @pointerdown=${keepSelection} @click=${this.addNote}>${w.addNote}</button>
    </div>`;
  }

  /**
   * Shift with the arrows on line `from` moved the focus to line `to`: select the whole lines from where the
   * selection started to `to`, as a passage.
   */
  extend(from: number, to: number): void {
    if (this.#anchor < 0 || !this.#passage) this.#anchor = from;
    const anchor = this.lines.ensureLine(this.#anchor) && this.lines.text(this.#anchor);
    const focus = this.lines.ensureLine(to) && this.lines.text(to);
    const selection = transcriptSelection(this.around.root());
    if (!anchor || !focus || !selection) return;
    if (to >= this.#anchor) selection.setBaseAndExtent(anchor, 0, focus, focus.childNodes.length);
    else selection.setBaseAndExtent(anchor, anchor.childNodes.length, focus, 0);
    this.#read();
    const times = this.#times();
    if (times) this.around.announce(passageStrings(this.around.lang()).keyboardSelected(formatDuration(times.start), formatDuration(times.end)));
  }

  /** A move without Shift: the selected passage is let go, as a text selection is. */
  unselect(): void {
    if (!this.#passage) return;
    transcriptSelection(this.around.root())?.removeAllRanges();
    this.#read();
  }

  copyQuote = async (): Promise<void> => {
    const passage = this.#passage;
    const times = this.#times();
    if (!passage || !times) return;
    const w = passageStrings(this.around.lang());
    const link = passageLink(location.href, times.start, times.end);
    const quote = quoteText({ text: passage.text, title: this.around.title(), ...times, link, open: w.open, close: w.close });
    if (await copyText(quote)) this.around.announce(w.quoteCopied);
    else this.around.offerByHand(link);
  };

  addNote = (): void => {
    const passage = this.#passage;
    const times = this.#times();
    if (!passage || !times || !this.around.addNote(times.start, times.end, passage.text)) return;
    this.around.announce(passageStrings(this.around.lang()).noteAdded(formatDuration(times.start), formatDuration(times.end)));
  };

  #times(): { start: number; end: number } | null {
    return this.#passage ? passageTimes(this.around.cues(), this.#passage) : null;
  }

  /** The page's selection changed (the transcript's one `selectionchange` listener, in follow-scroll.ts, says so). */
  selectionChanged(): void {
    const focused = this.around.root().activeElement;
    // The focus went to the actions themselves (Tab): the selection stays what they act on.
    if (focused?.closest('.passage-actions')) return;
    this.#read();
  }

  #read(): void {
    const passage = selectedPassage(transcriptSelection(this.around.root()), this.around.scroller());
    if (!passage) this.#anchor = -1;
    this.#show(passage);
  }

  #show(passage: Passage | null): void {
    const before = this.#passage;
    if (before?.first === passage?.first && before?.last === passage?.last && before?.text === passage?.text) return;
    this.#passage = passage;
    this.host.requestUpdate();
  }
}

function keepSelection(event: PointerEvent): void {
  event.preventDefault();
}
