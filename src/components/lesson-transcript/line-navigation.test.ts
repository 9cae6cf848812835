import { describe, expect, it } from 'vitest';
import { lineIndexForKey, lineKeyAction, PAGE_LINES, type KeyPress } from './line-navigation.ts';

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

describe('lineKeyAction', () => {
  const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  it('seeks with Enter and Space', () => {
    expect(lineKeyAction(press('Enter'), 3, 10)).toEqual({ kind: 'activate' });
    expect(lineKeyAction(press(' '), 3, 10)).toEqual({ kind: 'activate' });
  });
  it('copies with C and adds a note with N, either case, not with Shift', () => {
    expect(lineKeyAction(press('c'), 3, 10)).toEqual({ kind: 'copy' });
    expect(lineKeyAction(press('C'), 3, 10)).toEqual({ kind: 'copy' });
    expect(lineKeyAction(press('n'), 3, 10)).toEqual({ kind: 'note' });
    expect(lineKeyAction(press('N', { shiftKey: true }), 3, 10)).toBeNull();
  });
  it('moves between lines with the navigation keys, stopping at the ends', () => {
    expect(lineKeyAction(press('ArrowDown'), 3, 10)).toEqual({ kind: 'move', to: 4 });
    expect(lineKeyAction(press('End'), 3, 10)).toEqual({ kind: 'move', to: 9 });
    expect(lineKeyAction(press('ArrowUp'), 0, 10)).toEqual({ kind: 'move', to: 0 });
  });
  it('extends the selection of lines with Shift and a move, and leaves other keys alone', () => {
    expect(lineKeyAction(press('ArrowDown', { shiftKey: true }), 3, 10)).toEqual({ kind: 'extend', to: 4 });
    expect(lineKeyAction(press('ArrowUp', { shiftKey: true }), 3, 10)).toEqual({ kind: 'extend', to: 2 });
    expect(lineKeyAction(press('End', { shiftKey: true }), 3, 10)).toEqual({ kind: 'extend', to: 9 });
    expect(lineKeyAction(press('x'), 3, 10)).toBeNull();
    expect(lineKeyAction(press('X', { shiftKey: true }), 3, 10)).toBeNull();
  });
  it('leaves keys with Alt, Ctrl or Meta to the browser, noting those that scroll', () => {
    expect(lineKeyAction(press('c', { ctrlKey: true }), 3, 10)).toBeNull();
    expect(lineKeyAction(press('ArrowDown', { altKey: true }), 3, 10)).toEqual({ kind: 'scroll' });
    expect(lineKeyAction(press('End', { metaKey: true }), 3, 10)).toEqual({ kind: 'scroll' });
  });
  it('away from a line (a copy button), only notes the keys that scroll', () => {
    expect(lineKeyAction(press('PageDown'), -1, 10)).toEqual({ kind: 'scroll' });
    expect(lineKeyAction(press('Enter'), -1, 10)).toBeNull();
    expect(lineKeyAction(press('n'), -1, 10)).toBeNull();
  });
});
