import { afterEach, describe, expect, it, vi } from 'vitest';
import { findMatches } from '../../core/search.ts';
import { DelayedCall, firstMatchFrom, matchCueTimes, matchesInLines, searchStatusText, SearchSession, stepMatch } from './search-navigation.ts';

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

describe('matchesInLines', () => {
  const matches = findMatches(['a', 'b a', 'a a', 'c', 'a'], 'a');
  it('finds the matches of a range of lines', () => {
    expect(matchesInLines(matches, 1, 3)).toEqual({ from: 1, to: 4 });
    expect(matches.slice(1, 4).map((m) => m.item)).toEqual([1, 2, 2]);
  });
  it('is empty for lines without a match', () => {
    const { from, to } = matchesInLines(matches, 3, 4);
    expect(to - from).toBe(0);
  });
  it('covers everything from the first line to past the last', () => {
    expect(matchesInLines(matches, 0, 5)).toEqual({ from: 0, to: matches.length });
  });
  it('finds them by reading position when other items stand between the lines', () => {
    // Items 0–2 are lines; item 3 is read between lines 1 and 2.
    const mixed = [
      { item: 0, start: 0, length: 1 },
      { item: 1, start: 0, length: 1 },
      { item: 3, start: 0, length: 1 },
      { item: 2, start: 0, length: 1 },
    ];
    const positionOf = (item: number) => (item === 3 ? 1.5 : item);
    expect(matchesInLines(mixed, 2, 3, positionOf)).toEqual({ from: 3, to: 4 });
    expect(matchesInLines(mixed, 1, 2, positionOf)).toEqual({ from: 1, to: 3 });
  });
});

describe('SearchSession', () => {
  const texts = ['Sécurité du site', 'rien ici', 'la securite', 'encore', 'SÉCURITÉ'];
  it('finds matches over the whole text, accents and case aside, starting from the spoken line', () => {
    const search = new SearchSession();
    search.find('securite', texts, 1);
    expect(search.matches.map((m) => m.item)).toEqual([0, 2, 4]);
    expect(search.currentMatch?.item).toBe(2);
    expect(search.status(strings)).toBe('2 sur 3');
  });
  it('starts from the first line without a spoken line', () => {
    const search = new SearchSession();
    search.find('securite', texts, -1);
    expect(search.current).toBe(0);
  });
  it('shows the current match on the first Enter, then moves on and wraps', () => {
    const search = new SearchSession();
    search.find('securite', texts, 3);
    expect(search.current).toBe(2);
    expect(search.step(1, true)).toBe(true);
    expect(search.current).toBe(2);
    search.step(1, true);
    expect(search.current).toBe(0);
    search.step(-1);
    expect(search.current).toBe(2);
  });
  it('moves on at once with the buttons, and from the current match again after the lines are rebuilt', () => {
    const search = new SearchSession();
    search.find('securite', texts, 0);
    search.step(1);
    expect(search.current).toBe(1);
    search.forgetVisit();
    search.step(1, true);
    expect(search.current).toBe(1);
  });
  it('has nowhere to go without a match, and says so', () => {
    const search = new SearchSession();
    search.find('absent', texts, 0);
    expect(search.step(1)).toBe(false);
    expect([search.current, search.status(strings)]).toEqual([-1, 'Aucun résultat']);
  });
  it('puts the matches of items read between lines in reading order, and starts from the spoken line', () => {
    // Items 0–4 are the lines above; item 5 (a description) is read before line 2.
    const search = new SearchSession();
    search.find('securite', [...texts, 'Diapositive : sécurité'], 2, (item) => (item === 5 ? 1.5 : item));
    expect(search.matches.map((m) => m.item)).toEqual([0, 5, 2, 4]);
    expect(search.currentMatch?.item).toBe(2);
    search.step(-1);
    expect(search.currentMatch?.item).toBe(5);
    expect(search.positionOf(5)).toBe(1.5);
  });
  it('forgets everything when cleared', () => {
    const search = new SearchSession();
    search.find('securite', texts, 0);
    search.clear();
    expect([search.query, search.matches.length, search.current, search.currentMatch, search.status(strings)]).toEqual(['', 0, -1, undefined, '']);
  });
});

describe('DelayedCall', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it('calls once the delay has passed since the last request, not before', () => {
    vi.useFakeTimers();
    const delayed = new DelayedCall(500);
    const calls: string[] = [];
    delayed.schedule(() => calls.push('s'));
    vi.advanceTimersByTime(400);
    delayed.schedule(() => calls.push('se'));
    vi.advanceTimersByTime(499);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['se']);
  });
  it('calls nothing once cancelled', () => {
    vi.useFakeTimers();
    const delayed = new DelayedCall(500);
    let called = false;
    delayed.schedule(() => (called = true));
    delayed.cancel();
    vi.advanceTimersByTime(1000);
    expect(called).toBe(false);
  });
});
