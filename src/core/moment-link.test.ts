import { describe, expect, it } from 'vitest';
import { parseDeepLink } from './deep-link.ts';
import { momentLink } from './moment-link.ts';

describe('momentLink', () => {
  it('adds #t= in whole seconds', () => {
    expect(momentLink('https://example.fr/lecon?x=1', 75.9)).toBe('https://example.fr/lecon?x=1#t=75');
  });
  it('replaces an existing fragment', () => {
    expect(momentLink('https://example.fr/lecon#chapter=introduction', 12)).toBe('https://example.fr/lecon#t=12');
  });
  it('reads back as the same moment', () => {
    const link = momentLink('https://example.fr/', 3725.2);
    expect(parseDeepLink(new URL(link).hash).time).toBe(3725);
  });
});
