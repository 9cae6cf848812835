// The slider's fill written per pixel, in Node: elements are stand-ins with an inline style, and ResizeObserver a
// stand-in the test answers (its callback is what a browser calls when an element's size changes or it is removed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Entry = { target: Element; contentRect: { width: number } };
let report: (entries: Entry[]) => void;
const observed = new Set<Element>();

beforeEach(() => {
  vi.resetModules();
  observed.clear();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: (entries: Entry[]) => void) {
        report = callback;
      }
      observe(target: Element) {
        observed.add(target);
      }
      unobserve(target: Element) {
        observed.delete(target);
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

function fakeElement() {
  const writes: string[] = [];
  const element = { isConnected: true, style: { setProperty: (name: string, value: string) => writes.push(`${name}=${value}`) } };
  return { element: element as unknown as HTMLElement & { isConnected: boolean }, writes };
}

describe('setPercentVar', () => {
  it('writes every value until the width is known, then only a value on another whole pixel', async () => {
    const { setPercentVar } = await import('./slider-pixels.ts');
    const { element, writes } = fakeElement();
    setPercentVar(element, '--slider-fill', 10.001);
    setPercentVar(element, '--slider-fill', 10.002);
    expect(writes).toEqual(['--slider-fill=10.001%', '--slider-fill=10.002%']);
    report([{ target: element, contentRect: { width: 1000 } }]);
    writes.length = 0;
    // 1000 px: 10.002 % is pixel 100, as are 10.04 % and 9.96 %; 10.06 % is pixel 101.
    for (const percent of [10.002, 10.04, 9.96, 10.06, 10.07]) setPercentVar(element, '--slider-fill', percent);
    expect(writes).toEqual(['--slider-fill=10.002%', '--slider-fill=10.06%']);
  });

  it('keeps each property apart, writes 0 % and 100 % exactly, and starts again at a new width', async () => {
    const { setPercentVar } = await import('./slider-pixels.ts');
    const { element, writes } = fakeElement();
    setPercentVar(element, '--slider-fill', 50);
    report([{ target: element, contentRect: { width: 400 } }]);
    writes.length = 0;
    setPercentVar(element, '--slider-fill', 50.01);
    setPercentVar(element, '--slider-pointer', 50.01);
    setPercentVar(element, '--slider-fill', 50.02);
    setPercentVar(element, '--slider-fill', 100);
    setPercentVar(element, '--slider-fill', 100);
    setPercentVar(element, '--slider-fill', 0);
    expect(writes).toEqual(['--slider-fill=50.01%', '--slider-pointer=50.01%', '--slider-fill=100%', '--slider-fill=0%']);
    writes.length = 0;
    report([{ target: element, contentRect: { width: 800 } }]);
    setPercentVar(element, '--slider-fill', 0.2);
    setPercentVar(element, '--slider-fill', 0.2);
    expect(writes).toEqual(['--slider-fill=0.2%']);
  });

  it('stops watching an element removed from its document, and watches it again when it is written to after', async () => {
    const { setPercentVar } = await import('./slider-pixels.ts');
    const { element, writes } = fakeElement();
    setPercentVar(element, '--chapter-fill', 5);
    expect(observed.has(element)).toBe(true);
    element.isConnected = false;
    report([{ target: element, contentRect: { width: 0 } }]);
    expect(observed.has(element)).toBe(false);
    element.isConnected = true;
    setPercentVar(element, '--chapter-fill', 5.001);
    expect(observed.has(element)).toBe(true);
    expect(writes).toEqual(['--chapter-fill=5%', '--chapter-fill=5.001%']);
    setPercentVar(null, '--chapter-fill', 1);
  });
});
