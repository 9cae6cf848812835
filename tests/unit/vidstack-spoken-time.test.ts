import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchVidstackSpokenTime } from '../../vite.vidstack-spoken-time.ts';
import { vidstackChunksWith } from './vidstack-chunks.ts';

const ENGLISH = '`${formatSpokenTime(time)} out of ${formatSpokenTime(duration())}`';
/** Vidstack's chunk of the time slider. */
const chunks = vidstackChunksWith(ENGLISH);

describe('the build patch of Vidstack’s time slider value', () => {
  it.each(chunks)('%s: the slider asks spoken-time.ts for its text', (file) => {
    const patched = patchVidstackSpokenTime(readFileSync(file, 'utf8'), file)!;
    expect(patched).not.toContain(ENGLISH);
    expect(patched).toContain('__lessonPlayerSpokenTimeRange(this.el, time, duration(), formatSpokenTime)');
    expect(patched.startsWith('import { spokenTimeRange as __lessonPlayerSpokenTimeRange } from ')).toBe(true);
    expect(patched).toContain('src/media/spoken-time.ts');
  });

  it('leaves other modules alone, and stops the build when Vidstack’s code has changed shape', () => {
    const file = chunks[1];
    const code = readFileSync(file, 'utf8');
    expect(patchVidstackSpokenTime(code, '/app/src/other.js')).toBeNull();
    expect(patchVidstackSpokenTime('export const x = 1;', file)).toBeNull();
    expect(() => patchVidstackSpokenTime(`${code}\n${ENGLISH};`, file)).toThrow(/vite.vidstack-spoken-time.ts.*review the patch/);
  });
});
