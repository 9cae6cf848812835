import { describe, expect, it } from 'vitest';
import { linkTarget, parseDeepLink, parseTimeRange, passageFragment, timeFragment } from '../../src/core/deep-link.ts';

describe('parseDeepLink', () => {
  it.each([
    ['#t=90', 90],
    ['#t=1:30', 90],
    ['#t=1m30s', 90],
    ['t=45', 45],
    ['?t=45', 45],
  ])('reads the time in %j', (fragment, time) => {
    expect(parseDeepLink(fragment)).toEqual({ time, warnings: [] });
  });

  it.each([
    ['#t=83,88', 83, 88],
    ['#t=npt:83,88.5', 83, 88.5],
    ['#t=1:23,1:28', 83, 88],
    ['#t=npt:0:01:23,0:01:28', 83, 88],
    ['#t=1m23s,1m28s', 83, 88],
    ['#t=,20', 0, 20],
    ['?t=83%2C88', 83, 88],
  ])('reads the passage in %j', (fragment, time, end) => {
    expect(parseDeepLink(fragment)).toEqual({ time, end, warnings: [] });
  });

  it('reads a start with an empty end as a moment', () => {
    expect(parseDeepLink('#t=83,')).toEqual({ time: 83, warnings: [] });
  });

  it.each(['#t=88,83', '#t=83,83', '#t=83,abc', '#t=1,2,3', '#t=,', '#t=abc,90'])('ignores the range %j with a warning', (fragment) => {
    const link = parseDeepLink(fragment);
    expect(link.time).toBeUndefined();
    expect(link.end).toBeUndefined();
    expect(link.warnings).toHaveLength(1);
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

describe('parseTimeRange', () => {
  it('reads the forms of the start attribute', () => {
    expect(parseTimeRange('90')).toEqual({ start: 90 });
    expect(parseTimeRange(' 1:23,1:28 ')).toEqual({ start: 83, end: 88 });
    expect(parseTimeRange('88,83')).toMatch(/ends before it starts/);
  });
});

describe('passageFragment', () => {
  it('writes a passage as Media Fragments do', () => {
    expect(passageFragment(83.2, 88)).toBe('t=83,88');
    expect(passageFragment(83.2, 88.01)).toBe('t=83,88.1');
  });
  it('never ends at or before its start', () => {
    expect(passageFragment(83.7, 83.05)).toBe('t=83,83.1');
  });
});

describe('timeFragment', () => {
  it('writes whole seconds', () => {
    expect(timeFragment(131.7)).toBe('t=131');
  });
});

describe('linkTarget', () => {
  const chapters = [
    { id: 'intro', start: 0 },
    { id: 'suite', start: 42 },
  ];
  it('sends a known chapter to its start, over a time', () => {
    expect(linkTarget('#chapter=suite&t=10', chapters)).toEqual({ target: { time: 42 }, warnings: [] });
  });
  it('falls back to the time when the chapter is unknown, and says so', () => {
    expect(linkTarget('#chapter=absent&t=10', chapters)).toEqual({ target: { time: 10, end: undefined }, warnings: ['no chapter "absent" in this lesson'] });
  });
  it('keeps a passage’s end, and has no target for a fragment without one', () => {
    expect(linkTarget('#t=83,88', chapters).target).toEqual({ time: 83, end: 88 });
    expect(linkTarget('#other', chapters).target).toBeNull();
  });
});
