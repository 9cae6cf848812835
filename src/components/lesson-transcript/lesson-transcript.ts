/**
 * `<lesson-transcript>`: the lesson's captions as a text to read, grouped by chapter, that follows playback.
 *
 * Each line shows its time and seeks there when activated. The line being spoken is highlighted and kept in view
 * by scrolling the transcript's own container (never the page); following stops when the reader scrolls, selects
 * or moves the keyboard focus in the text, and comes back with the "Resume following" button or a seek. The list
 * is one tab stop: arrows, Page Up/Down, Home and End move between lines, Enter or Space seeks, C copies a link to
 * the line. A search field marks matches (CSS Custom Highlight API), counts them and puts them on the seek bar.
 *
 * Cue text reaches the DOM only as text nodes (see cue-dom.ts). A change of the spoken line touches two elements,
 * so a 4 000-line transcript costs nothing per frame. Lessons longer than WINDOW_ABOVE_LINES lines are windowed:
 * see "Windowing" below.
 *
 * @attr for - id of the `<lesson-player>` to follow, when the transcript stands outside it.
 *
 * @csspart base - the region around the whole transcript.
 * @csspart title - the "Transcript" heading.
 * @csspart search - the search field, its buttons and its status.
 * @csspart lines - the scroll container of the lines.
 * @csspart resume-button - the "Resume following" button.
 *
 * @cssprop --lesson-font - font family.
 * @cssprop --lesson-color - text colour.
 * @cssprop --lesson-background - background.
 * @cssprop --lesson-accent - focus ring, the current line's bar, the resume button.
 * @cssprop --lesson-highlight - background of the current line.
 * @cssprop --lesson-radius - corner radius.
 * @cssprop --lesson-transcript-height - the most height the lines take before scrolling (default 28rem).
 */
import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { findMatches, type TextMatch } from '../../core/search.ts';
import { formatDuration, formatTime } from '../../core/time.ts';
import type { Cue } from '../../core/types.ts';
import type { LessonChange, LessonModel } from '../../state/lesson-store.ts';
import { cueFragment } from '../cue-dom.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { learnerStrings } from '../../i18n/learner-strings.ts';
import { followScrollTop, isClockJump, isFarScroll, revealScrollTop, type ClockSample } from './follow-mode.ts';
import { lineIndexForKey, SCROLL_KEYS } from './line-navigation.ts';
import { canHighlight, MatchHighlights, textRange } from './match-highlights.ts';
import { momentLink } from '../../core/moment-link.ts';
import { firstMatchFrom, matchCueTimes, searchStatusText, stepMatch } from './search-navigation.ts';
import { transcriptStyles } from './lesson-transcript.styles.ts';
import { visuallyHiddenStyles } from '../view-styles.ts';
import { copyText, prefersReducedMotion } from '../browser-helpers.ts';

/** Announcing the count at every keystroke would drown what the reader types. */
const ANNOUNCE_DELAY_MS = 500;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Line box metrics, as in the styles, for the size estimate of chapters not rendered yet. */
const LINE_HEIGHT_EM = 1.45;
const LINE_PADDING_EM = 0.6;
/** Frames during which an instant scroll is checked while estimated chapter sizes turn into real ones. */
const SETTLE_FRAMES = 6;
/**
 * Windowing. Up to this many lines, every line is built once per lesson (a few thousand nodes at most, and the
 * chapters out of view skip rendering through `content-visibility`). Above it, the DOM is bounded whatever the
 * lesson's length: the lines come in blocks of at most BLOCK_LINES lines, and a block is built only while it is
 * within a screenful of the view (IntersectionObserver on placeholders sized from the estimate) or holds the spoken
 * line, the list's tab stop or the current search match; the others are emptied again.
 *
 * Screen readers then see only the built lines of the list. The chapter headings stay in the DOM, so the
 * structure remains navigable, every line is reachable with the arrow keys (a block is built before its line takes
 * the focus), the search works on the whole text, and `transcription.html` is the complete text alternative.
 */
const WINDOW_ABOVE_LINES = 400;
const BLOCK_LINES = 100;
/** How far beyond the view blocks are built: one height of the scroll container above and below. */
const WINDOW_MARGIN = '100% 0px';

