/**
 * Build step: Vidstack's time slider takes its spoken value from src/media/spoken-time.ts, in the UI language, instead
 * of its English text that a translation had to undo at every frame (why: see there). Used by the site, the library
 * and the dev server's dependency pre-bundling. A Vidstack release whose code no longer has the expected shape stops
 * the build with this file's name, rather than shipping unpatched.
 */
import { resolve } from 'node:path';
import { replaceOnce, vidstackPatch } from './vite.vidstack-patch.ts';

const SPOKEN_TIME_MODULE = resolve(import.meta.dirname, 'src/media/spoken-time.ts');
const ENGLISH_VALUE_TEXT = '`${formatSpokenTime(time)} out of ${formatSpokenTime(duration())}`';

/** Vidstack's chunk of the time slider rewritten, or null when `code` is not that chunk. */
export function patchVidstackSpokenTime(code: string, id: string): string | null {
  if (!/[\\/]node_modules[\\/]vidstack[\\/]/.test(id) || !code.includes(ENGLISH_VALUE_TEXT)) return null;
  const patched = replaceOnce(
    code,
    id,
    [[ENGLISH_VALUE_TEXT, '__lessonPlayerSpokenTimeRange(this.el, time, duration(), formatSpokenTime)']],
    'vite.vidstack-spoken-time.ts',
  );
  return `import { spokenTimeRange as __lessonPlayerSpokenTimeRange } from ${JSON.stringify(SPOKEN_TIME_MODULE)};\n${patched}`;
}

export const vidstackSpokenTime = () => vidstackPatch('vidstack-spoken-time', patchVidstackSpokenTime);
