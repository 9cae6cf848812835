import { describe, expect, it } from 'vitest';
import { createVisibilityWatch, QUIET_FRAMES, type VisibilityWatchEnvironment } from './visibility-watch.ts';

/** A fake browser: frames run when the test says, observers are callbacks the test calls. */
function fakeEnvironment() {
  let frames: (() => void)[] = [];
  const observed = { mutations: new Map<unknown, () => void>(), events: new Map<unknown, () => void>(), sizes: new Map<unknown, () => void>() };
  const env: VisibilityWatchEnvironment = {
    requestFrame: (callback) => frames.push(callback),
    observeMutations: (root, onChange) => (observed.mutations.set(root, onChange), () => observed.mutations.delete(root)),
    listen: (root, onEvent) => (observed.events.set(root, onEvent), () => observed.events.delete(root)),
    observeSize: (element, onChange) => (observed.sizes.set(element, onChange), () => observed.sizes.delete(element)),
  };
  /** Runs the frames asked for, one at a time, up to `max`; returns how many ran. */
  const runFrames = (max = 1000) => {
    let ran = 0;
    while (frames.length && ran < max) {
      const due = frames;
      frames = [];
      due.forEach((frame) => frame());
      ran++;
    }
    return ran;
  };
  return { env, observed, runFrames, pending: () => frames.length };
}

/** An element in a shadow root hosted in a document: the roots its visibility depends on. */
function elementInShadowRoot() {
  const document = { getRootNode: () => document };
  const host = { getRootNode: () => document };
  const shadowRoot = { host };
  const element = { getRootNode: () => shadowRoot } as unknown as Element;
  return { document, shadowRoot, element };
}

describe('visibility watch', () => {
  it('reports the first value, checks for a few frames, then asks for no frame until something changes', () => {
    const { env, runFrames, pending } = fakeEnvironment();
    const observe = createVisibilityWatch(env);
    const { element } = elementInShadowRoot();
    const reported: boolean[] = [];
    let visible = true;
    observe(element, (v) => reported.push(v), () => visible);
    // The frame that reports, then QUIET_FRAMES frames with no change.
    expect(runFrames()).toBe(1 + QUIET_FRAMES);
    expect(reported).toEqual([true]);
    expect(pending()).toBe(0);
    // Nothing woke it: a change in the page's style alone is not seen until something in its trees moves.
    visible = false;
    expect(runFrames()).toBe(0);
    expect(reported).toEqual([true]);
  });

  it('wakes on a mutation or a settling event in any of its roots, and on a size change; reports only changes', () => {
    const { env, observed, runFrames } = fakeEnvironment();
    const observe = createVisibilityWatch(env);
    const { element, shadowRoot, document } = elementInShadowRoot();
    const reported: boolean[] = [];
    let visible = true;
    observe(element, (v) => reported.push(v), () => visible);
    runFrames();
    expect([...observed.mutations.keys()]).toEqual([shadowRoot, document]);
    visible = false;
    observed.mutations.get(shadowRoot)!();
    runFrames();
    expect(reported).toEqual([true, false]);
    visible = true;
    observed.events.get(document)!();
    runFrames();
    observed.sizes.get(element)!();
    expect(runFrames()).toBe(QUIET_FRAMES);
    expect(reported).toEqual([true, false, true]);
  });

  it('keeps checking while the value keeps changing, QUIET_FRAMES frames past the last change', () => {
    const { env, observed, runFrames } = fakeEnvironment();
    const observe = createVisibilityWatch(env);
    const { element, shadowRoot } = elementInShadowRoot();
    let frame = 0;
    observe(element, () => {}, () => ++frame <= 25 && frame % 2 === 0);
    observed.mutations.get(shadowRoot)!();
    expect(runFrames()).toBe(25 + QUIET_FRAMES);
  });

  it('one failing check or callback does not stop the others; a disposed watch releases its observers', () => {
    const { env, observed, runFrames, pending } = fakeEnvironment();
    const observe = createVisibilityWatch(env);
    const a = elementInShadowRoot();
    const b = { element: { getRootNode: () => a.shadowRoot } as unknown as Element };
    const reported: boolean[] = [];
    const stopA = observe(a.element, () => { throw new Error('job'); }, () => true);
    const stopB = observe(b.element, (v) => reported.push(v), () => true);
    const stopBroken = observe(b.element, () => {}, () => { throw new Error('check'); });
    runFrames();
    expect(reported).toEqual([true]);
    stopA();
    stopA();
    expect(observed.mutations.size).toBe(2);
    stopB();
    stopBroken();
    expect(observed.mutations.size).toBe(0);
    expect(observed.events.size).toBe(0);
    expect(observed.sizes.size).toBe(0);
    expect(pending()).toBe(0);
  });
});
