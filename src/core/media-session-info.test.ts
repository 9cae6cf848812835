import { describe, expect, it } from 'vitest';
import { adjacentChapterStart, mediaSessionInfo } from './media-session-info.ts';

const chapters = [
  { title: 'Introduction', start: 0, end: 41.5 },
  { title: 'Une équipe', start: 41.5, end: 73.3 },
  { title: 'Les process', start: 73.3, end: 140 },
];

describe('mediaSessionInfo', () => {
  const manifest = {
    id: 'lecon',
    title: { fr: 'Survivre en milieu hostile', en: 'Surviving in a hostile environment' },
    language: 'fr',
    series: { fr: 'Créer des services publics' },
    provider: { name: 'beta.gouv.fr' },
    poster: 'https://example.fr/poster.jpg',
  };
  it('names the lesson and its series in the language, with the poster (once: not on each chapter) and the chapters', () => {
    expect(mediaSessionInfo(manifest, 'en', chapters.slice(0, 1))).toEqual({
      title: 'Surviving in a hostile environment',
      artist: 'Créer des services publics',
      album: 'Créer des services publics',
      artwork: [{ src: 'https://example.fr/poster.jpg' }],
      chapterInfo: [{ title: 'Introduction', startTime: 0, artwork: [] }],
    });
  });
  it('falls back to the provider without a series, and to no artwork without a poster', () => {
    const info = mediaSessionInfo({ ...manifest, series: undefined, poster: undefined }, 'fr', []);
    expect([info.artist, info.album, info.artwork, info.chapterInfo]).toEqual(['beta.gouv.fr', '', [], []]);
  });
});

describe('adjacentChapterStart', () => {
  it('goes to the next and the previous chapter', () => {
    expect(adjacentChapterStart(chapters, 50, 1)).toBe(73.3);
    expect(adjacentChapterStart(chapters, 50, -1)).toBe(0);
    expect(adjacentChapterStart(chapters, 80, -1)).toBe(41.5);
  });
  it('stops at the ends: no next after the last, the first one start before it', () => {
    expect(adjacentChapterStart(chapters, 80, 1)).toBeNull();
    expect(adjacentChapterStart(chapters, 10, -1)).toBe(0);
    expect(adjacentChapterStart([{ start: 5, end: 9 }], 1, 1)).toBe(5);
    expect(adjacentChapterStart([], 1, 1)).toBeNull();
  });
});
