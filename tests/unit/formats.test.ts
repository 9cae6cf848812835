/**
 * The corpus of caption files as other tools write them (tests/fixtures/formats): browsers read every one, so the
 * linter finds no error in any, and each warning is one a browser copes with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/cli/lint.ts';
import { resolveVttKind } from '../../src/cli/lint-kind.ts';

const formats = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const lint = (file: string, kind?: 'captions' | 'chapters' | 'descriptions', cwd = formats) =>
  lintPaths([file], { cwd, captionRules: {}, ruleSettings: {}, ...(kind ? { kind } : {}) });
const rules = (file: string) => [...new Set(lint(file).findings.map((f) => `${f.severity} ${f.rule}`))].sort();

describe('caption files from other tools', () => {
  it.each([
    ['youtube-manual.fr.vtt', ['warning vtt-header']],
    ['youtube-auto.en.vtt', ['warning cue-cps', 'warning cue-min-duration', 'warning vtt-header']],
    ['vimeo.fr.vtt', ['warning cue-cps']],
    ['amara.en.vtt', ['warning vtt-cue-setting']],
    ['subtitle-edit.fr.vtt', ['warning vtt-cue-setting']],
    ['able-player.fr.vtt', ['warning vtt-cue-setting', 'warning vtt-header']],
    ['able-player.chapters.fr.vtt', ['warning chapter-id-slug', 'warning vtt-header']],
    ['able-player.chapters.en.vtt', ['warning chapter-id-slug', 'warning vtt-header']],
  ])('%s: warnings only, where browsers cope', (file, expected) => {
    expect(rules(file)).toEqual(expected);
  });

  it('locates the header warning at the first header line, with the fix', () => {
    const [header] = lint('youtube-manual.fr.vtt').findings;
    expect(header).toMatchObject({ rule: 'vtt-header', line: 2, col: 1 });
    expect(header!.message).toMatch(/"Kind: captions".*NOTE block, or delete them/);
  });
});

describe('norms by kind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-kinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
    return join(dir, rel);
  };
  const longChapters = 'WEBVTT\n\nintro\n00:00.000 --> 00:39.000\nIntroduction\n\nsuite\n00:39.000 --> 01:20.000\nLa suite\n';

  it('applies no caption norm to a chapter track, whichever way its kind is known', () => {
    write('tracks/c.vtt', longChapters);
    const asCaptions = lint('tracks/c.vtt', 'captions', dir).findings.map((f) => f.rule);
    expect(asCaptions).toContain('cue-max-duration');
    expect(lint('tracks/c.vtt', 'chapters', dir).findings).toEqual([]);
    write('named/chapters-track.vtt', longChapters);
    write('named/lesson.json', JSON.stringify({ version: 1, chapters: [{ lang: 'fr', src: 'chapters-track.vtt' }], captions: [] }));
    expect(resolveVttKind(join(dir, 'named/chapters-track.vtt'))).toMatchObject({ kind: 'chapters', source: 'manifest' });
    const named = lint('named/chapters-track.vtt', undefined, dir);
    expect(named.findings).toEqual([]);
    expect(named.notes).toEqual([expect.stringMatching(/linted as chapters, as named\/lesson\.json names it/)]);
    write('guess/intro.chapters.vtt', longChapters);
    const guessed = lint('guess/intro.chapters.vtt', undefined, dir);
    expect(guessed.findings).toEqual([]);
    expect(guessed.notes).toEqual([expect.stringMatching(/linted as chapters, guessed/)]);
  });

  it('checks description tracks with their own rule: they must fit their time at a speaking rate', () => {
    write('descriptions/d.vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\nUne femme entre dans un bureau encombré de dossiers.\n');
    const findings = lint('descriptions/d.vtt', undefined, dir).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['description-extended', 'warning', 4]]);
    const faster = lintPaths(['descriptions/d.vtt'], { cwd: dir, captionRules: {}, ruleSettings: {}, descriptionRules: { descriptionCps: 30 } });
    expect(faster.findings).toEqual([]);
  });
});
