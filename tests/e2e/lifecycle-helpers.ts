/**
 * What a page keeps of a component after it is gone, measured the way a browser's own tools see it:
 *
 * - `globalListeners`: every event listener on `window` and `document`, through the Chrome DevTools Protocol
 *   (`DOMDebugger.getEventListeners`), so listeners added by any code (ours, Vidstack's, Lit's) count.
 * - `expectCollected`: a `WeakRef` the page keeps to a removed element clears once V8 collects garbage
 *   (`HeapProfiler.collectGarbage`, a full GC, no launch flag needed), polled over a few GC rounds: whatever is
 *   still reachable from a listener, a timer, a frame callback or a pending promise keeps it.
 *
 * And the page-side probes the lifecycle specs share (a player's video, its strings), in plain DOM.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface GlobalListener {
  target: 'window' | 'document';
  type: string;
  /** The handler's source text, shortened: says whose listener it is when a count is off. */
  handler: string;
}

async function withCdp<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    // Detaching releases every remote object the session made (window, document, the handlers), so the probe
    // itself keeps nothing alive.
    await cdp.detach();
  }
}

/**
 * Playwright's injected script (in its own world, the first time a locator is used) listens on `window` for its
 * hit-target checks: the test tool's, not the page's.
 */
function isPlaywrightListener(type: string, handler: string): boolean {
  return type.startsWith('__playwright') || handler.includes('_hitTargetInterceptor');
}

/** Every listener on `window` and `document` (Playwright's own aside), sorted by target and type. */
export function globalListeners(page: Page): Promise<GlobalListener[]> {
  return withCdp(page, async (cdp) => {
    const found: GlobalListener[] = [];
    for (const target of ['window', 'document'] as const) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target, objectGroup: 'lifecycle-probe' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const listener of listeners) {
        if (isPlaywrightListener(listener.type, listener.handler?.description ?? '')) continue;
        const handler = (listener.handler?.description ?? '').replace(/\s+/g, ' ').slice(0, 80);
        found.push({ target, type: listener.type, handler });
      }
    }
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'lifecycle-probe' });
    return found.sort((a, b) => `${a.target}:${a.type}`.localeCompare(`${b.target}:${b.type}`));
  });
}

/** `target:type` of each listener, for comparing counts (the handlers' text stays in the failure message). */
export const listenerKeys = (listeners: GlobalListener[]) => listeners.map((l) => `${l.target}:${l.type}`);

/**
 * The listeners present now that were not in `before` (as a multiset: a second `pagehide` listener counts).
 * Empty when the page is back to where it was.
 */
export function addedListeners(before: GlobalListener[], now: GlobalListener[]): GlobalListener[] {
  const left = listenerKeys(before);
  return now.filter((listener) => {
    const i = left.indexOf(`${listener.target}:${listener.type}`);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Waits until the window/document listeners are back to `before`; the message lists what stayed. */
export async function expectListenersReleased(page: Page, before: GlobalListener[], what: string): Promise<void> {
  let added: GlobalListener[] = [];
  await expect
    .poll(
      async () => {
        added = addedListeners(before, await globalListeners(page));
        return added.map((l) => `${l.target}:${l.type} ${l.handler}`);
      },
      { message: `listeners ${what} left on window/document` },
    )
    .toEqual([]);
}

/**
 * Asserts that the object behind `window.__lifecycleRefs[name]` (a WeakRef the page made) is collected: runs a
 * full garbage collection, then looks, a few rounds over (a pending task or frame may release it just after).
 */
export async function expectCollected(page: Page, name: string): Promise<void> {
  await withCdp(page, async (cdp) => {
    await expect
      .poll(
        async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return page.evaluate((name) => {
            const refs = (window as unknown as { __lifecycleRefs: Record<string, WeakRef<object>> }).__lifecycleRefs;
            return refs[name]!.deref() === undefined;
          }, name);
        },
        { message: `${name} is collected after it was removed`, intervals: [100, 250, 500, 1000] },
      )
      .toBe(true);
  });
}

/** Keeps a WeakRef, under `name`, to the page's element matching `selector`, for `expectCollected`. */
export async function keepWeakRef(page: Page, name: string, selector: string): Promise<void> {
  await page.evaluate(
    ({ name, selector }) => {
      const holder = window as unknown as { __lifecycleRefs?: Record<string, WeakRef<object>> };
      (holder.__lifecycleRefs ??= {})[name] = new WeakRef(document.querySelector(selector)!);
    },
    { name, selector },
  );
}
