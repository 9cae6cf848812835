/**
 * Build step: Vidstack's `observeVisibility` checks its sliders and time displays only when something may have
 * changed, through src/media/visibility-watch.ts (why: see there), and its never-ending animation-frame loop is not
 * started. Used by the site, the library and the dev server's dependency pre-bundling. A Vidstack release whose code
 * no longer has the expected shape stops the build with this file's name, rather than shipping unpatched.
 */
import { resolve } from 'node:path';
import { replaceOnce, vidstackPatch } from './vite.vidstack-patch.ts';

const WATCH_MODULE = resolve(import.meta.dirname, 'src/media/visibility-watch.ts');

/** The text replaced in Vidstack's utilities chunk (dev and prod builds), each found exactly once. */
const REPLACEMENTS: [string | RegExp, string][] = [
  // The loop's only start: without it, the jobs it would run are never scheduled.
  [/\n\tprocessJobs\(\);\n\}/, '\n}'],
  ['return scheduleRafJob(() => callback(checkVisibility(el)));', 'return __lessonPlayerObserveVisibility(el, callback, checkVisibility);'],
];

/** Vidstack's chunk rewritten, or null when `code` is not that chunk. Throws when the chunk is not as expected. */
export function patchVidstackVisibility(code: string, id: string): string | null {
  if (!/[\\/]node_modules[\\/]vidstack[\\/]/.test(id) || !code.includes('function observeVisibility(el, callback)')) return null;
  const patched = replaceOnce(code, id, REPLACEMENTS, 'vite.vidstack-visibility.ts');
  return `import { observeVisibility as __lessonPlayerObserveVisibility } from ${JSON.stringify(WATCH_MODULE)};\n${patched}`;
}

export const vidstackVisibility = () => vidstackPatch('vidstack-visibility', patchVidstackVisibility);