/** A run of consecutive lines of one chapter: one `<ul>`, built or an empty placeholder of the estimated height. */
interface LineBlock {
  /** First cue index, and one past the last. */
  first: number;
  end: number;
  list: HTMLElement;
  /** Estimated height of the lines, in em. */
  estimateEm: number;
  built: boolean;
}

const chevronUp = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 15l6-6 6 6"/></svg>`;
const chevronDown = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 9l6 6 6-6"/></svg>`;
const cross = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

/** Index of the first match in a line at or after `item` (matches are in line order): binary search. */
function firstMatchAtOrAfter(matches: readonly TextMatch[], item: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.item < item) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The link icon of the copy buttons, built once and cloned (DOM, not markup: lines are built imperatively). */
function linkIcon(): SVGSVGElement {
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  for (const d of ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    icon.append(path);
  }
  return icon;
}

@customElement('lesson-transcript')
export class LessonTranscript extends LessonView {
  static override styles = [visuallyHiddenStyles, transcriptStyles];

  protected readonly watches: readonly LessonChange[] = ['status', 'model'];

  /** Whether the container keeps the spoken line in view. */
  @state() private following = true;
  @state() private query = '';
  @state() private searchMatches: TextMatch[] = [];
  @state() private matchIndex = -1;
  /** The link to copy by hand, when the clipboard refused. */
  @state() private linkToCopy = '';

