/**
 * The transcript's lines in the DOM, windowed for long lessons (see line-blocks.ts): a reactive controller that
 * lays out the chapters and their blocks from text nodes only, builds a block when it comes within a screenful of
 * the view (IntersectionObserver on placeholders sized from the estimate) or when one of its lines is needed, and
 * empties it again when nothing pins it. It also keeps the spoken line's mark, which a block gets back when built.
 *
 * Screen readers then see only the built lines of the list. The chapter headings stay in the DOM, so the
 * structure remains navigable, every line is reachable with the arrow keys (a block is built before its line takes
 * the focus), the search works on the whole text, and `transcription.html` is the complete text alternative.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDuration, formatTime } from '../../core/time.ts';
import type { Chapter, Cue } from '../../core/types.ts';
import { cueFragment } from '../cue-dom.ts';
import { mustStayBuilt, planLines, type BlockPlan } from './line-blocks.ts';

/** How far beyond the view blocks are built: one height of the scroll container above and below. */
const WINDOW_MARGIN = '100% 0px';

/** What the window asks of the transcript around it. */
export interface LineWindowHost {
  /** The scroll container the lines go in (rendered by the element). */
  scroller(): HTMLElement | null;
  /** Lines whose block must stay built besides the spoken line: the tab stop, the current search match. */
  pinnedLines(): readonly (number | undefined)[];
  /** A block's lines were just built: give them what was recorded while it was empty (tab stop, copy buttons). */
  blockBuilt(): void;
  /** A block was emptied: forget what pointed into its lines. */
  blockReleased(first: number, end: number): void;
  /** Blocks were built or emptied for the view or a needed line: repaint what is painted over the lines. */
  linesChanged(): void;
}

/** A block of the plan with its `<ul>`: built, or an empty placeholder of the estimated (then measured) height. */
interface LineBlock extends BlockPlan {
  list: HTMLElement;
  built: boolean;
}

/** The description track's lines shown in the transcript, and the words before each ("Description : "). */
export interface Described {
  descriptions: readonly { start: number; text: string }[];
  label: string;
}

/** A description shown in the transcript: its text, where it is read among the lines, and its elements. */
export interface DescriptionLine {
  start: number;
  text: string;
  /** Reading position: just before the first line of its chapter (see ReadingPosition in search-navigation.ts). */
  position: number;
  paragraph: HTMLElement;
  /** The description's own words, after the label: what the search paints. */
  textElement: HTMLElement;
}

export class LineWindow implements ReactiveController {
  /** Cue index → its focusable line, its row and its text (while its block is built), for O(1) updates. */
  #lines: (HTMLElement | undefined)[] = [];
  #rows: (HTMLElement | undefined)[] = [];
  #texts: (HTMLElement | undefined)[] = [];
  #cues: readonly Cue[] = [];
  #blocks: LineBlock[] = [];
  #blockByList = new Map<Element, LineBlock>();
  #blockOf: Int32Array = new Int32Array(0);
  #windowed = false;
  /** Blocks the observer last saw within the window's margin. */
  #near = new Set<LineBlock>();
  #observer: IntersectionObserver | null = null;
  #spoken = -1;
  #descriptions: DescriptionLine[] = [];
  /** The lines of the passage opened from a link (first > last: none). */
  #passage = { first: -1, last: -2 };

