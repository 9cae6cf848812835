// The committed lesson content of "Survivre en milieu hostile": the captions say exactly the speech, meet the caption
// norms, and the chapters cover the media. Reads only committed files (no espeak-ng, no ffmpeg).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebVTTParser, type Cue } from 'webvtt-parser';

const ROOT = resolve(import.meta.dirname, '../..');
const SLUG = 'survivre-en-milieu-hostile';
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

function parse(path: string, kind: 'captions' | 'chapters' | 'metadata' = 'metadata'): Cue[] {
  const data = new WebVTTParser().parse(read(path), kind);
  expect(data.errors, `${path}: ${JSON.stringify(data.errors)}`).toEqual([]);
  return data.cues;
}

/** What a reader sees: no tags, entities decoded. */
const plain = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
/** Code points, line breaks excluded. */
const chars = (text: string) => [...plain(text).replace(/\n/g, '')].length;
const words = (text: string) =>
  plain(text)
    .replace(/\*\*/g, '')
    .replace(/^\s*- /gm, '')
    .split(/\s+/)
    .filter(Boolean);

const frCaptions = parse(`captions/${SLUG}.fr.vtt`);
const enCaptions = parse(`captions/${SLUG}.en.vtt`);
const frChapters = parse(`chapters/${SLUG}.fr.vtt`, 'chapters');
const enChapters = parse(`chapters/${SLUG}.en.vtt`, 'chapters');

const CHAPTER_IDS = [
  'introduction',
  'une-equipe-faite-pour-survivre',
  'le-regne-des-process',
  'deux-modeles-qui-se-frittent',
  'la-boucle-de-validation-infinie',
  'la-crise-politique',
  'la-panique-securitaire',
  'le-plus-que-parfait',
  'des-problemes-imaginaires',
];
const PROBLEMS: [string, string][] = [
  ['la-boucle-de-validation-infinie', 'La boucle de validation infinie'],
  ['la-crise-politique', 'La crise politique'],
  ['la-panique-securitaire', 'La panique sécuritaire'],
  ['le-plus-que-parfait', 'Le plus-que parfait'],
];