  /** What the built lines show: rebuilt only when the lesson or the language changes. */
  #built: { model: LessonModel | null; lang: string } = { model: null, lang: '' };
  /** Cue index → its focusable line, its row and its text (while its block is built), for O(1) updates. */
  #lines: (HTMLElement | undefined)[] = [];
  #rows: (HTMLElement | undefined)[] = [];
  #texts: (HTMLElement | undefined)[] = [];
  #cueCount = 0;
  #blocks: LineBlock[] = [];
  #blockByList = new Map<Element, LineBlock>();
  /** Cue index → index of its block. */
  #blockOf = new Int32Array(0);
  /** Whether blocks are built and emptied as they come near the view (long lessons), or all built at once. */
  #windowed = false;
  /** Blocks the observer last saw within the window's margin. */
  #near = new Set<LineBlock>();
  #observer: IntersectionObserver | null = null;
  /** Rows showing a copy button: only the spoken, the tab stop's and the hovered line have one (fewer nodes). */
  #copyButtons = new Map<number, HTMLButtonElement>();
  #hovered = -1;
  #linkIcon: SVGSVGElement | null = null;
  #shownActive = -1;
  /** The line holding the list's single tab stop. */
  #tabStop = 0;
  #clock: ClockSample | null = null;
  /** Tells the latest instant scroll's frame checks from older ones. */
  #settleSeq = 0;
  #highlights = new MatchHighlights();
  #markedRows: HTMLElement[] = [];
  #currentMatchRow: HTMLElement | null = null;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #marksShown = false;
  /** Set while the transcript moves the focus itself, which must not stop following. */
  #focusingLine = false;
  #onSelectionChange = () => this.#checkSelection();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.#onSelectionChange);
    if (!canHighlight()) this.setAttribute('data-no-highlight-api', '');
    // Moved in the page: the blocks are still there, observe them again.
    if (this.#windowed) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    this.#observer?.disconnect();
    this.#observer = null;
    clearTimeout(this.#announceTimer);
    this.#highlights.clear();
    if (this.#marksShown) this.controller?.setSliderMarks([], '');
    this.#marksShown = false;
  }

  protected override onControllerChanged(): void {
    this.#clock = null;
    this.following = true;
  }

  protected override onLessonChange(changes: ReadonlySet<LessonChange>): void {
    super.onLessonChange(changes);
    if (changes.has('active') || changes.has('playback')) this.#onClock(changes.has('active'));
  }

  // ——— Rendering ———

  protected override render() {
    const s = this.strings;
    const status = searchStatusText(this.query, this.matchIndex, this.searchMatches.length, s);
    const noMatch = this.searchMatches.length === 0;
    return html`
      <section class="transcript" part="base" aria-labelledby="title">
        <h2 class="title" id="title" part="title">${s.transcript}</h2>
        <div class="search" part="search" role="search">
          <label for="search">${s.searchLabel}</label>
          <div class="search-row">
            <input
              id="search"
              type="search"
              autocomplete="off"
              spellcheck="false"
              enterkeyhint="search"
              aria-describedby="search-status"
              .value=${live(this.query)}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeydown}
            />
            <button class="icon-button" type="button" aria-label=${s.searchPrevious} title=${s.searchPrevious} ?disabled=${noMatch} @click=${() => this.#goToMatch(-1)}>
              ${chevronUp}
            </button>
            <button class="icon-button" type="button" aria-label=${s.searchNext} title=${s.searchNext} ?disabled=${noMatch} @click=${() => this.#goToMatch(1)}>
              ${chevronDown}
            </button>
            ${this.query
              ? html`<button class="icon-button" type="button" aria-label=${s.searchClear} title=${s.searchClear} @click=${this.#clearSearch}>${cross}</button>`
              : nothing}
            <span class="search-status" id="search-status">${status}</span>
          </div>
        </div>
        <div class="body">
          <div
            class="scroller"
            part="lines"
            @click=${this.#onLinesClick}
            @keydown=${this.#onLinesKeydown}
            @focusin=${this.#onLinesFocusIn}
            @wheel=${this.#stopFollowing}
            @touchmove=${this.#stopFollowing}
            @pointerdown=${this.#onLinesPointerDown}
            @pointerover=${this.#onLinesPointerOver}
            @pointerleave=${this.#onLinesPointerLeave}
          ></div>
          ${this.following
            ? nothing
            : html`<button class="resume" type="button" part="resume-button" @click=${this.#onResumeClick}>${s.resumeFollowing}</button>`}
        </div>
        <p class="keys-hint" aria-hidden="true">${s.transcriptKeysHint}</p>
        ${this.linkToCopy
          ? html`<div class="fallback">
              <label>${s.linkSelected}<input id="link-to-copy" readonly .value=${this.linkToCopy} @blur=${() => (this.linkToCopy = '')} /></label>
            </div>`
          : nothing}
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const model = this.controller?.model ?? null;
    if (model !== this.#built.model || this.strings.lang !== this.#built.lang) {
      this.#buildLines(model);
      this.#built = { model, lang: this.strings.lang };
      this.#showActive();
      if (this.query) this.#search(this.query);
      // Skip the smooth scroll on a new lesson: the reader has not seen the old position.
      requestAnimationFrame(() => this.#follow(false));
    }
    if ((changed as Map<PropertyKey, unknown>).has('linkToCopy') && this.linkToCopy) {
      const field = this.renderRoot.querySelector<HTMLInputElement>('#link-to-copy');
      field?.focus({ preventScroll: true });
      field?.select();
    }
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /**
   * Lays out the chapters (headings always in the DOM) and their blocks of lines, from text nodes only: every
   * block built at once for a short lesson, placeholders sized by estimate for a long one.
   */
  #buildLines(model: LessonModel | null): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#clearPaint();
    this.#enteredCurrent = false;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#near.clear();
    this.#copyButtons.clear();
    this.#hovered = -1;
    const cues = model?.cues ?? [];
    const chapters = model?.chapters ?? [];
    this.#cueCount = cues.length;
    this.#lines = new Array(cues.length);
    this.#rows = new Array(cues.length);
    this.#texts = new Array(cues.length);
    this.#blocks = [];
    this.#blockByList.clear();
    this.#blockOf = new Int32Array(cues.length);
    this.#shownActive = -1;
    this.#tabStop = 0;
    this.#windowed = cues.length > WINDOW_ABOVE_LINES;
    scroller.classList.toggle('windowed', this.#windowed);
    const fragment = document.createDocumentFragment();
    let chapterIndex = -1;
    let group: HTMLElement | null = null;
    let block: LineBlock | null = null;
    let estimate = 0;
    const closeGroup = () => {
      // A per-chapter size estimate (from the lines of text of its cues) keeps the scrollbar and the jumps
      // close to right while the chapter is not rendered; `auto` then remembers its real size.
      if (group) group.style.containIntrinsicSize = `auto ${estimate.toFixed(1)}em`;
    };
    for (const cue of cues) {
      let next = chapterIndex;
      while (next + 1 < chapters.length && chapters[next + 1]!.start <= cue.start) next++;
      const newGroup = !group || next !== chapterIndex;
      if (newGroup) {
        closeGroup();
        chapterIndex = next;
        const chapter = chapters[chapterIndex];
        group = document.createElement('div');
        group.className = 'chapter';
        if (chapter) {
          const heading = document.createElement('h3');
          heading.className = 'chapter-title';
          heading.id = `chapter-${chapter.index}`;
          heading.textContent = chapter.title;
          group.append(heading);
        }
        fragment.append(group);
        estimate = chapter ? 2.6 : 0;
      }
      if (newGroup || cue.index - block!.first >= BLOCK_LINES) {
        const list = document.createElement('ul');
        list.className = 'lines';
        list.setAttribute('role', 'list');
        group!.append(list);
        block = { first: cue.index, end: cue.index, list, estimateEm: 0, built: false };
        this.#blocks.push(block);
        this.#blockByList.set(list, block);
      }
      const lineEm = LINE_PADDING_EM + LINE_HEIGHT_EM * Math.max(1, cue.text.split('\n').length);
      block!.end = cue.index + 1;
      block!.estimateEm += lineEm;
      this.#blockOf[cue.index] = this.#blocks.length - 1;
      estimate += lineEm;
    }
    closeGroup();
    for (const b of this.#blocks) {
      if (this.#windowed) b.list.style.height = `${b.estimateEm.toFixed(1)}em`;
      else this.#buildBlock(b);
    }
    scroller.replaceChildren(fragment);
    if (this.#windowed) {
      // The tab stop must exist for Tab to reach the list.
      this.#ensureLine(0, false);
      this.#observe();
    }
  }

  #observe(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#observer?.disconnect();
    this.#near.clear();
    this.#observer = new IntersectionObserver((entries) => this.#onBlocksSeen(entries), { root: scroller, rootMargin: WINDOW_MARGIN });
    for (const block of this.#blocks) this.#observer.observe(block.list);
  }

  #onBlocksSeen(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const block = this.#blockByList.get(entry.target);
      if (!block) continue;
      if (entry.isIntersecting) {
        this.#near.add(block);
        if (!block.built) changed = this.#buildBlock(block) || changed;
      } else {
        this.#near.delete(block);
        changed = this.#release(block) || changed;
      }
    }
    if (changed && this.searchMatches.length) this.#paintMatches();
  }

  #blockAt(index: number): LineBlock | undefined {
    return index >= 0 && index < this.#cueCount ? this.#blocks[this.#blockOf[index]!] : undefined;
  }

  /** Whether a block must stay built: near the view, or holding the spoken line, the tab stop or the current match. */
  #pinned(block: LineBlock): boolean {
    const holds = (index: number | undefined) => index !== undefined && index >= block.first && index < block.end;
    return (
      !this.#windowed ||
      this.#near.has(block) ||
      holds(this.#shownActive) ||
      holds(this.#tabStop) ||
      holds(this.searchMatches[this.matchIndex]?.item)
    );
  }

  /** The line of a cue, its block built first if need be (and its search matches painted, unless told not to). */
  #ensureLine(index: number, paint = true): HTMLElement | undefined {
    const block = this.#blockAt(index);
    if (block && !block.built) {
      this.#buildBlock(block);
      if (paint && this.searchMatches.length) this.#paintMatches();
    }
    return this.#lines[index];
  }

  /** Builds a block's lines, with the state recorded while it was empty: spoken line, tab stop, copy buttons. */
  #buildBlock(block: LineBlock): boolean {
    if (block.built) return false;
    const cues = this.controller?.model?.cues;
    if (!cues) return false;
    const fragment = document.createDocumentFragment();
    for (let i = block.first; i < block.end; i++) fragment.append(this.#buildRow(cues[i]!));
    block.list.style.height = '';
    block.list.replaceChildren(fragment);
    block.built = true;
    const active = this.#shownActive;
    if (active >= block.first && active < block.end) this.#markActive(active);
    this.#lines[this.#tabStop]?.setAttribute('tabindex', '0');
    this.#syncCopyButtons();
    return true;
  }

  /** Empties a block that no longer needs to be built; its placeholder keeps the height it had. */
  #release(block: LineBlock | undefined): boolean {
    if (!block || !block.built || this.#pinned(block)) return false;
    // One layout read, when a block leaves the window (not per frame): the placeholder keeps the real height.
    const height = block.list.getBoundingClientRect().height;
    block.list.replaceChildren();
    block.list.style.height = height > 0 ? `${height}px` : `${block.estimateEm.toFixed(1)}em`;
    block.built = false;
    for (let i = block.first; i < block.end; i++) {
      this.#lines[i] = undefined;
      this.#rows[i] = undefined;
      this.#texts[i] = undefined;
      this.#copyButtons.delete(i);
    }
    return true;
  }

  #buildRow(cue: Cue): HTMLElement {
    const row = document.createElement('li');
    row.className = 'row';
    row.dataset.index = String(cue.index);

    // A button role rather than a <button>: the reader can still select and copy the text of a line.
    const line = document.createElement('div');
    line.className = 'line';
    line.setAttribute('role', 'button');
    line.tabIndex = -1;
    line.setAttribute('aria-keyshortcuts', 'c n');

    const time = document.createElement('span');
    time.className = 'time';
    const clock = document.createElement('span');
    clock.setAttribute('aria-hidden', 'true');
    clock.textContent = formatTime(cue.start);
    // "1:15" is read out as a ratio by some screen readers: give them "1 min 15 s".
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = `${formatDuration(cue.start)} `;
    time.append(clock, spoken);

    const text = document.createElement('span');
    text.className = 'text';
    text.append(cueFragment(cue.nodes));
    line.append(time, text);

    row.append(line);
    this.#lines[cue.index] = line;
    this.#rows[cue.index] = row;
    this.#texts[cue.index] = text;
    return row;
  }

  /**
   * The copy buttons: one on the spoken line, the tab stop's line and the hovered line, as the styles showed
   * them; the other rows keep the button's room (no reflow when it comes). C copies from any focused line.
   */
  #syncCopyButtons(): void {
    const wanted = new Set([this.#shownActive, this.#tabStop, this.#hovered].filter((i) => this.#rows[i]));
    for (const [index, button] of this.#copyButtons) {
      if (wanted.has(index)) continue;
      // The focus stays on a button until the pointer or the keyboard moves it.
      if (button === this.#focusedElement()) continue;
      button.remove();
      this.#copyButtons.delete(index);
    }
    for (const index of wanted) {
      if (this.#copyButtons.has(index)) continue;
      const cue = this.controller?.cues[index];
      if (!cue) continue;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'copy';
      // Out of the tab order: the list is one tab stop, and C copies from the focused line.
      copy.tabIndex = -1;
      const label = this.strings.copyLinkTo(formatDuration(cue.start));
      copy.setAttribute('aria-label', label);
      copy.title = label;
      this.#linkIcon ??= linkIcon();
      copy.append(this.#linkIcon.cloneNode(true));
      this.#rows[index]!.append(copy);
      this.#copyButtons.set(index, copy);
    }
  }

  #onLinesPointerOver(event: PointerEvent): void {
    const index = this.#indexOf(event.target as Element);
    if (index === this.#hovered) return;
    this.#hovered = index;
    this.#syncCopyButtons();
  }

  #onLinesPointerLeave(): void {
    this.#hovered = -1;
    this.#syncCopyButtons();
  }

  // ——— The spoken line and following ———

  #onClock(activeChanged: boolean): void {
    const controller = this.controller;
    if (!controller) return;
    const sample: ClockSample = { time: controller.currentTime, wall: performance.now(), playing: !controller.paused };
    // A seek (from the seek bar, the chapters, a link…) means the reader wants to be where the video is.
    if (isClockJump(this.#clock, sample)) this.#resumeFollowing();
    this.#clock = sample;
    if (activeChanged) {
      this.#showActive();
      this.#follow(true);
    }
  }

  /**
   * Moves the current-line mark: two elements touched, whatever the transcript's length (plus, once per block,
   * building the block the spoken line enters and emptying the one it left when both are out of view).
   */
  #showActive(): void {
    const index = this.controller?.activeCueIndex ?? -1;
    if (index === this.#shownActive) return;
    const previous = this.#shownActive;
    this.#rows[previous]?.classList.remove('is-active');
    this.#lines[previous]?.removeAttribute('aria-current');
    this.#shownActive = index;
    // Marked here, or by #buildBlock when the block is built.
    if (this.#ensureLine(index) && !this.#rows[index]!.classList.contains('is-active')) this.#markActive(index);
    // Tab lands on the spoken line, unless the reader is moving through the list.
    if (index >= 0 && !this.#scroller?.contains(this.#focusedElement())) this.#moveTabStop(index);
    this.#syncCopyButtons();
    if (this.#blockAt(previous) !== this.#blockAt(index)) this.#release(this.#blockAt(previous));
  }

  #markActive(index: number): void {
    this.#rows[index]?.classList.add('is-active');
    this.#lines[index]?.setAttribute('aria-current', 'true');
  }

  #focusedElement(): Element | null {
    return (this.renderRoot as ShadowRoot).activeElement ?? null;
  }

  #follow(smooth: boolean): void {
    if (!this.following) return;
    const line = this.#lines[this.#shownActive];
    if (line) this.#scrollLineTo(line, 'follow', smooth);
  }

  /**
   * Scrolls the transcript's container (only it: never `scrollIntoView`, which would scroll the page too) so that
   * the line is in view. Long jumps are instant, then checked again for a few frames: chapters out of view are
   * sized by estimate until rendered, so content above the line can grow or shrink once it comes near the view.
   */
  #scrollLineTo(line: HTMLElement, mode: 'follow' | 'reveal', smooth: boolean): void {
    const scroller = this.#scroller;
    if (!scroller || !scroller.clientHeight) return;
    const top = this.#scrollTarget(line, mode, scroller);
    if (top === null) return;
    const far = isFarScroll(scroller.scrollTop, top, scroller.clientHeight);
    if (smooth && !far && !prefersReducedMotion()) {
      scroller.scrollTo({ top, behavior: 'smooth' });
      return;
    }
    scroller.scrollTo({ top, behavior: 'instant' });
    const seq = ++this.#settleSeq;
    let frames = SETTLE_FRAMES;
    const settle = () => {
      // A newer scroll, or the reader taking over, ends the check.
      if (seq !== this.#settleSeq || (mode === 'follow' && !this.following)) return;
      const again = this.#scrollTarget(line, mode, scroller);
      if (again !== null) scroller.scrollTo({ top: again, behavior: 'instant' });
      if (--frames > 0) requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  }

  #scrollTarget(line: HTMLElement, mode: 'follow' | 'reveal', scroller: HTMLElement): number | null {
    const box = this.#boxOf(line, scroller);
    const view = { scrollTop: scroller.scrollTop, height: scroller.clientHeight, scrollHeight: scroller.scrollHeight };
    return mode === 'follow' ? followScrollTop(box, view) : revealScrollTop(box, view);
  }

  #boxOf(element: HTMLElement, scroller: HTMLElement): { top: number; height: number } {
    const rect = element.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    return { top: rect.top - frame.top - scroller.clientTop + scroller.scrollTop, height: rect.height };
  }

  #stopFollowing = (): void => {
    this.following = false;
  };

  #resumeFollowing(): void {
    this.following = true;
  }

  #onResumeClick(): void {
    this.#resumeFollowing();
    // The button goes away: hand the focus to the spoken line rather than lose it to the page.
    this.#focusLine(this.#shownActive >= 0 ? this.#shownActive : this.#tabStop, false);
    this.#follow(true);
  }

  #onLinesPointerDown(event: PointerEvent): void {
    // A press on the container itself is on its scrollbar.
    if (event.composedPath()[0] === event.currentTarget) this.#stopFollowing();
  }

  #onLinesFocusIn(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    const index = this.#indexOf(target);
    if (index >= 0) this.#moveTabStop(index);
    // Focus from the keyboard means the reader is reading here; a click is handled as a seek instead.
    if (!this.#focusingLine && target.matches(':focus-visible')) this.#stopFollowing();
  }

  #checkSelection(): void {
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const selection = root.getSelection?.() ?? document.getSelection();
    if (selection && !selection.isCollapsed && selection.anchorNode && this.#scroller?.contains(selection.anchorNode)) this.#stopFollowing();
  }

  #selectionIn(element: HTMLElement): boolean {
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const selection = root.getSelection?.() ?? document.getSelection();
    return Boolean(selection && !selection.isCollapsed && selection.anchorNode && element.contains(selection.anchorNode));
  }

  // ——— Lines: pointer and keyboard ———

  #indexOf(element: Element | null): number {
    const row = element?.closest<HTMLElement>('.row');
    return row?.dataset.index ? Number(row.dataset.index) : -1;
  }

  #onLinesClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const index = this.#indexOf(target);
    if (index < 0) return;
    if (target.closest('.copy')) {
      void this.#copyLink(index);
      return;
    }
    // Selecting a quote ends with a click: it must not send the video elsewhere.
    if (target.closest('.line') && !this.#selectionIn(this.#lines[index]!)) this.#activate(index);
  }

  #onLinesKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const onLine = target.classList.contains('line');
    const index = this.#indexOf(target);
    if (!onLine || index < 0 || event.altKey || event.ctrlKey || event.metaKey) {
      if (SCROLL_KEYS.has(event.key)) this.#stopFollowing();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#activate(index);
      return;
    }
    if ((event.key === 'c' || event.key === 'C') && !event.shiftKey) {
      event.preventDefault();
      void this.#copyLink(index);
      return;
    }
    if ((event.key === 'n' || event.key === 'N') && !event.shiftKey) {
      event.preventDefault();
      this.#addNote(index);
      return;
    }
    const next = lineIndexForKey(event.key, index, this.#cueCount);
    if (next === null || event.shiftKey) return;
    event.preventDefault();
    this.#stopFollowing();
    this.#focusLine(next);
  }

  /** Moves the list's single tab stop, building the line's block if need be. */
  #moveTabStop(index: number, release = true): void {
    const previous = this.#tabStop;
    if (index === previous || index < 0 || index >= this.#cueCount) return;
    this.#lines[previous]?.setAttribute('tabindex', '-1');
    this.#tabStop = index;
    this.#ensureLine(index)?.setAttribute('tabindex', '0');
    this.#syncCopyButtons();
    if (release && this.#blockAt(previous) !== this.#blockAt(index)) this.#release(this.#blockAt(previous));
  }

  /** Focuses a line (its block built first) and scrolls the container (not the page) just enough to show it. */
  #focusLine(index: number, reveal = true): void {
    const previous = this.#tabStop;
    // The block left behind is emptied only once the focus has moved: never remove the focused element.
    this.#moveTabStop(index, false);
    const line = this.#lines[index];
    if (!line) return;
    this.#focusingLine = true;
    line.focus({ preventScroll: true });
    this.#focusingLine = false;
    if (this.#blockAt(previous) !== this.#blockAt(index)) this.#release(this.#blockAt(previous));
    if (reveal) this.#scrollLineTo(line, 'reveal', false);
  }

  /** Seeks to a line: the controller keeps playing or paused as it was. */
  #activate(index: number): void {
    const cue = this.controller?.cues[index];
    if (!cue) return;
    this.#moveTabStop(index);
    this.#resumeFollowing();
    this.controller!.seek(cue.start);
  }

  /** N on a line: a note of the learner's own at that moment, whose editor takes the focus in the notes. */
  #addNote(index: number): void {
    const controller = this.controller;
    const cue = controller?.cues[index];
    if (!controller || !cue) return;
    const note = controller.learner.addNote(cue.start);
    if (!note) return;
    controller.openNotes(note.chapterId, false);
    controller.announce(learnerStrings(this.strings.lang).noteAdded(formatDuration(note.time)));
  }

  // ——— Copy a link to a moment ———

  async #copyLink(index: number): Promise<void> {
    const cue = this.controller?.cues[index];
    if (!cue) return;
    const link = momentLink(location.href, cue.start);
    if (await copyText(link)) {
      this.linkToCopy = '';
      this.controller!.announce(this.strings.linkCopied);
    } else {
      // Clipboard refused (permissions, insecure context): select the link in a field to copy by hand.
      this.linkToCopy = link;
      this.controller!.announce(this.strings.linkSelected);
    }
  }

  // ——— Search ———

  #onSearchInput(event: InputEvent): void {
    this.#search((event.target as HTMLInputElement).value);
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#goToMatch(event.shiftKey ? -1 : 1, true);
    } else if (event.key === 'Escape' && this.query) {
      // Only when there is something to clear: an Escape on an empty field may close a dialog around the player.
      event.preventDefault();
      event.stopPropagation();
      this.#clearSearch();
    }
  }

  #search(query: string): void {
    this.query = query;
    const cues = this.controller?.cues ?? [];
    const matches = findMatches(
      cues.map((c) => c.text),
      query,
    );
    const previous = this.#blockAt(this.searchMatches[this.matchIndex]?.item ?? -1);
    this.searchMatches = matches;
    this.matchIndex = firstMatchFrom(matches, Math.max(0, this.controller?.activeCueIndex ?? 0));
    this.#enteredCurrent = false;
    this.#ensureLine(matches[this.matchIndex]?.item ?? -1, false);
    this.#paintMatches();
    this.#release(previous);
    this.#showMarks(matches, cues);
    this.#announceStatus();
    if (this.matchIndex >= 0) {
      // Show the first match without seeking: typing is not yet choosing.
      this.#stopFollowing();
      this.#revealMatch();
    }
  }

  /**
   * Moves to the next or previous match. `fromField` is Enter in the field: the first Enter goes to the match
   * already shown as current rather than skipping it.
   */
  #goToMatch(direction: 1 | -1, fromField = false): void {
    if (!this.searchMatches.length) return;
    const stay = fromField && direction === 1 && !this.#enteredCurrent;
    const previous = this.#blockAt(this.searchMatches[this.matchIndex]?.item ?? -1);
    this.matchIndex = stay ? this.matchIndex : stepMatch(this.matchIndex, this.searchMatches.length, direction);
    this.#enteredCurrent = true;
    // The target's block is built (and its matches painted) before it is marked and scrolled to.
    this.#ensureLine(this.searchMatches[this.matchIndex]!.item);
    this.#paintCurrentMatch();
    this.#release(previous);
    this.#announceStatus();
    const match = this.searchMatches[this.matchIndex]!;
    const cue = this.controller?.cues[match.item];
    if (cue) {
      this.#resumeFollowing();
      this.controller!.seek(cue.start);
    }
    this.#revealMatch();
  }

