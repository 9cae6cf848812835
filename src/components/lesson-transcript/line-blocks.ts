/**
 * Windowing of the transcript, without the DOM: how the lines are laid out in chapters and blocks, how tall the
 * blocks are guessed to be before they are built, and which blocks must stay built.
 *
 * Up to WINDOW_ABOVE_LINES lines, every line is built once per lesson (a few thousand nodes at most, and the
 * chapters out of view skip rendering through `content-visibility`). Above it, the DOM is bounded whatever the
 * lesson's length: the lines come in blocks of at most BLOCK_LINES lines, and a block is built only while it is
 * within a screenful of the view or holds the spoken line, the list's tab stop or the current search match; the
 * others are emptied again.
 */

export const WINDOW_ABOVE_LINES = 400;
export const BLOCK_LINES = 100;
/** Line box metrics, as in the styles, for the size estimate of lines not built. */
const LINE_HEIGHT_EM = 1.45;
const LINE_PADDING_EM = 0.6;
/** A chapter heading's box, in em. */
const HEADING_EM = 2.6;

/** What the layout needs of a cue and of a chapter. */
export interface PlannedCue {
  index: number;
  start: number;
  text: string;
}
export interface PlannedChapter {
  start: number;
}

/** A run of consecutive lines of one chapter: first cue index, one past the last, and its estimated height. */
export interface BlockPlan {
  first: number;
  end: number;
  estimateEm: number;
}

/** A chapter's group of lines: its chapter (none for the lines before the first chapter) and its blocks. */
export interface GroupPlan<C extends PlannedChapter> {
  chapter: C | undefined;
  /** Estimated height of the heading and the lines, in em. */
  estimateEm: number;
  blocks: BlockPlan[];
}

export interface LinePlan<C extends PlannedChapter> {
  /** Whether blocks are built and emptied as they come near the view, or all built at once. */
  windowed: boolean;
  groups: GroupPlan<C>[];
  /** Every block, in order. */
  blocks: BlockPlan[];
  /** Cue index → index of its block in `blocks`. */
  blockOf: Int32Array;
}

/**
 * The estimated height of a line of cue text, in em: one line box per caption line. The transcript shows a cue as
 * prose, but in the side panel's width a caption line still takes about one line box.
 */
export function lineEstimateEm(text: string): number {
  return LINE_PADDING_EM + LINE_HEIGHT_EM * Math.max(1, text.split('\n').length);
}

/**
 * Groups the cues by chapter (a cue belongs to the last chapter starting at or before it) and cuts each group in
 * blocks of at most `blockLines` lines.
 */
export function planLines<C extends PlannedChapter>(
  cues: readonly PlannedCue[],
  chapters: readonly C[],
  limits = { windowAbove: WINDOW_ABOVE_LINES, blockLines: BLOCK_LINES },
): LinePlan<C> {
  const groups: GroupPlan<C>[] = [];
  const blocks: BlockPlan[] = [];
  const blockOf = new Int32Array(cues.length);
  let chapterIndex = -1;
  let group: GroupPlan<C> | null = null;
  let block: BlockPlan | null = null;
  for (const cue of cues) {
    let next = chapterIndex;
    while (next + 1 < chapters.length && chapters[next + 1]!.start <= cue.start) next++;
    const newGroup = !group || next !== chapterIndex;
    if (newGroup) {
      chapterIndex = next;
      const chapter = chapters[chapterIndex];
      group = { chapter, estimateEm: chapter ? HEADING_EM : 0, blocks: [] };
      groups.push(group);
    }
    if (newGroup || cue.index - block!.first >= limits.blockLines) {
      block = { first: cue.index, end: cue.index, estimateEm: 0 };
      group!.blocks.push(block);
      blocks.push(block);
    }
    const lineEm = lineEstimateEm(cue.text);
    block!.end = cue.index + 1;
    block!.estimateEm += lineEm;
    group!.estimateEm += lineEm;
    blockOf[cue.index] = blocks.length - 1;
  }
  return { windowed: cues.length > limits.windowAbove, groups, blocks, blockOf };
}

/** Whether a block holds the line of cue `index`. */
export function blockHolds(block: BlockPlan, index: number | undefined): boolean {
  return index !== undefined && index >= block.first && index < block.end;
}

/**
 * Whether a built block must stay built: every block of a lesson that is not windowed, a block near the view, or
 * one holding one of the `pinned` lines (the spoken line, the tab stop, the current match).
 */
export function mustStayBuilt(block: BlockPlan, windowed: boolean, near: boolean, pinned: readonly (number | undefined)[]): boolean {
  return !windowed || near || pinned.some((index) => blockHolds(block, index));
}
