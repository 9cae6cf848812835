import { describe, expect, it } from 'vitest';
import { findMatches } from '../../core/search.ts';
import { firstMatchFrom, matchCueTimes, searchStatusText, stepMatch } from './search-navigation.ts';

const strings = { searchNone: 'Aucun résultat', searchCount: (i: number, n: number) => `${i} sur ${n}` };

describe('stepMatch', () => {
  it('moves forward and back', () => {
    expect(stepMatch(1, 5, 1)).toBe(2);
    expect(stepMatch(1, 5, -1)).toBe(0);
  });
  it('wraps around at both ends', () => {
    expect(stepMatch(4, 5, 1)).toBe(0);
    expect(stepMatch(0, 5, -1)).toBe(4);
  });
  it('starts at the first or last match without a current one', () => {
    expect(stepMatch(-1, 5, 1)).toBe(0);
    expect(stepMatch(-1, 5, -1)).toBe(4);
  });
  it('has nowhere to go without matches', () => {
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });
});

describe('firstMatchFrom', () => {
  const matches = findMatches(['la sécurité', 'rien', 'sécuritaire', 'securitaire encore'], 'securit');
  it('picks the first match in or after the spoken line', () => {
    expect(firstMatchFrom(matches, 1)).toBe(1);
    expect(firstMatchFrom(matches, 3)).toBe(2);
  });
  it('falls back to the first match when all lie before', () => {
    expect(firstMatchFrom(matches, 10)).toBe(0);
  });
  it('is -1 without matches', () => {
    expect(firstMatchFrom([], 0)).toBe(-1);
  });
});

describe('matchCueTimes', () => {
  it('gives one mark per cue holding matches', () => {
    const matches = findMatches(['a a', 'b', 'a'], 'a');
    expect(matches).toHaveLength(3);
    expect(matchCueTimes(matches, [0, 4.5, 9])).toEqual([0, 9]);
  });
});

describe('searchStatusText', () => {
  it('says nothing without a query', () => {
    expect(searchStatusText('  ', -1, 0, strings)).toBe('');
  });
  it('says when nothing matches', () => {
    expect(searchStatusText('zzz', -1, 0, strings)).toBe('Aucun résultat');
  });
  it('gives the position among the matches, from 1', () => {
    expect(searchStatusText('a', 0, 3, strings)).toBe('1 sur 3');
    expect(searchStatusText('a', 2, 3, strings)).toBe('3 sur 3');
  });
});
