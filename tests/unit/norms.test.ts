import { describe, expect, it } from 'vitest';
import { checkCaptions, checkChapters, codePointLength, DEFAULT_CAPTION_RULES } from '../../src/core/norms.ts';
import type { Chapter, Cue } from '../../src/core/types.ts';

let n = 0;
const cue = (start: number, end: number, text: string, line = 10 + n): Cue => ({
  id: `cue-${n}`,
  index: n++,
  start,
  end,
  text,
  nodes: [{ type: 'text', text }],
  line,
});
const rules = (cues: Cue[], r = {}) => checkCaptions(cues, 'c.vtt', r).map((p) => p.rule);

describe('checkCaptions', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CAPTION_RULES).toEqual({ maxLines: 2, maxCharsPerLine: 42, maxCps: 17, minDuration: 5 / 6, maxDuration: 7, minGap: 0 });
  });

  it('passes good captions', () => {
    expect(checkCaptions([cue(0, 2, 'Bonjour à tous.'), cue(2, 5, 'Aujourd’hui, on parle\nde services publics.')], 'c.vtt')).toEqual([]);
  });

  it('cue-lines: more than two lines', () => {
    expect(rules([cue(0, 5, 'a\nb\nc')])).toEqual(['cue-lines']);
    expect(rules([cue(0, 5, 'a\nb\nc')], { maxLines: 3 })).toEqual([]);
  });

  it('cue-line-length: counts code points, not UTF-16 units, and not the line break', () => {
    const line42 = 'é'.repeat(40) + '🎬🎬'; // 42 code points, 44 UTF-16 units
    expect(codePointLength(line42)).toBe(42);
    expect(rules([cue(0, 6.9, line42)])).toEqual([]);
    const p = checkCaptions([cue(0, 6.9, 'ok\n' + line42 + 'x', 33)], 'c.vtt');
    // Located at the text line itself: the timing line is 33, the cue's text lines 34 and 35.
    expect(p).toMatchObject([{ rule: 'cue-line-length', line: 35, col: 1, severity: 'error', file: 'c.vtt', kind: 'captions' }]);
    expect(p[0]!.message).toMatch(/Line 2 .* 43 characters/);
  });

  it('cue-cps: characters per second, line breaks excluded', () => {
    // 34 characters + 1 line break in 2 s = 17 cps: allowed
    expect(rules([cue(0, 2, 'a'.repeat(17) + '\n' + 'b'.repeat(17))])).toEqual([]);
    const p = checkCaptions([cue(0, 2, 'a'.repeat(35))], 'c.vtt');
    expect(p.map((x) => [x.rule, x.severity])).toEqual([['cue-cps', 'warning']]);
    expect(rules([cue(0, 2, 'a'.repeat(35))], { maxCps: 20 })).toEqual([]);
  });

  it('cue-min-duration and cue-max-duration', () => {
    expect(rules([cue(0, 0.8, 'Oui.')])).toEqual(['cue-min-duration']);
    expect(rules([cue(0, 5 / 6, 'Oui.')])).toEqual([]);
    expect(rules([cue(0, 7.5, 'Un long silence.')])).toEqual(['cue-max-duration']);
    expect(rules([cue(0, 7, 'Un long silence.')])).toEqual([]);
  });

  it('cue-overlap: against the cue that ends last, and the minimum gap', () => {
    const a = cue(0, 5, 'Long.', 3);
    const b = cue(1, 2, 'Inside.', 6);
    const c = cue(3, 4, 'Still inside.', 9);
    const p = checkCaptions([a, b, c], 'c.vtt');
    expect(p.map((x) => [x.rule, x.line])).toEqual([
      ['cue-overlap', 6],
      ['cue-overlap', 9],
    ]);
    expect(p[1]!.message).toMatch(/line 3/);
    expect(rules([cue(0, 2, 'a'), cue(2, 4, 'b')])).toEqual([]);
    expect(rules([cue(0, 2, 'a'), cue(2.04, 4, 'b')], { minGap: 0.08 })).toEqual(['cue-overlap']);
    expect(rules([cue(0, 2, 'a'), cue(2.08, 4, 'b')], { minGap: 0.08 })).toEqual([]);
  });

  it('cue-empty', () => {
    expect(rules([cue(0, 2, '  ')])).toEqual(['cue-empty']);
  });

  it('nothing to check in an empty track (the parser reports track-empty)', () => {
    expect(rules([])).toEqual([]);
  });

  it('cue-leading-dash-list: a list, not a change of speaker', () => {
    expect(rules([cue(0, 3, '- Tu viens ?\n- Oui.')])).toEqual([]);
    expect(rules([cue(0, 3, 'Tu viens ?\n- Oui.')])).toEqual([]);
    expect(rules([cue(0, 3, '– Tu viens ?\n– Oui.')])).toEqual([]);
    expect(rules([cue(0, 3, 'Il fait -5 °C.\n-3 demain.')])).toEqual([]);
    expect(rules([cue(0, 3, '- des process')])).toEqual(['cue-leading-dash-list']);
    expect(rules([cue(0, 3, '- des process\net des réunions')])).toEqual(['cue-leading-dash-list']);
  });

  it('uses the cue source line', () => {
    const p = checkCaptions([cue(0, 0.5, 'x', 123)], 'c.vtt');
    expect(p[0]).toMatchObject({ line: 123, col: 1 });
  });
});

const ch = (id: string, start: number, end: number, title = id, line = 4): Chapter => ({ id, index: 0, title, start, end, line });
const crules = (c: Chapter[], d?: number, e?: number) => checkChapters(c, 'ch.vtt', d, e).map((p) => p.rule);

describe('checkChapters', () => {
  const good = [ch('intro', 0, 10, 'Intro', 4), ch('suite', 10, 20, 'Suite', 8)];

  it('passes contiguous chapters that cover the media', () => {
    expect(checkChapters(good, 'ch.vtt', 20.5, 19)).toEqual([]);
  });

  it('chapter-start', () => {
    expect(crules([ch('a', 1, 10)])).toEqual(['chapter-start']);
  });

  it('chapter-contiguous: gap and overlap, at the later chapter', () => {
    const p = checkChapters([ch('a', 0, 10, 'A', 4), ch('b', 11, 20, 'B', 8), ch('c', 19, 30, 'C', 12)], 'ch.vtt');
    expect(p.map((x) => [x.rule, x.line])).toEqual([
      ['chapter-contiguous', 8],
      ['chapter-contiguous', 12],
    ]);
    expect(p[0]!.message).toMatch(/Gap/);
    expect(p[1]!.message).toMatch(/overlaps/);
  });

  it('chapter-id-unique and chapter-id-slug', () => {
    expect(crules([ch('a', 0, 10, 'A', 4), ch('a', 10, 20, 'B', 8)])).toEqual(['chapter-id-unique']);
    expect(crules([ch('Not A Slug', 0, 10)])).toEqual(['chapter-id-slug']);
  });

  it('chapter-empty-title', () => {
    expect(crules([ch('a', 0, 10, ' ')])).toEqual(['chapter-empty-title']);
  });

  it('chapter-cover: media duration within 1 s, and not ending before the captions', () => {
    expect(crules(good, 21.5)).toEqual(['chapter-cover']);
    expect(crules(good, 18.5)).toEqual(['chapter-cover']);
    expect(crules(good, 21)).toEqual([]);
    expect(crules(good, undefined, 25)).toEqual(['chapter-cover']);
    expect(crules(good, undefined, 21)).toEqual([]);
  });

  it('nothing to check in an empty chapter track (the parser reports track-empty)', () => {
    expect(crules([])).toEqual([]);
  });
});