/** Duration of an MP4 from its movie header (mvhd), so that CI needs no ffprobe. */
function mp4Duration(path: string): number {
  const buf = readFileSync(resolve(ROOT, path));
  const find = (type: string, from: number, to: number): [number, number] => {
    for (let at = from; at + 8 <= to; ) {
      let size = buf.readUInt32BE(at);
      let header = 8;
      if (size === 1) {
        size = Number(buf.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = to - at;
      if (buf.toString('latin1', at + 4, at + 8) === type) return [at + header, at + size];
      at += size;
    }
    throw new Error(`${path}: no ${type} box`);
  };
  const [moov, moovEnd] = find('moov', 0, buf.length);
  const [mvhd] = find('mvhd', moov, moovEnd);
  const version = buf[mvhd]!;
  return version === 1
    ? Number(buf.readBigUInt64BE(mvhd + 24)) / buf.readUInt32BE(mvhd + 20)
    : buf.readUInt32BE(mvhd + 16) / buf.readUInt32BE(mvhd + 12);
}

describe('captions: the words of the speech', () => {
  it('has the transcript’s words, in order, none added or dropped', () => {
    const spoken = words(read(`lessons/source/${SLUG}.transcript.txt`));
    const captioned = words(frCaptions.map((c) => c.text).join('\n'));
    expect(spoken.length).toBeGreaterThan(400);
    expect(captioned).toEqual(spoken);
  });

  it('leaves out the source document’s page headers and title', () => {
    const transcript = read(`lessons/source/${SLUG}.transcript.txt`);
    expect(transcript).not.toMatch(/^Créer des services publics numériques innovants$/m);
    expect(transcript).not.toMatch(/^beta\.gouv\.fr$/m);
    expect(transcript).not.toMatch(/^Survivre en milieu hostile$/m);
  });

  it('reads list items without a leading dash', () => {
    for (const cue of [...frCaptions, ...enCaptions]) {
      for (const line of plain(cue.text).split('\n')) expect(line, cue.id).not.toMatch(/^\s*[-‐‑–—―]/);
    }
  });
});

describe.each([
  ['fr', frCaptions],
  ['en', enCaptions],
])('captions (%s): the norms', (_lang, cues) => {
  it('gives every cue a unique identifier', () => {
    expect(cues.map((c) => c.id)).toEqual(cues.map((_, i) => `c${String(i + 1).padStart(3, '0')}`));
  });

  it('keeps each cue to 2 lines of at most 42 characters', () => {
    for (const cue of cues) {
      const lines = plain(cue.text).split('\n');
      expect(lines.length, cue.id).toBeLessThanOrEqual(2);
      for (const line of lines) expect([...line].length, `${cue.id}: ${line}`).toBeLessThanOrEqual(42);
    }
  });

  it('shows each cue between 5/6 s and 7 s, at most 17 characters per second, without overlap', () => {
    cues.forEach((cue, i) => {
      const duration = cue.endTime - cue.startTime;
      expect(duration, cue.id).toBeGreaterThanOrEqual(5 / 6 - 1e-9);
      expect(duration, cue.id).toBeLessThanOrEqual(7);
      expect(chars(cue.text) / duration, cue.id).toBeLessThanOrEqual(17);
      const next = cues[i + 1];
      if (next) expect(cue.endTime, cue.id).toBeLessThanOrEqual(next.startTime);
    });
  });

  it('ends no line on a word that must stay with the next (article, pronoun, negation, preposition)', () => {
    const clingy =
      /(?:^|\s)(?:le|la|les|l'|un|une|des|du|de|d'|au|aux|à|je|j'|tu|il|elle|on|nous|vous|ils|elles|ne|n'|se|s'|qu'|c'|et|ou|ce|ces|vos|votre|leur|leurs|notre)$/i;
    for (const cue of cues) {
      for (const line of plain(cue.text).split('\n')) expect(line, cue.id).not.toMatch(clingy);
    }
  });
});

describe('captions: English', () => {
  it('has the same cues and timings as the French', () => {
    expect(enCaptions.length).toBe(frCaptions.length);
    enCaptions.forEach((cue, i) => {
      const fr = frCaptions[i]!;
      expect([cue.id, cue.startTime, cue.endTime]).toEqual([fr.id, fr.startTime, fr.endTime]);
      expect(plain(cue.text).trim()).not.toBe('');
    });
  });
});

describe.each([
  ['fr', frChapters],
  ['en', enChapters],
])('chapters (%s)', (_lang, chapters) => {
  it('has the agreed ids, contiguous from 0', () => {
    expect(chapters.map((c) => c.id)).toEqual(CHAPTER_IDS);
    expect(chapters[0]!.startTime).toBe(0);
    chapters.forEach((ch, i) => {
      expect(ch.text.trim(), ch.id).not.toBe('');
      expect(ch.endTime, ch.id).toBeGreaterThan(ch.startTime);
      if (i > 0) expect(ch.startTime, ch.id).toBe(chapters[i - 1]!.endTime);
    });
  });

  it('starts each of the four problems, in order, on the caption cue that names it', () => {
    for (const [id, name] of PROBLEMS) {
      const chapter = chapters.find((c) => c.id === id)!;
      const cue = frCaptions.find((c) => c.startTime === chapter.startTime);
      expect(cue, id).toBeDefined();
      expect(plain(cue!.text).replace(/\n/g, ' '), id).toBe(name);
    }
  });

  it('ends with the media, after the last caption', () => {
    const end = chapters[chapters.length - 1]!.endTime;
    expect(frCaptions[frCaptions.length - 1]!.endTime).toBeLessThanOrEqual(end);
    expect(Math.abs(mp4Duration(`media/${SLUG}.mp4`) - end)).toBeLessThan(0.1);
  });

  it('keeps every caption inside one chapter', () => {
    for (const cue of frCaptions) {
      const ch = chapters.find((c) => c.startTime <= cue.startTime && cue.startTime < c.endTime)!;
      expect(cue.endTime, cue.id).toBeLessThanOrEqual(ch.endTime);
    }
  });
});

describe('chapters: titles', () => {
  it('has the agreed French and English titles', () => {
    expect(frChapters.map((c) => c.text)).toEqual([
      'Introduction',
      'Une équipe faite pour survivre',
      'Le règne des process',
      'Deux modèles qui se frittent',
      'La boucle de validation infinie',
      'La crise politique',
      'La panique sécuritaire',
      'Le plus-que-parfait',
      'Des problèmes imaginaires',
    ]);
    expect(enChapters.map((c) => c.text)).toEqual([
      'Introduction',
      'A team built to survive',
      'The rule of process',
      'Two models that clash',
      'The endless approval loop',
      'The political crisis',
      'The security panic',
      'The pluperfect',
      'Imaginary problems',
    ]);
  });
});

describe.each([
  ['fr', frChapters, 'Diapositive', 'sur 9'],
  ['en', enChapters, 'Slide', 'of 9'],
] as const)('descriptions (%s)', (lang, chapters, slide, of9) => {
  const descriptions = parse(`descriptions/${SLUG}.${lang}.vtt`);
  it('describes each slide when it appears: one cue per chapter, with its id, its number and its title', () => {
    expect(descriptions.map((d) => [d.id, d.startTime])).toEqual(chapters.map((c) => [c.id, c.startTime]));
    descriptions.forEach((d, i) => {
      expect(d.text.startsWith(slide), d.text).toBe(true);
      expect(d.text).toContain(`${i + 1} ${of9}`);
      expect(d.text).toContain(plain(chapters[i]!.text).trim());
    });
  });
  it('says everything the first slide shows: series, title, speaker line, demonstration notice', () => {
    for (const shown of ['Créer des services publics numériques innovants · beta.gouv.fr', 'Survivre en milieu hostile', 'Héla Ghariani', 'espeak-ng']) {
      expect(descriptions[0]!.text).toContain(shown);
    }
  });
});

describe('thumbnails', () => {
  it('covers the media with tiles of the sprite, relative to the VTT', () => {
    const cues = parse(`media/${SLUG}.thumbnails.vtt`);
    expect(cues[0]!.startTime).toBe(0);
    cues.forEach((cue, i) => {
      expect(cue.text).toMatch(new RegExp(`^${SLUG}\\.thumbnails\\.jpg#xywh=\\d+,\\d+,160,90$`));
      if (i > 0) expect(cue.startTime).toBe(cues[i - 1]!.endTime);
    });
    expect(cues[cues.length - 1]!.endTime).toBe(frChapters[frChapters.length - 1]!.endTime);
  });
});