  constructor(
    host: ReactiveControllerHost,
    private readonly around: LineWindowHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: the blocks are still there, observe them again.
    if (this.#windowed) this.#observe();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  get count(): number {
    return this.#cues.length;
  }

  /** The spoken line as marked (-1 for none). */
  get spoken(): number {
    return this.#spoken;
  }

  line(index: number): HTMLElement | undefined {
    return this.#lines[index];
  }

  row(index: number): HTMLElement | undefined {
    return this.#rows[index];
  }

  text(index: number): HTMLElement | undefined {
    return this.#texts[index];
  }

  /** The descriptions shown, in reading order (always in the DOM: they are few). */
  get descriptions(): readonly DescriptionLine[] {
    return this.#descriptions;
  }

  /** Whether a node is in the scroll container of the lines. */
  contains(node: Node | null): boolean {
    return Boolean(this.around.scroller()?.contains(node));
  }

  /** The cue index of a row, or of an element inside it; -1 elsewhere. */
  indexOf(element: Element | null): number {
    const row = element?.closest<HTMLElement>('.row');
    return row?.dataset.index ? Number(row.dataset.index) : -1;
  }

  /** The built blocks' ranges of cue indexes: the lines that can be painted. */
  *builtRanges(): Generator<BlockPlan> {
    for (const block of this.#blocks) if (block.built) yield block;
  }

  /**
   * Lays out the chapters (headings always in the DOM) and their blocks of lines: every block built at once for a
   * short lesson, placeholders sized by estimate for a long one.
   */
  build(cues: readonly Cue[], chapters: readonly Chapter[], described: Described = { descriptions: [], label: '' }): void {
    const scroller = this.around.scroller();
    if (!scroller) return;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#near.clear();
    const plan = planLines(cues, chapters);
    this.#cues = cues;
    this.#lines = new Array(cues.length);
    this.#rows = new Array(cues.length);
    this.#texts = new Array(cues.length);
    this.#blockByList.clear();
    this.#blockOf = plan.blockOf;
    this.#spoken = -1;
    this.#passage = { first: -1, last: -2 };
    this.#windowed = plan.windowed;
    scroller.classList.toggle('windowed', this.#windowed);
    const fragment = document.createDocumentFragment();
    this.#blocks = [];
    this.#descriptions = [];
    let linesBefore = 0;
    plan.groups.forEach((planned, g) => {
      const group = document.createElement('div');
      group.className = 'chapter';
      if (planned.chapter) {
        const heading = document.createElement('h3');
        heading.className = 'chapter-title';
        heading.id = `chapter-${planned.chapter.index}`;
        heading.textContent = planned.chapter.title;
        group.append(heading);
      }
      // What is on screen, under its chapter's heading: text only, not a line (nothing to play, no tab stop).
      const from = planned.chapter?.start ?? -Infinity;
      const to = plan.groups[g + 1]?.chapter?.start ?? Infinity;
      for (const d of described.descriptions) {
        if (d.start < from || d.start >= to) continue;
        const paragraph = document.createElement('p');
        paragraph.className = 'description';
        const textElement = document.createElement('span');
        textElement.textContent = d.text;
        paragraph.append(described.label, textElement);
        group.append(paragraph);
        // Read before the chapter's first line, in their order: positions between the previous line and that one.
        const position = linesBefore - 0.5 + this.#descriptions.length * 1e-6;
        this.#descriptions.push({ start: d.start, text: d.text, position, paragraph, textElement });
      }
      for (const { first, end, estimateEm } of planned.blocks) {
        linesBefore = end;
        const list = document.createElement('ul');
        list.className = 'lines';
        list.setAttribute('role', 'list');
        group.append(list);
        const block: LineBlock = { first, end, estimateEm, list, built: false };
        this.#blocks.push(block);
        this.#blockByList.set(list, block);
      }
      // A per-chapter size estimate keeps the scrollbar and the jumps close to right while the chapter is not
      // rendered; `auto` then remembers its real size.
      group.style.containIntrinsicSize = `auto ${planned.estimateEm.toFixed(1)}em`;
      fragment.append(group);
    });
    for (const block of this.#blocks) {
      if (this.#windowed) block.list.style.height = `${block.estimateEm.toFixed(1)}em`;
      else this.#buildBlock(block);
    }
    scroller.replaceChildren(fragment);
    if (this.#windowed) {
      // The tab stop must exist for Tab to reach the list.
      this.ensureLine(0, false);
      this.#observe();
    }
  }

  /**
   * Moves the spoken-line mark: two elements touched, whatever the transcript's length (plus building the block
   * the line enters). Returns the line it left, or null when the mark was there already.
   */
  markSpoken(index: number): number | null {
    const previous = this.#spoken;
    if (index === previous) return null;
    this.#rows[previous]?.classList.remove('is-active');
    this.#lines[previous]?.removeAttribute('aria-current');
    this.#spoken = index;
    // Marked here, or by #buildBlock when the block is built.
    if (this.ensureLine(index) && !this.#rows[index]!.classList.contains('is-active')) this.#markSpoken(index);
    return previous;
  }

  /** Highlights the lines `first` to `last` (the passage opened from a link); first > last for none. */
  markPassage(first: number, last: number): void {
    const before = this.#passage;
    for (let i = Math.max(0, before.first); i <= before.last; i++) this.#rows[i]?.classList.remove('in-passage');
    this.#passage = { first, last };
    for (let i = Math.max(0, first); i <= last; i++) this.#rows[i]?.classList.add('in-passage');
  }

  /** The line of a cue, its block built first if need be (and the lines repainted, unless told not to). */
  ensureLine(index: number, repaint = true): HTMLElement | undefined {
    const block = this.#blockAt(index);
    if (block && !block.built) {
      this.#buildBlock(block);
      if (repaint) this.around.linesChanged();
    }
    return this.#lines[index];
  }

  /** Empties the block of line `index` unless something pins it. */
  release(index: number): void {
    this.#release(this.#blockAt(index));
  }

  /** After a mark moved from line `from` to line `to`: empties the block left behind, if it is another one. */
  leave(from: number, to: number): void {
    const left = this.#blockAt(from);
    if (left !== this.#blockAt(to)) this.#release(left);
  }

  #observe(): void {
    const scroller = this.around.scroller();
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
    if (changed) this.around.linesChanged();
  }

  #blockAt(index: number): LineBlock | undefined {
    return index >= 0 && index < this.#cues.length ? this.#blocks[this.#blockOf[index]!] : undefined;
  }

  /** Builds a block's lines, with the state recorded while it was empty: spoken line, tab stop, copy buttons. */
  #buildBlock(block: LineBlock): boolean {
    if (block.built) return false;
    const fragment = document.createDocumentFragment();
    for (let i = block.first; i < block.end; i++) fragment.append(this.#buildRow(this.#cues[i]!));
    block.list.style.height = '';
    block.list.replaceChildren(fragment);
    block.built = true;
    const spoken = this.#spoken;
    if (spoken >= block.first && spoken < block.end) this.#markSpoken(spoken);
    this.around.blockBuilt();
    return true;
  }

  /** Empties a block that no longer needs to be built; its placeholder keeps the height it had. */
  #release(block: LineBlock | undefined): boolean {
    if (!block || !block.built) return false;
    if (mustStayBuilt(block, this.#windowed, this.#near.has(block), [this.#spoken, ...this.around.pinnedLines()])) return false;
    // One layout read, when a block leaves the window (not per frame): the placeholder keeps the real height.
    const height = block.list.getBoundingClientRect().height;
    block.list.replaceChildren();
    block.list.style.height = height > 0 ? `${height}px` : `${block.estimateEm.toFixed(1)}em`;
    block.built = false;
    for (let i = block.first; i < block.end; i++) {
      this.#lines[i] = undefined;
      this.#rows[i] = undefined;
      this.#texts[i] = undefined;
    }
    this.around.blockReleased(block.first, block.end);
    return true;
  }

  #markSpoken(index: number): void {
    this.#rows[index]?.classList.add('is-active');
    this.#lines[index]?.setAttribute('aria-current', 'true');
  }

  #buildRow(cue: Cue): HTMLElement {
    const row = document.createElement('li');
    row.className = cue.index >= this.#passage.first && cue.index <= this.#passage.last ? 'row in-passage' : 'row';
    row.dataset.index = String(cue.index);

    // A button role rather than a <button>: the reader can still select and copy the text of a line.
    const line = document.createElement('div');
    line.className = 'line';
    line.setAttribute('role', 'button');
    line.tabIndex = -1;
    line.setAttribute('aria-keyshortcuts', 'c n Shift+ArrowDown Shift+ArrowUp');

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
    // Prose: the speaker is named when they start speaking, not again on each of their lines.
    if (cue.speaker && cue.speaker === this.#cues[cue.index - 1]?.speaker) text.querySelector('.cue-v')?.classList.add('voice-continues');
    line.append(time, text);

    row.append(line);
    this.#lines[cue.index] = line;
    this.#rows[cue.index] = row;
    this.#texts[cue.index] = text;
    return row;
  }
}
