import { describe, expect, it } from 'vitest';
import { vettedPlayerMarkup } from '../../src/media/trusted-types.ts';

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
