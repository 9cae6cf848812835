import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CAPTION_PROPERTIES,
  CAPTION_REQUIRED,
  CHAPTER_PROPERTIES,
  jsonValuePositions,
  LANG_PATTERN,
  MANIFEST_PROPERTIES,
  MANIFEST_REQUIRED,
  MEDIA_PROPERTIES,
  MEDIA_TYPES,
  PROVIDER_PROPERTIES,
  parseManifestText,
  validateManifest,
} from '../../src/core/manifest.ts';
import { SLUG_PATTERN } from '../../src/core/vtt.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestPath = join(root, 'lessons/survivre-en-milieu-hostile.json');
const manifestText = readFileSync(manifestPath, 'utf8');
const manifestUrl = pathToFileURL(manifestPath).href;
const schema = JSON.parse(readFileSync(join(root, 'schemas/lesson.schema.json'), 'utf8')) as Schema;
const project = () => JSON.parse(manifestText) as Record<string, any>;
const BASE = 'https://example.org/lessons/l.json';

const minimal = () => ({
  version: 1,
  id: 'une-lecon',
  title: { fr: 'Une leçon' },
  language: 'fr',
  media: [{ src: 'v.webm', type: 'video/webm' }],
  captions: [{ lang: 'fr', label: 'Français', src: 'c.fr.vtt', kind: 'captions' }],
});
const messages = (json: unknown) => validateManifest(json, BASE).problems.map((p) => `${p.severity} ${p.rule} ${p.message}`);
const errors = (json: unknown) => validateManifest(json, BASE).problems.filter((p) => p.severity === 'error').map((p) => p.message);

