import { describe, expect, it } from 'vitest';
import { checkDescriptions } from '../../src/core/description-norms.ts';
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
});
