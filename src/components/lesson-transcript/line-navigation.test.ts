import { describe, expect, it } from 'vitest';
import { lineIndexForKey, PAGE_LINES } from './line-navigation.ts';

describe('lineIndexForKey', () => {
  it('moves one line with the arrows', () => {
    expect(lineIndexForKey('ArrowDown', 3, 10)).toBe(4);
    expect(lineIndexForKey('ArrowUp', 3, 10)).toBe(2);
  });
  it('stops at the ends rather than wrapping', () => {
    expect(lineIndexForKey('ArrowDown', 9, 10)).toBe(9);
    expect(lineIndexForKey('ArrowUp', 0, 10)).toBe(0);
  });
  it('goes to the first and last lines with Home and End', () => {
    expect(lineIndexForKey('Home', 5, 10)).toBe(0);
    expect(lineIndexForKey('End', 5, 10)).toBe(9);
  });
  it('moves a page of lines, clamped', () => {
    expect(lineIndexForKey('PageDown', 5, 100)).toBe(5 + PAGE_LINES);
    expect(lineIndexForKey('PageUp', 25, 100)).toBe(25 - PAGE_LINES);
    expect(lineIndexForKey('PageDown', 95, 100)).toBe(99);
    expect(lineIndexForKey('PageUp', 3, 100)).toBe(0);
  });
  it('ignores other keys and empty lists', () => {
    expect(lineIndexForKey('a', 3, 10)).toBeNull();
    expect(lineIndexForKey('Enter', 3, 10)).toBeNull();
    expect(lineIndexForKey('ArrowDown', 0, 0)).toBeNull();
  });
  it('starts from a valid line when the current one is out of range', () => {
    expect(lineIndexForKey('ArrowDown', -1, 10)).toBe(1);
    expect(lineIndexForKey('ArrowUp', 50, 10)).toBe(8);
  });
});