describe('validateManifest', () => {
  it('accepts the project manifest, with $schema, and resolves every URL against it', () => {
    const r = validateManifest(project(), manifestUrl);
    expect(r.problems).toEqual([]);
    const m = r.manifest!;
    expect(m.id).toBe('survivre-en-milieu-hostile');
    expect(m.media.map((s) => s.type)).toEqual(['video/webm', 'video/mp4']);
    expect(m.media[0]!.src).toBe(pathToFileURL(join(root, 'media/survivre-en-milieu-hostile.webm')).href);
    expect(m.captions.map((c) => [c.lang, c.kind, c.default ?? false])).toEqual([
      ['fr', 'captions', true],
      ['en', 'subtitles', false],
    ]);
    expect(Object.keys(m.notes.fr!)).toHaveLength(9);
    expect(m.notes.en!['la-crise-politique']).toBe(pathToFileURL(join(root, 'chapters/notes/en/la-crise-politique.md')).href);
    expect(m.descriptions).toEqual([
      { lang: 'fr', src: pathToFileURL(join(root, 'descriptions/survivre-en-milieu-hostile.fr.vtt')).href },
      { lang: 'en', src: pathToFileURL(join(root, 'descriptions/survivre-en-milieu-hostile.en.vtt')).href },
    ]);
  });

  it('accepts a minimal manifest and fills chapters and notes', () => {
    const r = validateManifest(minimal(), BASE);
    expect(r.problems).toEqual([]);
    expect(r.manifest).toMatchObject({ chapters: [], notes: {}, media: [{ src: 'https://example.org/lessons/v.webm' }] });
  });

  it('accepts an HLS master playlist listed before the progressive files, in that order', () => {
    const json = { ...minimal(), media: [{ src: 'hls/master.m3u8', type: 'application/vnd.apple.mpegurl' }, { src: 'v.webm', type: 'video/webm' }] };
    expect(messages(json)).toEqual([]);
    expect(validateManifest(json, BASE).manifest!.media.map((m) => m.type)).toEqual(['application/vnd.apple.mpegurl', 'video/webm']);
    expect(errors({ ...minimal(), media: [{ src: 'x.m3u8', type: 'application/dash+xml' }] })[0]).toMatch(/not a supported media type/);
  });

  it('names the JSON path in messages', () => {
    const m: any = minimal();
    m.captions.push({ lang: 'en', label: 'English', src: 42, kind: 'subtitles' });
    expect(errors(m)).toEqual(['captions[1].src: must be a string, not a number']);
  });

  it('refuses javascript:, data: and blob: URLs, wherever they are', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/vtt,WEBVTT', 'blob:https://x/1', ' JavaScript:alert(1)']) {
      const m: any = minimal();
      m.captions[0].src = bad;
      m.poster = bad;
      m.notes = { fr: { intro: bad } };
      const e = validateManifest(m, BASE).problems.filter((p) => p.rule === 'manifest-url').map((p) => p.message.split(':')[0]);
      expect(e).toEqual(['poster', 'captions[0].src', 'notes.fr.intro']);
      expect(validateManifest(m, BASE).manifest).toBeUndefined();
    }
    const ok: any = minimal();
    ok.poster = 'file:///srv/p.jpg';
    ok.provider = { name: 'x', url: 'http://x.example' };
    expect(errors(ok)).toEqual([]);
  });

  it('checks version, id, title language, media types', () => {
    expect(errors({ ...minimal(), version: 2 })).toEqual(['version: must be 1, not 2']);
    expect(errors({ ...minimal(), id: 'Une Leçon' })[0]).toMatch(/^id: .* not a slug/);
    expect(errors({ ...minimal(), title: { en: 'A lesson' } })).toEqual([`title: must have a title in the lesson's language "fr"`]);
    expect(errors({ ...minimal(), media: [{ src: 'v.avi', type: 'video/x-msvideo' }] })).toHaveLength(2);
    expect(errors({ ...minimal(), media: [] })).toEqual(['media: must list at least one playable source with a supported type']);
  });

  it('checks required properties and unknown ones', () => {
    expect(errors({})).toEqual(MANIFEST_REQUIRED.map((k) => `${k}: is required`));
    expect(errors({ ...minimal(), extra: 1 })).toEqual(['extra: unknown property']);
    expect(errors(null)).toEqual(['(root): must be an object, not null']);
    expect(errors([])).toEqual(['(root): must be an object, not an array']);
  });

  it('warns when the spoken-language track is subtitles (RGAA 4.3.2) or missing', () => {
    const m: any = minimal();
    m.captions[0].kind = 'subtitles';
    expect(messages(m)).toEqual([
      'warning manifest-captions-kind captions[0].kind: the track in the spoken language "fr" should be "captions" (for deaf and hard-of-hearing viewers, RGAA 4.3.2)',
    ]);
    m.captions[0].lang = 'en';
    expect(messages(m)).toEqual(['warning manifest-captions-kind captions: has no track in the spoken language "fr" (RGAA 4.3.2)']);
  });

  it('refuses duplicate track languages and several defaults', () => {
    const m: any = minimal();
    m.captions.push({ lang: 'fr', label: 'Bis', src: 'b.vtt', kind: 'captions', default: true });
    m.captions[0].default = true;
    m.chapters = [{ lang: 'fr', src: 'a.vtt' }, { lang: 'FR', src: 'b.vtt' }];
    m.descriptions = [{ lang: 'en', src: 'd.vtt' }, { lang: 'en', src: 'e.vtt' }, { lang: 'fr', src: 'f.vtt', kind: 'descriptions' }];
    expect(errors(m)).toEqual([
      'captions[1].lang: "fr" is already used by captions[0]',
      'captions: only one track may be the default (2 are)',
      'chapters[1].lang: "FR" is already used by chapters[0]',
      'descriptions[1].lang: "en" is already used by descriptions[0]',
      expect.stringMatching(/^descriptions\[2\]\.kind: /),
    ]);
  });

  it('checks notes: language, then chapter id, then URL', () => {
    const m: any = { ...minimal(), chapters: [{ lang: 'fr', src: 'ch.vtt' }] };
    m.notes = { fr: { 'Bad Id': 'a.md', ok: 3 }, xx_1: {}, en: { intro: 'i.md' } };
    expect(messages(m)).toEqual([
      'error manifest-schema notes.fr["Bad Id"]: "Bad Id" is not a chapter id (a slug: lowercase letters, digits and single dashes)',
      'error manifest-schema notes.fr.ok: must be a string, not a number',
      'error manifest-schema notes.xx_1: "xx_1" is not a BCP 47 language tag',
      'warning notes-lang notes.en: there is no chapter track in "en" for these notes',
    ]);
  });

  it('never throws on hostile values', () => {
    const cyclic: any = { ...minimal() };
    cyclic.title = cyclic;
    const proto = JSON.parse('{"__proto__": {"polluted": 1}, "version": 1}');
    for (const v of [undefined, 1, 'x', cyclic, proto, { media: 'x', captions: {}, title: [], notes: [] }]) {
      expect(() => validateManifest(v, BASE)).not.toThrow();
    }
    expect(({} as any).polluted).toBeUndefined();
    expect(() => validateManifest(minimal(), 'not a url')).not.toThrow();
  });
});

