/**
 * Build step: Vidstack's sliders write their fill through src/media/slider-pixels.ts, which skips a value that shows
 * the same whole pixel (why: see there). Used by the site, the library and the dev server's dependency pre-bundling.
 * A Vidstack release whose code no longer has the expected shape stops the build with this file's name, rather than
 * shipping unpatched.
 */
import { resolve } from 'node:path';
import { replaceOnce, vidstackPatch } from './vite.vidstack-patch.ts';

const PIXELS_MODULE = resolve(import.meta.dirname, 'src/media/slider-pixels.ts');
const SET = '__lessonPlayerSetPercentVar';

/** Each chunk's writes, found by the first: the slider's fill and pointer, and the time slider's chapter fill. */
const WRITES: [string, string][][] = [
  [
    ['this.el?.style.setProperty("--slider-fill", fillPercent + "%");', `${SET}(this.el, "--slider-fill", fillPercent);`],
    ['this.el?.style.setProperty("--slider-pointer", pointerPercent + "%");', `${SET}(this.el, "--slider-pointer", pointerPercent);`],
  ],
  [['ref.style.setProperty("--chapter-fill", percent + "%");', `${SET}(ref, "--chapter-fill", percent);`]],
];

/** Vidstack's chunk with its slider writes rewritten, or null when `code` has none. */
export function patchVidstackSliderPixels(code: string, id: string): string | null {
  if (!/[\\/]node_modules[\\/]vidstack[\\/]/.test(id)) return null;
  const writes = WRITES.filter(([[first]]) => code.includes(first!));
  if (writes.length === 0) return null;
  const patched = replaceOnce(code, id, writes.flat(), 'vite.vidstack-slider-pixels.ts');
  return `import { setPercentVar as ${SET} } from ${JSON.stringify(PIXELS_MODULE)};\n${patched}`;
}

export const vidstackSliderPixels = () => vidstackPatch('vidstack-slider-pixels', patchVidstackSliderPixels);
