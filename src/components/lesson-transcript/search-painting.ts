/**
 * The transcript's search in the DOM (the logic is in search-navigation.ts): a reactive controller that renders
 * the search field with its buttons and its "n of m" status, paints the matches of the built lines (CSS Custom
 * Highlight API, see match-highlights.ts; rows marked instead where the API is missing), moves between matches
 * (Enter, Shift+Enter, the buttons: a seek to the match's line), puts the matches on the seek bar and announces
 * the count once the reader pauses typing. The matches are found in the cues' text, so the count, the marks and
 * next/previous cover the whole lesson even when only some lines are built; and in the descriptions shown (what is on
 * screen, read before their chapter's lines), which are searched as items after the cues, in reading order.
 */
import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Cue } from '../../core/types.ts';
import type { UiStrings } from '../../i18n/strings.ts';
import type { FollowScroll } from './follow-scroll.ts';
import type { LineWindow } from './line-window.ts';
import { canHighlight, MatchHighlights, textRange } from './match-highlights.ts';
import { DelayedCall, matchCueTimes, matchesInLines, SearchSession } from './search-navigation.ts';

/** Announcing the count at every keystroke would drown what the reader types. */
const ANNOUNCE_DELAY_MS = 500;

const chevronUp = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 15l6-6 6 6"/></svg>`;
const chevronDown = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 9l6 6 6-6"/></svg>`;
const cross = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

/** What the search asks of the transcript around it (the lesson's state owner is reached through the element). */
export interface TranscriptSearchHost {
  strings(): UiStrings;
  cues(): readonly Cue[];
  /** The spoken line's index, -1 for none: a new search starts from it. */
  spokenIndex(): number;
  seek(time: number): void;
  announce(message: string): void;
  /** Puts marks on the seek bar at these times (none: removes them); false when there is no seek bar to mark. */
  showMarks(times: readonly number[], label: string): boolean;
  /** The search field, focused again after a clear. */
  field(): HTMLInputElement | null;
}

