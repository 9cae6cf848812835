import { describe, expect, it } from 'vitest';
import { parseDeepLink } from './deep-link.ts';
import { momentLink, passageLink } from './moment-link.ts';

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

describe('passageLink', () => {
  it('writes the first line start in whole seconds and the end rounded up to a tenth', () => {
    expect(passageLink('https://example.fr/lecon#t=5', 83.6, 88.31)).toBe('https://example.fr/lecon#t=83,88.4');
    expect(passageLink('https://example.fr/', 10, 12)).toBe('https://example.fr/#t=10,12');
  });
  it('reads back as the same passage, its end never before the words', () => {
    const link = parseDeepLink(new URL(passageLink('https://example.fr/', 3725.2, 3731.04)).hash);
    expect(link).toEqual({ time: 3725, end: 3731.1, warnings: [] });
  });
});
