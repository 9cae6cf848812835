/**
 * Tells Vidstack's sliders and time displays whether they are visible, checking only when it may have changed.
 *
 * Vidstack asks the question at every animation frame for as long as the page lives: its `observeVisibility` runs
 * `checkVisibility()` on each slider and time display from a requestAnimationFrame loop that its module starts on
 * import and never stops. A paused lesson thus kept Chromium busy drawing frames, a learner's battery with it
 * (`npm run bench -- --only idle`: 0.55 s of processor time every 4 s on an idle 2-core machine, 0.14 s with this).
 * The build (vite.vidstack-visibility.ts) makes Vidstack's `observeVisibility` call this instead.
 *
 * An element's visibility changes when something changes in its tree or around it: an attribute or a child (Vidstack
 * shows and hides its controls by attributes), a transition or an animation ending (a fade to opacity 0), its size
 * (`display: none`). Each of these wakes the check, which then runs at each frame until QUIET_FRAMES frames in a row
 * changed nothing. While the video plays, Vidstack's attributes change at every frame, so the check runs as before.
 * It knows Vidstack's function's shape but does not import vidstack.
 */

/** The browser parts used, given by the caller so that the logic runs in Node under test. */
export interface VisibilityWatchEnvironment {
  requestFrame(callback: () => void): unknown;
  observeMutations(root: Node, onChange: () => void): () => void;
  observeSize(element: Element, onChange: () => void): () => void;
  /** Listens on `root` for the events that end a visual change (transitions, animations). */
  listen(root: Node, onEvent: () => void): () => void;
}

/** Frames checked after the last change or wake: covers Vidstack's attribute-then-style steps. */
export const QUIET_FRAMES = 10;

const SETTLING_EVENTS = ['transitionrun', 'transitionend', 'transitioncancel', 'animationstart', 'animationend', 'animationcancel'];

interface Watch {
  element: Element;
  check: (element: Element) => boolean;
  callback: (visible: boolean) => void;
  last?: boolean;
  stopSize: () => void;
}

/** The roots an element's visibility depends on: its own tree, then each shadow host's tree up to the document. */
function rootsOf(element: Element): Node[] {
  const roots: Node[] = [];
  for (let root = element.getRootNode(); ; ) {
    roots.push(root);
    const host = (root as ShadowRoot).host;
    if (!host) return roots;
    root = host.getRootNode();
  }
}

export function createVisibilityWatch(env: VisibilityWatchEnvironment) {
  const watches = new Set<Watch>();
  /** Per root node: how many watches depend on it, and how to stop listening to it. */
  const roots = new Map<Node, { users: number; stop: () => void }>();
  let scheduled = false;
  let quietFrames = 0;

  const tick = () => {
    scheduled = false;
    let changed = false;
    for (const watch of watches) {
      let visible: boolean;
      try {
        visible = watch.check(watch.element);
      } catch {
        continue;
      }
      if (visible === watch.last) continue;
      watch.last = visible;
      changed = true;
      try {
        watch.callback(visible);
      } catch {
        // As Vidstack's own loop: one failing job does not stop the others.
      }
    }
    quietFrames = changed ? 0 : quietFrames + 1;
    if (quietFrames < QUIET_FRAMES) schedule();
  };
  const schedule = () => {
    if (scheduled || watches.size === 0) return;
    scheduled = true;
    env.requestFrame(tick);
  };
  const wake = () => {
    quietFrames = 0;
    schedule();
  };

  const useRoot = (root: Node) => {
    const entry = roots.get(root);
    if (entry) {
      entry.users++;
      return;
    }
    const stops = [env.observeMutations(root, wake), env.listen(root, wake)];
    roots.set(root, { users: 1, stop: () => stops.forEach((stop) => stop()) });
  };
  const releaseRoot = (root: Node) => {
    const entry = roots.get(root);
    if (!entry || --entry.users > 0) return;
    entry.stop();
    roots.delete(root);
  };

  /** Vidstack's `observeVisibility(el, callback)`, with its `checkVisibility` as `check`; returns the disposer. */
  return function observeVisibility(element: Element, callback: (visible: boolean) => void, check: (element: Element) => boolean): () => void {
    const dependsOn = rootsOf(element);
    const watch: Watch = { element, check, callback, stopSize: env.observeSize(element, wake) };
    watches.add(watch);
    dependsOn.forEach(useRoot);
    wake();
    return () => {
      if (!watches.delete(watch)) return;
      watch.stopSize();
      dependsOn.forEach(releaseRoot);
    };
  };
}

/** The browser's parts. */
export const browserEnvironment: VisibilityWatchEnvironment = {
  requestFrame: (callback) => requestAnimationFrame(callback),
  observeMutations(root, onChange) {
    const observer = new MutationObserver(onChange);
    observer.observe(root, { attributes: true, childList: true, subtree: true });
    return () => observer.disconnect();
  },
  observeSize(element, onChange) {
    const observer = new ResizeObserver(onChange);
    observer.observe(element);
    return () => observer.disconnect();
  },
  listen(root, onEvent) {
    for (const type of SETTLING_EVENTS) root.addEventListener(type, onEvent, true);
    return () => {
      for (const type of SETTLING_EVENTS) root.removeEventListener(type, onEvent, true);
    };
  },
};

/** What the build puts in place of Vidstack's `observeVisibility`. */
export const observeVisibility = /* @__PURE__ */ createVisibilityWatch(browserEnvironment);
