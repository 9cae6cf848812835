import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeText } from '../../src/core/decode.ts';
import { parseDeepLink } from '../../src/core/deep-link.ts';
import { formatTime } from '../../src/core/time.ts';
import { parseManifestText, validateManifest } from '../../src/core/manifest.ts';
import { checkCaptions, checkChapters } from '../../src/core/norms.ts';
import { parseCaptions, parseChapters } from '../../src/core/vtt.ts';

const VALID = [
  'WEBVTT',
  '',
  'NOTE chapters below',
  '',
  'intro',
  '00:00:00.000 --> 00:00:02.000 align:start line:10%',
  '<v Alice>Bonjour <b>à</b> <i.x>tous</i> &amp; <00:00:01.000>bienvenue</v>',
  '- deuxième ligne',
  '',
  'suite',
  '00:02.000 --> 00:04.500',
  '<ruby>漢<rt>kan</rt></ruby> <lang en>hello</lang> <c.a.b>c</c>',
  '',
  '00:04.500 --> 00:07.000',
  'fin',
].join('\n');

const TOKENS = ['\n', '\r\n', '\r', '-->', ' --> ', '<', '>', '</', '&', ';', '&amp;', 'WEBVTT', 'NOTE', 'STYLE', 'REGION', '00:', '.000', '<v ', '<ruby>', '<rt>', '\0', '\uFEFF', '🎬', ':', ' '];

type Edit = [number, 'insert' | 'delete' | 'replace', string];
const edits = (tokens: string[]) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom<Edit[1]>('insert', 'delete', 'replace'), fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 4 }))), {
    minLength: 1,
    maxLength: 8,
  });
/** `source` with random insertions, deletions and replacements. */
function mutate(source: string, list: Edit[]): string {
  let s = source;
  for (const [at, op, tok] of list) {
    const i = at % (s.length + 1);
    if (op === 'insert') s = s.slice(0, i) + tok + s.slice(i);
    else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1 + (at % 5));
    else s = s.slice(0, i) + tok + s.slice(i + tok.length);
  }
  return s;
}

/** A valid file with random insertions, deletions and replacements. */
const mutated = edits(TOKENS).map((list) => mutate(VALID, list));

const tokenSoup = fc.array(fc.constantFrom(...TOKENS, 'a', 'é', '1', '0'), { maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), tokenSoup, mutated);

/** Plain checks: vitest's expect is too slow to call thousands of times per property run. */
function ok(cond: boolean, what: string, detail: unknown): void {
  if (!cond) throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

function checkTrackInvariants(text: string) {
  const caps = parseCaptions(text, 'f.vtt');
  const chaps = parseChapters(text, 'f.vtt');
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const p of [...caps.problems, ...chaps.problems, ...checkCaptions(caps.items, 'f.vtt'), ...checkChapters(chaps.items, 'f.vtt')]) {
    ok(p.line !== undefined && p.line >= 1 && p.line <= lines, 'problem line within the file', p);
    ok(p.col === undefined || p.col >= 1, 'problem column', p);
    ok(p.severity === 'error' || p.severity === 'warning', 'severity', p);
    ok(p.file === 'f.vtt' && /^[a-z0-9-]+$/.test(p.rule) && p.message.length > 0, 'file, rule and message', p);
  }
  caps.items.forEach((c, i) => {
    ok(c.index === i && c.line >= 1 && c.line <= lines, 'cue index and line', c);
    ok(Number.isFinite(c.start) && Number.isFinite(c.end) && typeof c.text === 'string', 'cue times and text', c);
    ok(i === 0 || c.start >= caps.items[i - 1]!.start, 'cues in start order', c);
  });
  for (const c of chaps.items) ok(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.id), 'chapter id is a slug', c);
}

describe('fuzz: WebVTT parsing never throws and every problem has a line', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(anyText, (s) => checkTrackInvariants(s)), { numRuns: 2000 });
  }, 20_000);

  it('mutated copies of a valid file', () => {
    fc.assert(fc.property(mutated, (s) => checkTrackInvariants(s)), { numRuns: 2000 });
  }, 20_000);

  it('arbitrary bytes through decodeText then parsing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decodeText(bytes, 'f.vtt', 'captions');
        expect(d.text !== undefined || d.problems.length > 0).toBe(true);
        if (d.text !== undefined) checkTrackInvariants(d.text);
      }),
      { numRuns: 1000 },
    );
  });
});

const manifestish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('javascript:alert(1)', 'data:,x', '../a.vtt', 'fr', 'captions', 'subtitles', 'video/webm', 'https://x.example/a'),
    fc.jsonValue({ maxDepth: 2 }),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  object: fc.dictionary(
    fc.constantFrom('version', 'id', 'title', 'language', 'media', 'captions', 'chapters', 'notes', 'src', 'type', 'lang', 'label', 'kind', 'default', 'fr', 'en', 'provider', 'name', 'url', 'poster', '__proto__', 'constructor'),
    tie('value'),
    { maxKeys: 8 },
  ),
}));

