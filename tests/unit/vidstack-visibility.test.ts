import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchVidstackVisibility } from '../../vite.vidstack-visibility.ts';

const vidstack = resolve(import.meta.dirname, '../../node_modules/vidstack');
/** Vidstack's utilities chunk in each of its builds the bundlers pick (development and production). */
const chunks = ['dev', 'prod'].map((build) => {
  const dir = resolve(vidstack, build, 'chunks');
  const file = readdirSync(dir).find((name) => readFileSync(resolve(dir, name), 'utf8').includes('function observeVisibility(el, callback)'));
  return resolve(dir, file!);
});

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
