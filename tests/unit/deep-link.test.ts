import { describe, expect, it } from 'vitest';
import { parseDeepLink, timeFragment } from '../../src/core/deep-link.ts';

describe('parseDeepLink', () => {
  it.each([
    ['#t=90', 90],
    ['#t=1:30', 90],
    ['#t=1m30s', 90],
    ['#t=npt:90,100', 90],
    ['t=45', 45],
    ['?t=45', 45],
  ])('reads the time in %j', (fragment, time) => {
    expect(parseDeepLink(fragment)).toEqual({ time, warnings: [] });
  });

  it('reads a chapter and a time together', () => {
    expect(parseDeepLink('#chapter=la-crise-politique&t=3')).toEqual({ chapter: 'la-crise-politique', time: 3, warnings: [] });
  });

  it.each([
    '#t=abc',
    '#t=-1',
    '#t=%E0%A4%A',
    '#chapter=<img src=x onerror=alert(1)>',
    '#chapter=..%2F..%2Fetc',
    '#chapter=',
  ])('ignores %j with a warning', (fragment) => {
    const link = parseDeepLink(fragment);
    expect(link.time).toBeUndefined();
    expect(link.chapter).toBeUndefined();
    expect(link.warnings).toHaveLength(1);
  });

  it('ignores unknown keys and empty fragments silently', () => {
    expect(parseDeepLink('#foo=bar')).toEqual({ warnings: [] });
    expect(parseDeepLink('')).toEqual({ warnings: [] });
    expect(parseDeepLink('#')).toEqual({ warnings: [] });
  });

  it('refuses an over-long fragment', () => {
    expect(parseDeepLink('#t=' + '1'.repeat(1000)).warnings[0]).toMatch(/longer than/);
  });
});

describe('timeFragment', () => {
  it('writes whole seconds', () => {
    expect(timeFragment(131.7)).toBe('t=131');
  });
});
