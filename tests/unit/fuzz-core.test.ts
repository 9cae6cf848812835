import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.ts';
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

/** A valid file with random insertions, deletions and replacements. */
const mutated = fc
  .array(
    fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 }))),
    { minLength: 1, maxLength: 8 },
  )
  .map((edits) => {
    let s = VALID;
    for (const [at, op, tok] of edits) {
      const i = at % (s.length + 1);
      if (op === 'insert') s = s.slice(0, i) + tok + s.slice(i);
      else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1 + (at % 5));
      else s = s.slice(0, i) + tok + s.slice(i + tok.length);
    }
    return s;
  });

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
