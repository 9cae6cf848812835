import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.ts';
import type { LessonProblem } from '../../src/core/types.ts';
import { validateManifest } from '../../src/core/manifest.ts';
import { isLearnerFacing, LEARNER_FACING_RULES } from '../../src/core/problem-audience.ts';
import { localizeProblem, LOCALIZED_RULES } from '../../src/i18n/problems.ts';

const problem = (rule: string, message: string, params?: LessonProblem['params']): LessonProblem => ({
  severity: 'error',
  file: 'f.vtt',
  kind: 'captions',
  rule,
  message,
  ...(params ? { params } : {}),
});

describe('problem messages in the UI language', () => {
  it('words the fetch and decode faults in French from rule and params, and keeps English for en', () => {
    expect(localizeProblem(problem('fetch-status', 'the server answered 404 Not Found', { status: 404 }), 'fr')).toBe(
      'le fichier est introuvable sur le serveur (erreur 404)',
    );
    expect(localizeProblem(problem('fetch-status', 'the server answered 503', { status: 503 }), 'fr')).toMatch(/erreur 503/);
    expect(localizeProblem(problem('fetch-timeout', 'no answer within 1.5 s', { seconds: 1.5 }), 'fr')).toBe('le serveur n’a pas répondu en 1,5\u00a0s');
    expect(localizeProblem(problem('fetch-status', 'the server answered 404 Not Found', { status: 404 }), 'en')).toBe('the server answered 404 Not Found');
  });

  it('gives every decoding problem a French wording with its values', () => {
    const utf16 = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0]), 'f.vtt', 'captions').problems[0]!;
    expect(localizeProblem(utf16, 'fr')).toMatch(/UTF-16/);
    const bad = decodeText(new Uint8Array([0x41, 0xc3, 0x28]), 'f.vtt', 'captions').problems[0]!;
    expect(localizeProblem(bad, 'fr')).toBe('le fichier n’est pas en UTF-8 valide (octet 0xC3)\u00a0: enregistrez-le en UTF-8');
    for (const bytes of [[], [0x41, 0, 0x42], [0x20, 0x0a]]) {
      const p = decodeText(new Uint8Array(bytes), 'f.vtt', 'captions').problems[0]!;
      expect(LOCALIZED_RULES).toContain(p.rule);
      expect(localizeProblem(p, 'fr')).not.toBe(p.message);
    }
  });

  it('words every learner-facing rule in French without quoting the English message', () => {
    for (const rule of LEARNER_FACING_RULES) {
      expect(LOCALIZED_RULES).toContain(rule);
      const english = 'Some English detail here.';
      const fr = localizeProblem(problem(rule, english, { status: 404, seconds: 1, type: 'text/html', reason: 'decode' }), 'fr');
      expect(fr).not.toContain(english);
      expect(fr.length).toBeGreaterThan(10);
    }
  });

  it('words manifest errors in French from their JSON path, never with the English message', () => {
    const invalid = validateManifest({ version: 1, id: 'x', title: { fr: 'T' }, language: 'fr', media: [{ src: 'javascript:alert(1)', type: 'video/mp4' }], captions: [] }, 'https://example.org/l.json');
    const problems = invalid.problems.filter(isLearnerFacing);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const fr = localizeProblem(p, 'fr');
      expect(fr).not.toContain(p.message);
      expect(fr).toMatch(/media\[0\]\.src|la description de la leçon/);
    }
    expect(problems.map((p) => localizeProblem(p, 'fr')).join(' ')).toContain('javascript:');
  });
});
