import { describe, expect, it } from 'vitest';
import { rewriteLitPolicies, vettedPlayerMarkup, withoutVidstackInlineStyles } from '../../src/media/trusted-types.ts';

describe('the default Trusted Types policy', () => {
  it("passes Vidstack's static templates, without the video's inline style", () => {
    expect(vettedPlayerMarkup('<img loading="eager" decoding="async" aria-hidden="true">')).toBe('<img loading="eager" decoding="async" aria-hidden="true">');
    expect(vettedPlayerMarkup('<video muted playsinline preload="none" style="max-width: unset;"></video>')).toBe(
      '<video muted playsinline preload="none"></video>',
    );
    expect(vettedPlayerMarkup('')).toBe('');
  });

  it('passes icon markup made of shapes and drawing attributes only', () => {
    const icon = '<path fill-rule="evenodd" clip-rule="evenodd" d="M6 7C5.6 7 5 7.2 5 7.6Z" fill="currentColor"/> <path d="M8 28Z"></path>';
    expect(vettedPlayerMarkup(icon)).toBe(icon);
  });

  it.each([
    '<img src=x onerror=alert(1)>',
    '<path d="M0" onload="alert(1)"/>',
    '<path d="M0" style="fill:red"/>',
    '<a href="javascript:alert(1)"><path d="M0"/></a>',
    '<path d="&lt;img"/>',
    '<svg onload=alert(1)>',
    '<script>alert(1)</script>',
    'Bonjour <b>tous</b>',
    '<video muted playsinline preload="none" style="max-width: unset;" onplay="x()"></video>',
  ])('rejects %s', (input) => {
    expect(vettedPlayerMarkup(input)).toBeNull();
  });
});

describe("Lit's lit-html policy", () => {
  const small = '<media-controls-group class="vds-controls-group" style="pointer-events: none;"><!--?lit$1$-->';

  it("turns the small layout's inline style into a class, and leaves anything else as it is", () => {
    expect(withoutVidstackInlineStyles(small)).toBe('<media-controls-group class="vds-controls-group lesson-pass-through"><!--?lit$1$-->');
    for (const other of ['<p style="pointer-events: none;">', '<media-controls-group class="vds-controls-group">', 'Bonjour']) {
      expect(withoutVidstackInlineStyles(other)).toBe(other);
    }
  });

  it('rewrites what a lit-html policy is given, once however often it is installed, and no other policy', () => {
    const seen: string[] = [];
    const prototype = {
      createHTML(this: { name: string }, input: string) {
        seen.push(`${this.name}: ${input}`);
        return input;
      },
    };
    rewriteLitPolicies(prototype);
    rewriteLitPolicies(prototype);
    prototype.createHTML.call({ name: 'lit-html' }, small);
    prototype.createHTML.call({ name: 'dompurify' }, small);
    expect(seen).toEqual([`lit-html: ${withoutVidstackInlineStyles(small)}`, `dompurify: ${small}`]);
  });
});