  /** Whether the current match has been visited with Enter since the query changed. */
  #enteredCurrent = false;

  #clearSearch(): void {
    const previous = this.#blockAt(this.searchMatches[this.matchIndex]?.item ?? -1);
    this.query = '';
    this.searchMatches = [];
    this.matchIndex = -1;
    this.#clearPaint();
    this.#enteredCurrent = false;
    this.#release(previous);
    this.#showMarks([], []);
    clearTimeout(this.#announceTimer);
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  #clearPaint(): void {
    this.#highlights.clear();
    for (const row of this.#markedRows) row.classList.remove('has-match');
    this.#markedRows = [];
    this.#currentMatchRow?.classList.remove('is-current-match');
    this.#currentMatchRow = null;
  }

  /**
   * Paints the matches of the built lines only (matches are found in the cues' text, so the count, the marks on
   * the seek bar and next/previous cover the whole lesson): repainted when blocks are built or emptied.
   */
  #paintMatches(): void {
    this.#clearPaint();
    const ranges: Range[] = [];
    const matches = this.searchMatches;
    for (const block of this.#blocks) {
      if (!block.built) continue;
      let lastItem = -1;
      for (let i = firstMatchAtOrAfter(matches, block.first); i < matches.length && matches[i]!.item < block.end; i++) {
        const match = matches[i]!;
        const text = this.#texts[match.item];
        if (!text) continue;
        const range = textRange(text, match.start, match.length);
        if (range) ranges.push(range);
        if (match.item !== lastItem) {
          lastItem = match.item;
          this.#rows[match.item]!.classList.add('has-match');
          this.#markedRows.push(this.#rows[match.item]!);
        }
      }
    }
    this.#highlights.setMatches(ranges);
    this.#paintCurrentMatch();
  }

