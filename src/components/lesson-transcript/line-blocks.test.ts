import { describe, expect, it } from 'vitest';
import { blockHolds, lineEstimateEm, mustStayBuilt, planLines, WINDOW_ABOVE_LINES } from './line-blocks.ts';

const cue = (index: number, start: number, text = 'une ligne') => ({ index, start, text });
const cues = (count: number, every = 1) => Array.from({ length: count }, (_, i) => cue(i, i * every));
const chapter = (index: number, start: number) => ({ index, start, title: `Chapitre ${index}` });

describe('planLines', () => {
  it('builds every line at once up to the window threshold, and windows above it', () => {
    expect(planLines(cues(WINDOW_ABOVE_LINES), []).windowed).toBe(false);
    expect(planLines(cues(WINDOW_ABOVE_LINES + 1), []).windowed).toBe(true);
  });

  it('groups the lines by the last chapter started at or before them', () => {
    const plan = planLines(cues(10, 10), [chapter(0, 0), chapter(1, 31), chapter(2, 35), chapter(3, 60)]);
    expect(plan.groups.map((g) => [g.chapter?.index, g.blocks.map((b) => [b.first, b.end])])).toEqual([
      [0, [[0, 4]]],
      // Chapters 1 and 2 both start between the lines at 30 and 40: chapter 1 has no line and no group.
      [2, [[4, 6]]],
      [3, [[6, 10]]],
    ]);
  });

  it('puts the lines before the first chapter in a group without a heading', () => {
    const plan = planLines(cues(4, 10), [chapter(0, 20)]);
    expect(plan.groups.map((g) => g.chapter?.index)).toEqual([undefined, 0]);
    expect(plan.groups[0]!.estimateEm).toBe(2 * lineEstimateEm('une ligne'));
  });

  it('cuts a long chapter into blocks of at most the block size, and records each line’s block', () => {
    const plan = planLines(cues(250), [chapter(0, 0)], { windowAbove: 100, blockLines: 100 });
    expect(plan.blocks.map((b) => [b.first, b.end])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
    expect([plan.blockOf[0], plan.blockOf[99], plan.blockOf[100], plan.blockOf[249]]).toEqual([0, 0, 1, 2]);
  });

  it('starts a new block at a chapter boundary even when the block is not full', () => {
    const plan = planLines(cues(6), [chapter(0, 0), chapter(1, 2)], { windowAbove: 1, blockLines: 100 });
    expect(plan.blocks.map((b) => [b.first, b.end])).toEqual([
      [0, 2],
      [2, 6],
    ]);
  });

  it('estimates heights from the lines of text, with room for a chapter heading', () => {
    const plan = planLines([cue(0, 0, 'une'), cue(1, 1, 'deux\nlignes')], [chapter(0, 0)]);
    expect(lineEstimateEm('deux\nlignes') - lineEstimateEm('une')).toBeCloseTo(1.45);
    expect(plan.blocks[0]!.estimateEm).toBeCloseTo(lineEstimateEm('une') + lineEstimateEm('deux\nlignes'));
    expect(plan.groups[0]!.estimateEm).toBeCloseTo(2.6 + plan.blocks[0]!.estimateEm);
  });

  it('lays out an empty lesson as nothing', () => {
    const plan = planLines([], [chapter(0, 0)]);
    expect(plan).toMatchObject({ windowed: false, groups: [], blocks: [] });
  });
});

describe('mustStayBuilt', () => {
  const block = { first: 100, end: 200, estimateEm: 0 };
  it('keeps every block of a lesson that is not windowed', () => {
    expect(mustStayBuilt(block, false, false, [])).toBe(true);
  });
  it('keeps a block near the view', () => {
    expect(mustStayBuilt(block, true, true, [])).toBe(true);
  });
  it('keeps a block holding a pinned line (spoken line, tab stop, current match)', () => {
    expect(mustStayBuilt(block, true, false, [-1, 150, undefined])).toBe(true);
    expect(mustStayBuilt(block, true, false, [100])).toBe(true);
  });
  it('lets the others go', () => {
    expect(mustStayBuilt(block, true, false, [-1, 99, 200, undefined])).toBe(false);
  });
  it('tells which lines a block holds', () => {
    expect([99, 100, 199, 200, undefined].map((i) => blockHolds(block, i))).toEqual([false, true, true, false, false]);
  });
});
