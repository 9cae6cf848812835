import { describe, expect, it } from 'vitest';
import { copyButtonChanges, copyMomentLink } from './copy-link.ts';

describe('copyButtonChanges', () => {
  const built = (index: number) => index >= 0 && index < 100;
  const noFocus = () => false;
  it('adds a button on each wanted built line, once', () => {
    expect(copyButtonChanges([], [5, 5, 7], built, noFocus)).toEqual({ remove: [], add: [5, 7] });
  });
  it('skips lines that are not built and the absent ones (-1)', () => {
    expect(copyButtonChanges([], [-1, 150, 3], built, noFocus)).toEqual({ remove: [], add: [3] });
  });
  it('removes the buttons no longer wanted and keeps the others', () => {
    expect(copyButtonChanges([3, 5], [5, 8], built, noFocus)).toEqual({ remove: [3], add: [8] });
  });
  it('keeps a button that has the focus, wanted or not', () => {
    expect(copyButtonChanges([3, 5], [8], built, (i) => i === 3)).toEqual({ remove: [5], add: [8] });
  });
});

describe('copyMomentLink', () => {
  const strings = { linkCopied: 'Lien copié.', linkSelected: 'Lien sélectionné : copiez-le.' };
  it('copies a link to the moment, in place of any fragment of the page', async () => {
    const copied: string[] = [];
    const outcome = await copyMomentLink('https://example.org/cours?x=1#chapter=intro', 75, async (text) => (copied.push(text), true), strings);
    expect(copied).toEqual(['https://example.org/cours?x=1#t=75']);
    expect(outcome).toEqual({ toCopyByHand: '', message: 'Lien copié.' });
  });
  it('hands the link over to copy by hand where the clipboard refuses', async () => {
    const outcome = await copyMomentLink('https://example.org/cours', 75, async () => false, strings);
    expect(outcome).toEqual({ toCopyByHand: 'https://example.org/cours#t=75', message: 'Lien sélectionné : copiez-le.' });
  });
});