/** The project's own lesson files, mutated: real-sized input with the shapes authors actually write. */
const own = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const OWN_TRACKS = ['captions/survivre-en-milieu-hostile.fr.vtt', 'captions/survivre-en-milieu-hostile.en.vtt', 'chapters/survivre-en-milieu-hostile.fr.vtt'].map(own);
const OWN_MANIFEST = own('lessons/survivre-en-milieu-hostile.json');

describe("fuzz: mutations of the project's own files", () => {
  it('captions and chapters', () => {
    fc.assert(fc.property(fc.constantFrom(...OWN_TRACKS), edits(TOKENS), (file, list) => checkTrackInvariants(mutate(file, list))), { numRuns: 300 });
  }, 20_000);

  it('the manifest', () => {
    const JSON_TOKENS = ['"', ',', ':', '{', '}', '[', ']', 'null', 'javascript:', '../', '\\u0000', 'true', '0', '-1', '1e999'];
    fc.assert(
      fc.property(edits(JSON_TOKENS), (list) => {
        const text = mutate(OWN_MANIFEST, list);
        const parsed = parseManifestText(text, 'https://example.org/lessons/m.json');
        ok(parsed.value !== undefined || (parsed.problems.length === 1 && parsed.problems[0]!.rule === 'manifest-json'), 'JSON or one located problem', parsed.problems);
        if (parsed.value === undefined) return;
        const r = validateManifest(parsed.value, 'https://example.org/lessons/m.json');
        for (const u of r.manifest ? [...r.manifest.media.map((m) => m.src), ...r.manifest.captions.map((c) => c.src), r.manifest.poster ?? 'https:'] : []) {
          ok(['http:', 'https:', 'file:'].includes(new URL(u).protocol), 'only http(s)/file URLs survive', u);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: URL fragments → a start time', () => {
  const piece = fc.oneof(
    fc.constantFrom('t=', 'chapter=', '&', '#', '?', '%', '%3C', '%ZZ', '+', ':', ',', 'npt:', 'h', 'm', 's', '.', '-', 'e', 'Infinity', 'NaN', '1e308', 'la-crise-politique', '<img src=x onerror=1>'),
    fc.string({ maxLength: 6 }),
    fc.nat({ max: 99999 }).map(String),
  );
  const fragment = fc.oneof(fc.string({ maxLength: 80 }), fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), fc.string({ minLength: 500, maxLength: 700 }));

  it('never throws; a time is finite and non-negative, a chapter is a slug, anything ignored is said', () => {
    fc.assert(
      fc.property(fragment, (hash) => {
        const link = parseDeepLink(hash);
        ok(link.time === undefined || (Number.isFinite(link.time) && link.time >= 0), 'time finite and >= 0', { hash, link });
        ok(link.chapter === undefined || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(link.chapter), 'chapter is a slug', { hash, link });
        ok(link.warnings.every((w) => typeof w === 'string' && w.length > 0), 'warnings are sentences', link);
        if (hash.length > 513) ok(link.time === undefined && link.chapter === undefined && link.warnings.length === 1, 'long fragments ignored', link);
      }),
      { numRuns: 3000 },
    );
  });

  it('a time written as seconds, as the player writes it (m:ss, h:mm:ss) or as XmYs comes back as that number', () => {
    fc.assert(
      fc.property(fc.nat({ max: 35_999 }), fc.constantFrom('s', 'clock', 'ms'), (t, form) => {
        const m = Math.floor(t / 60);
        const text = form === 's' ? `${t}` : form === 'clock' ? formatTime(t) : `${m}m${t % 60}s`;
        ok(parseDeepLink(`#t=${text}`).time === t, 'round trip', { text, t });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: manifest validation never throws and names a path', () => {
  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), manifestish.object, manifestish.value), (v) => {
        const r = validateManifest(v, 'https://example.org/l/m.json');
        for (const p of r.problems) {
          // starts with a JSON path: (root), a key, or a quoted key, then more path, then ": "
          expect(p.message).toMatch(/^(\(root\)|\$schema|[A-Za-z_$][\w$-]*|\[".*?"\])(\[\d+\]|\.[\w$-]+|\[".*?"\])*: /);
          expect(p.kind).toBe('manifest');
        }
        if (r.manifest) {
          expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
          for (const u of [...r.manifest.media.map((m) => m.src), ...r.manifest.captions.map((c) => c.src), r.manifest.poster ?? 'https:']) {
            expect(['http:', 'https:', 'file:']).toContain(new URL(u).protocol);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary text as a manifest', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (s) => {
        const r = parseManifestText(s, 'https://example.org/m.json');
        expect(r.value !== undefined || r.problems.length === 1).toBe(true);
        if (r.value !== undefined) validateManifest(r.value, 'https://example.org/m.json');
      }),
      { numRuns: 1000 },
    );
  });
});