describe('parseManifestText', () => {
  it('locates JSON syntax errors', () => {
    const r = parseManifestText('{\n  "a": 1,\n  "b" 2\n}', BASE);
    expect(r.value).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ rule: 'manifest-json', line: 3, col: 7, severity: 'error', kind: 'manifest' });
    const end = parseManifestText('{\n"a": [1,', BASE);
    expect(end.problems[0]!.line).toBe(2);
    expect(parseManifestText('\uFEFF{"a":1}', BASE).value).toEqual({ a: 1 });
  });

  it('finds where each JSON value starts', () => {
    const pos = jsonValuePositions(manifestText);
    const lines = manifestText.split('\n');
    const at = (p: string) => {
      const { line, col } = pos.get(p)!;
      return lines[line - 1]!.slice(col - 1);
    };
    expect(at('id')).toBe('"survivre-en-milieu-hostile",');
    expect(at('captions[1].src')).toBe('"../captions/survivre-en-milieu-hostile.en.vtt"');
    expect(at('notes.en.introduction')).toMatch(/^"\.\.\/chapters\/notes\/en\/introduction\.md"/);
    expect(() => jsonValuePositions('['.repeat(100_000))).not.toThrow();
  });
});

// A small JSON Schema (2020-12) checker for the keywords lesson.schema.json uses. Enough to show the schema and the
// validator agree; the player itself never evaluates the schema.
type Schema = Record<string, any>;
function schemaErrors(s: Schema, v: unknown, path = '', rootSchema: Schema = schema): string[] {
  if (s.$ref) return schemaErrors(rootSchema.$defs[s.$ref.replace('#/$defs/', '')], v, path, rootSchema);
  const out: string[] = [];
  const type = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  if (s.type && !(s.type === type || (s.type === 'integer' && Number.isInteger(v)))) return [`${path}: type`];
  if ('const' in s && v !== s.const) out.push(`${path}: const`);
  if (s.enum && !s.enum.includes(v)) out.push(`${path}: enum`);
  if (typeof v === 'string') {
    if (s.minLength !== undefined && [...v].length < s.minLength) out.push(`${path}: minLength`);
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) out.push(`${path}: pattern`);
  }
  if (typeof v === 'number' && s.exclusiveMinimum !== undefined && !(v > s.exclusiveMinimum)) out.push(`${path}: exclusiveMinimum`);
  if (s.not && schemaErrors(s.not, v, path, rootSchema).length === 0) out.push(`${path}: not`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) out.push(`${path}: minItems`);
    if (s.items) v.forEach((x, i) => out.push(...schemaErrors(s.items, x, `${path}[${i}]`, rootSchema)));
  }
  if (type === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in o)) out.push(`${path}.${k}: required`);
    for (const [k, x] of Object.entries(o)) {
      if (s.propertyNames) out.push(...schemaErrors(s.propertyNames, k, `${path}.${k} (name)`, rootSchema));
      if (s.properties && k in s.properties) out.push(...schemaErrors(s.properties[k], x, `${path}.${k}`, rootSchema));
      else if (s.additionalProperties === false) out.push(`${path}.${k}: additionalProperties`);
      else if (typeof s.additionalProperties === 'object') out.push(...schemaErrors(s.additionalProperties, x, `${path}.${k}`, rootSchema));
    }
  }
  return out;
}

