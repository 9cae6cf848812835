import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchVidstackVisibility } from '../../vite.vidstack-visibility.ts';
import { vidstackChunksWith } from './vidstack-chunks.ts';

/** Vidstack's utilities chunk. */
const chunks = vidstackChunksWith('function observeVisibility(el, callback)');

describe('the build patch of Vidstack’s visibility checks', () => {
  it.each(chunks)('%s: the never-ending frame loop is not started, observeVisibility calls the watch', (file) => {
    const code = readFileSync(file, 'utf8');
    const patched = patchVidstackVisibility(code, file)!;
    expect(code).toMatch(/\n\tprocessJobs\(\);\n/);
    expect(patched).not.toMatch(/\n\tprocessJobs\(\);\n/);
    expect(patched).toContain('return __lessonPlayerObserveVisibility(el, callback, checkVisibility);');
    expect(patched.startsWith('import { observeVisibility as __lessonPlayerObserveVisibility } from ')).toBe(true);
    expect(patched).toContain('src/media/visibility-watch.ts');
  });

  it('leaves other modules alone, and stops the build when Vidstack’s code has changed shape', () => {
    const file = chunks[1];
    const code = readFileSync(file, 'utf8');
    expect(patchVidstackVisibility(code, '/app/src/other.js')).toBeNull();
    expect(patchVidstackVisibility('export const x = 1;', file)).toBeNull();
    expect(() => patchVidstackVisibility(code.replace('\tprocessJobs();\n', '\tprocessJobs?.();\n'), file)).toThrow(/review the patch/);
  });
});
