import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchVidstackSliderPixels } from '../../vite.vidstack-slider-pixels.ts';
import { vidstackChunksWith } from './vidstack-chunks.ts';

const SLIDER = 'this.el?.style.setProperty("--slider-fill", fillPercent + "%");';
const CHAPTERS = 'ref.style.setProperty("--chapter-fill", percent + "%");';

describe('the build patch of Vidstack’s slider fills', () => {
  it.each(vidstackChunksWith(SLIDER))('%s: the slider writes its fill and pointer through slider-pixels.ts', (file) => {
    const patched = patchVidstackSliderPixels(readFileSync(file, 'utf8'), file)!;
    expect(patched).not.toContain('style.setProperty("--slider-');
    expect(patched).toContain('__lessonPlayerSetPercentVar(this.el, "--slider-fill", fillPercent);');
    expect(patched).toContain('__lessonPlayerSetPercentVar(this.el, "--slider-pointer", pointerPercent);');
    expect(patched.startsWith('import { setPercentVar as __lessonPlayerSetPercentVar } from ')).toBe(true);
    expect(patched).toContain('src/media/slider-pixels.ts');
  });

  it.each(vidstackChunksWith(CHAPTERS))('%s: the chapters write their fill through slider-pixels.ts', (file) => {
    const patched = patchVidstackSliderPixels(readFileSync(file, 'utf8'), file)!;
    expect(patched).not.toContain(CHAPTERS);
    expect(patched).toContain('__lessonPlayerSetPercentVar(ref, "--chapter-fill", percent);');
  });

  it('leaves other modules alone, and stops the build when Vidstack’s code has changed shape', () => {
    const [file] = vidstackChunksWith(SLIDER);
    const code = readFileSync(file!, 'utf8');
    expect(patchVidstackSliderPixels(code, '/app/src/other.js')).toBeNull();
    expect(patchVidstackSliderPixels('export const x = 1;', file!)).toBeNull();
    const pointerChanged = code.replace('"--slider-pointer", pointerPercent + "%"', '"--slider-pointer", `${pointerPercent}%`');
    expect(() => patchVidstackSliderPixels(pointerChanged, file!)).toThrow(/vite.vidstack-slider-pixels.ts.*review the patch/);
  });
});