describe('lesson.schema.json agrees with the validator', () => {
  it('is a draft 2020-12 schema with the same property names and required lists', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual([...MANIFEST_PROPERTIES]);
    expect(schema.required).toEqual([...MANIFEST_REQUIRED]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.media.items.properties)).toEqual([...MEDIA_PROPERTIES]);
    expect(schema.properties.media.items.required).toEqual([...MEDIA_PROPERTIES]);
    expect(schema.properties.media.items.properties.type.enum).toEqual([...MEDIA_TYPES]);
    expect(Object.keys(schema.properties.captions.items.properties)).toEqual([...CAPTION_PROPERTIES]);
    expect(schema.properties.captions.items.required).toEqual([...CAPTION_REQUIRED]);
    expect(schema.properties.captions.items.properties.kind.enum).toEqual(['captions', 'subtitles']);
    expect(Object.keys(schema.properties.chapters.items.properties)).toEqual([...CHAPTER_PROPERTIES]);
    expect(Object.keys(schema.properties.descriptions.items.properties)).toEqual([...CHAPTER_PROPERTIES]);
    expect(Object.keys(schema.properties.provider.properties)).toEqual([...PROVIDER_PROPERTIES]);
    expect(schema.$defs.slug.pattern).toBe(SLUG_PATTERN.source);
    expect(schema.$defs.lang.pattern).toBe(LANG_PATTERN.source);
  });

  it('both accept the project manifest', () => {
    expect(schemaErrors(schema, project())).toEqual([]);
    expect(validateManifest(project(), manifestUrl).problems).toEqual([]);
  });

  const cases: [string, (m: any) => void][] = [
    ['missing id', (m) => delete m.id],
    ['missing captions', (m) => delete m.captions],
    ['version 2', (m) => (m.version = 2)],
    ['bad id', (m) => (m.id = 'Bad_Id')],
    ['unknown key', (m) => (m.colour = 'red')],
    ['title not an object', (m) => (m.title = 'x')],
    ['empty media', (m) => (m.media = [])],
    ['bad media type', (m) => (m.media[0].type = 'video/avi')],
    ['media without src', (m) => delete m.media[0].src],
    ['caption kind', (m) => (m.captions[0].kind = 'descriptions')],
    ['caption label missing', (m) => delete m.captions[0].label],
    ['caption default not boolean', (m) => (m.captions[0].default = 'yes')],
    ['caption unknown key', (m) => (m.captions[0].srclang = 'fr')],
    ['javascript: poster', (m) => (m.poster = 'javascript:alert(1)')],
    ['data: caption', (m) => (m.captions[0].src = 'data:text/vtt,WEBVTT')],
    ['bad lang', (m) => (m.language = 'french!')],
    ['notes bad chapter id', (m) => (m.notes.fr['Bad Id'] = 'x.md')],
    ['notes not strings', (m) => (m.notes.fr.introduction = 1)],
    ['duration negative', (m) => (m.duration = -1)],
    ['provider without name', (m) => (m.provider = { url: 'https://x' })],
    ['chapters item not object', (m) => (m.chapters[0] = 'x')],
    ['descriptions item without src', (m) => delete m.descriptions[0].src],
    ['empty label', (m) => (m.captions[0].label = '')],
  ];
  for (const [name, mutate] of cases) {
    it(`both reject: ${name}`, () => {
      const m = project();
      mutate(m);
      expect(schemaErrors(schema, m)).not.toEqual([]);
      expect(validateManifest(m, manifestUrl).problems.filter((p) => p.severity === 'error')).not.toEqual([]);
    });
  }

  it('both accept optional properties left out', () => {
    const m = project();
    for (const k of ['$schema', 'series', 'provider', 'description', 'poster', 'thumbnails', 'chapters', 'descriptions', 'notes']) delete m[k];
    m.duration = 230.4;
    expect(schemaErrors(schema, m)).toEqual([]);
    expect(validateManifest(m, manifestUrl).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