export class TranscriptSearch implements ReactiveController {
  readonly #session = new SearchSession();
  readonly #highlights = new MatchHighlights();
  readonly #announcement = new DelayedCall(ANNOUNCE_DELAY_MS);
  #markedRows: HTMLElement[] = [];
  #currentMatchRow: HTMLElement | null = null;
  #marksShown = false;
  /** Items from this index on are descriptions (item − cueCount in `lines.descriptions`). */
  #cueCount = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lines: LineWindow,
    private readonly follow: FollowScroll,
    private readonly around: TranscriptSearchHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!canHighlight()) this.host.setAttribute('data-no-highlight-api', '');
  }

  hostDisconnected(): void {
    this.#announcement.cancel();
    this.#highlights.clear();
    if (this.#marksShown) this.around.showMarks([], '');
    this.#marksShown = false;
  }

  /** The line of the current match, which keeps its block built; undefined when it is in a description. */
  get currentLine(): number | undefined {
    const item = this.#session.currentMatch?.item;
    return item !== undefined && item < this.#cueCount ? item : undefined;
  }

  render(s: UiStrings) {
    const noMatch = this.#session.matches.length === 0;
    return html`<div class="search" part="search" role="search">
      <label for="search">${s.searchLabel}</label>
      <div class="search-row">
        <input
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby="search-status"
          .value=${live(this.#session.query)}
          @input=${(event: InputEvent) => this.search((event.target as HTMLInputElement).value)}
          @keydown=${this.#onFieldKeydown}
        />
        <button class="icon-button" type="button" aria-label=${s.searchPrevious} title=${s.searchPrevious} ?disabled=${noMatch} @click=${() => this.goTo(-1)}>
          ${chevronUp}
        </button>
        <button class="icon-button" type="button" aria-label=${s.searchNext} title=${s.searchNext} ?disabled=${noMatch} @click=${() => this.goTo(1)}>
          ${chevronDown}
        </button>
        ${this.#session.query
          ? html`<button class="icon-button" type="button" aria-label=${s.searchClear} title=${s.searchClear} @click=${() => this.clear()}>${cross}</button>`
          : nothing}
        <span class="search-status" id="search-status">${this.#session.status(s)}</span>
      </div>
    </div>`;
  }

  /** New lines are coming: what was painted on the old ones goes. */
  forgetLines(): void {
    this.#clearPaint();
    this.#session.forgetVisit();
  }

  /** Searches again, in new lines or another language. */
  refresh(): void {
    if (this.#session.query) this.search(this.#session.query);
  }

  search(query: string): void {
    const cues = this.around.cues();
    const descriptions = this.lines.descriptions;
    const previous = this.currentLine ?? -1;
    this.#cueCount = cues.length;
    this.#session.find(
      query,
      [...cues.map((c) => c.text), ...descriptions.map((d) => d.text)],
      this.around.spokenIndex(),
      (item) => (item < cues.length ? item : descriptions[item - cues.length]!.position),
    );
    this.host.requestUpdate();
    this.lines.ensureLine(this.currentLine ?? -1, false);
    this.#repaint();
    this.lines.release(previous);
    this.#showMarks([...cues.map((c) => c.start), ...descriptions.map((d) => d.start)]);
    this.#announceStatus();
    if (this.#session.current >= 0) {
      // Show the first match without seeking: typing is not yet choosing.
      this.follow.stop();
      this.#revealMatch();
    }
  }

  /** Moves to the next or previous match and seeks there; `fromField` is Enter in the field. */
  goTo(direction: 1 | -1, fromField = false): void {
    const previous = this.currentLine ?? -1;
    if (!this.#session.step(direction, fromField)) return;
    this.host.requestUpdate();
    // The target's block is built (and its matches painted) before it is marked and scrolled to.
    if (this.currentLine !== undefined) this.lines.ensureLine(this.currentLine);
    this.#paintCurrentMatch();
    this.lines.release(previous);
    this.#announceStatus();
    const item = this.#session.currentMatch!.item;
    const start = item < this.#cueCount ? this.around.cues()[item]?.start : this.lines.descriptions[item - this.#cueCount]?.start;
    if (start !== undefined) {
      this.follow.resume();
      this.around.seek(start);
    }
    this.#revealMatch();
  }

  clear(): void {
    const previous = this.currentLine ?? -1;
    this.#session.clear();
    this.host.requestUpdate();
    this.#clearPaint();
    this.lines.release(previous);
    this.#showMarks([]);
    this.#announcement.cancel();
    this.around.field()?.focus();
  }

  /** Blocks were built or emptied: their matches are painted again. */
  linesChanged(): void {
    if (this.#session.matches.length) this.#repaint();
  }

  /** Paints the matches of the built lines and of the descriptions. */
  #repaint(): void {
    this.#clearPaint();
    const ranges: Range[] = [];
    const matches = this.#session.matches;
    let lastItem = -1;
    const paint = (i: number) => {
      const match = matches[i]!;
      const text = this.#textOf(match.item);
      if (!text) return;
      const range = textRange(text, match.start, match.length);
      if (range) ranges.push(range);
      if (match.item !== lastItem) {
        lastItem = match.item;
        const row = this.#rowOf(match.item)!;
        row.classList.add('has-match');
        this.#markedRows.push(row);
      }
    };
    for (const block of this.lines.builtRanges()) {
      const { from, to } = matchesInLines(matches, block.first, block.end, this.#session.positionOf);
      for (let i = from; i < to; i++) if (matches[i]!.item < this.#cueCount) paint(i);
    }
    matches.forEach((match, i) => match.item >= this.#cueCount && paint(i));
    this.#highlights.setMatches(ranges);
    this.#paintCurrentMatch();
  }

  /** The element holding an item's searched text: a built line's text, or a description's words. */
  #textOf(item: number): HTMLElement | undefined {
    return item < this.#cueCount ? this.lines.text(item) : this.lines.descriptions[item - this.#cueCount]?.textElement;
  }

  /** The element marked as holding a match: a built line's row, or a description's paragraph. */
  #rowOf(item: number): HTMLElement | undefined {
    return item < this.#cueCount ? this.lines.row(item) : this.lines.descriptions[item - this.#cueCount]?.paragraph;
  }

  #onFieldKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.goTo(event.shiftKey ? -1 : 1, true);
    } else if (event.key === 'Escape' && this.#session.query) {
      // Only when there is something to clear: an Escape on an empty field may close a dialog around the player.
      event.preventDefault();
      event.stopPropagation();
      this.clear();
    }
  };

  #clearPaint(): void {
    this.#highlights.clear();
    for (const row of this.#markedRows) row.classList.remove('has-match');
    this.#markedRows = [];
    this.#currentMatchRow?.classList.remove('is-current-match');
    this.#currentMatchRow = null;
  }

  #paintCurrentMatch(): void {
    const match = this.#session.currentMatch;
    this.#currentMatchRow?.classList.remove('is-current-match');
    this.#currentMatchRow = match ? (this.#rowOf(match.item) ?? null) : null;
    this.#currentMatchRow?.classList.add('is-current-match');
    const text = match ? this.#textOf(match.item) : undefined;
    this.#highlights.setCurrent(match && text ? textRange(text, match.start, match.length) : null);
  }

  #revealMatch(): void {
    const item = this.#session.currentMatch?.item ?? -1;
    const target = item < this.#cueCount ? this.lines.line(item) : this.lines.descriptions[item - this.#cueCount]?.paragraph;
    if (target) this.follow.scrollLineTo(target, 'follow', true);
  }

  /** Marks on the seek bar at the start of each item holding a match (`starts`: cues, then descriptions). */
  #showMarks(starts: readonly number[]): void {
    const matches = this.#session.matches;
    if (!matches.length && !this.#marksShown) return;
    const times = matchCueTimes(matches, starts);
    if (this.around.showMarks(times, this.around.strings().searchMarks)) this.#marksShown = matches.length > 0;
  }

  #announceStatus(): void {
    this.#announcement.schedule(() => {
      const text = this.#session.status(this.around.strings());
      if (text) this.around.announce(text);
    });
  }
}
