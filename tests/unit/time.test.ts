import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime, formatVttTime, parseTime } from '../../src/core/time.ts';

describe('parseTime', () => {
  it.each([
    ['90', 90],
    ['90.5', 90.5],
    ['1:30', 90],
    ['01:30', 90],
    ['1:02:03', 3723],
    ['1:02:03.5', 3723.5],
    ['1m30s', 90],
    ['1h2m3s', 3723],
    ['45s', 45],
    ['2m', 120],
    ['1h', 3600],
    ['npt:90', 90],
    [' 1:30 ', 90],
    ['0', 0],
  ])('reads %j as %d s', (raw, seconds) => {
    expect(parseTime(raw)).toBe(seconds);
  });

  it.each(['', ' ', 'abc', '-5', '1:60', '1:75:00', '1::2', 'Infinity', 'NaN', '1e5', 'x'.repeat(40), '1:2:3:4', '12345678'])(
    'rejects %j',
    (raw) => {
      expect(parseTime(raw)).toBeUndefined();
    },
  );

  it('rejects non-strings without throwing', () => {
    expect(parseTime(undefined as unknown as string)).toBeUndefined();
  });
});

describe('formatTime', () => {
  it.each([
    [0, '0:00'],
    [5.9, '0:05'],
    [75, '1:15'],
    [600, '10:00'],
    [3725, '1:02:05'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
  ])('formats %d as %s', (seconds, text) => {
    expect(formatTime(seconds)).toBe(text);
  });

  it('round-trips with parseTime for whole seconds', () => {
    for (const s of [0, 59, 60, 61, 3599, 3600, 10_799]) expect(parseTime(formatTime(s))).toBe(s);
  });
});

describe('formatDuration', () => {
  it('spells units for screen readers', () => {
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(0)).toBe('0 s');
  });
});

describe('formatVttTime', () => {
  it('writes WebVTT timestamps', () => {
    expect(formatVttTime(0)).toBe('00:00.000');
    expect(formatVttTime(3725.5)).toBe('1:02:05.500');
  });
});
