import { describe, expect, it } from 'vitest';
import { checkDescriptions, nextSpeechStart, spokenLength } from '../../src/core/description-norms.ts';
import type { Cue } from '../../src/core/types.ts';

const cue = (start: number, end: number, text: string, line = 3): Cue => ({ id: 'c', index: 0, start, end, text, nodes: [], line });

describe('checkDescriptions', () => {
  it('accepts a description that fits its time at 15 characters per second', () => {
    expect(checkDescriptions([cue(0, 2, 'x'.repeat(30))], 'd.vtt')).toEqual([]);
  });

  it('says a description needs extended description, at its text line, with the numbers', () => {
    const p = checkDescriptions([cue(0, 2, 'x'.repeat(31), 7)], 'd.vtt');
    expect(p).toMatchObject([{ rule: 'description-extended', severity: 'warning', line: 8, col: 1 }]);
    expect(p[0]!.message).toMatch(/^Needs extended description: 31 characters take 2\.07 s .* 15 characters per second.* 2 s/);
  });

  it('takes the speaking rate as a threshold, and counts the time until the next description', () => {
    expect(checkDescriptions([cue(0, 2, 'x'.repeat(31))], 'd.vtt', { descriptionCps: 20 })).toEqual([]);
    const p = checkDescriptions([cue(0, 10, 'x'.repeat(30)), cue(1, 20, 'ok', 7)], 'd.vtt');
    expect(p.map((q) => [q.rule, q.line])).toEqual([
      ['description-extended', 4],
      ['description-overlap', 7],
    ]);
  });

  it('counts the time until the next speech cue, one starting with the description included', () => {
    const speech = [cue(0, 1, 'before'), cue(3, 5, 'after')];
    // 30 characters take 2 s: they fit the 3 s before speech at 3 s, not the 1 s before speech at 1 s
    expect(checkDescriptions([cue(0, 10, 'x'.repeat(30))], 'd.vtt', {}, [cue(3, 5, 'after')])).toEqual([]);
    const late = checkDescriptions([cue(2, 10, 'x'.repeat(30))], 'd.vtt', {}, speech);
    expect(late.map((q) => q.rule)).toEqual(['description-extended']);
    expect(late[0]!.message).toMatch(/has 1 s\.$/);
    const same = checkDescriptions([cue(3, 10, 'x')], 'd.vtt', {}, speech);
    expect(same[0]!.message).toMatch(/has 0 s\.$/);
  });
});

describe('nextSpeechStart and spokenLength', () => {
  it('finds the first speech at or after a time, and counts code points without line breaks', () => {
    const speech = [cue(0, 1, 'a'), cue(3, 5, 'b')];
    expect(nextSpeechStart(speech, 0)).toBe(0);
    expect(nextSpeechStart(speech, 0.5)).toBe(3);
    expect(nextSpeechStart(speech, 3.5)).toBeUndefined();
    expect(spokenLength('é🙂\nab')).toBe(4);
  });
});