  #paintCurrentMatch(): void {
    const match = this.searchMatches[this.matchIndex];
    this.#currentMatchRow?.classList.remove('is-current-match');
    this.#currentMatchRow = match ? (this.#rows[match.item] ?? null) : null;
    this.#currentMatchRow?.classList.add('is-current-match');
    const text = match ? this.#texts[match.item] : undefined;
    this.#highlights.setCurrent(match && text ? textRange(text, match.start, match.length) : null);
  }

  #revealMatch(): void {
    const match = this.searchMatches[this.matchIndex];
    const line = match ? this.#lines[match.item] : undefined;
    if (line) this.#scrollLineTo(line, 'follow', true);
  }

  #showMarks(matches: readonly TextMatch[], cues: readonly Cue[]): void {
    if (!this.controller || (!matches.length && !this.#marksShown)) return;
    this.controller.setSliderMarks(
      matchCueTimes(
        matches,
        cues.map((c) => c.start),
      ),
      this.strings.searchMarks,
    );
    this.#marksShown = matches.length > 0;
  }

  #announceStatus(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const text = searchStatusText(this.query, this.matchIndex, this.searchMatches.length, this.strings);
      if (text) this.controller?.announce(text);
    }, ANNOUNCE_DELAY_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-transcript': LessonTranscript;
  }
}
