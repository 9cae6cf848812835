/** `lesson-player new`, `convert` and `preview`, run in-process (the CLI's `run` and `startPreview`). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/cli/lint.ts';
import { run } from '../../src/cli/main.ts';
import { languageName } from '../../src/cli/new-command.ts';
import { startPreview } from '../../src/cli/preview-command.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const formats = join(root, 'tests/fixtures/formats');
const video = join(root, 'media/survivre-en-milieu-hostile.webm');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-new-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasFfprobe = spawnSync('ffprobe', ['-version']).status === 0;

describe('lesson-player new', () => {
  it('makes a lesson from a video, an SRT, an SBV and chapter files from another player, that lints without errors', () => {
    const r = run(
      [
        'new', 'lesson', '--video', video, '--title', 'Survivre en milieu hostile',
        '--captions', `fr=${join(formats, 'subtitling-company.fr.srt')},en=${join(formats, 'youtube.en.sbv')}`,
        '--chapters', `fr=${join(formats, 'able-player.chapters.fr.vtt')},en=${join(formats, 'able-player.chapters.en.vtt')}`,
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lesson-player preview lesson\/lesson\.json/);
    const manifest = JSON.parse(readFileSync(join(dir, 'lesson/lesson.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: 1,
      id: 'survivre-en-milieu-hostile',
      title: { fr: 'Survivre en milieu hostile' },
      language: 'fr',
      media: [{ src: 'media/survivre-en-milieu-hostile.webm', type: 'video/webm' }],
      captions: [
        { lang: 'fr', label: 'Français', kind: 'captions', default: true, src: 'captions/survivre-en-milieu-hostile.fr.vtt' },
        { lang: 'en', label: 'English', kind: 'subtitles', src: 'captions/survivre-en-milieu-hostile.en.vtt' },
      ],
    });
    if (hasFfprobe) expect(manifest.duration).toBeCloseTo(229.4, 0);
    expect(readFileSync(join(dir, 'lesson/captions/survivre-en-milieu-hostile.fr.vtt'), 'utf8')).toContain('c’est l’été');
    // Both chapter tracks carry the ids of the lesson language's track.
    for (const lang of ['fr', 'en']) {
      const text = readFileSync(join(dir, `lesson/chapters/survivre-en-milieu-hostile.${lang}.vtt`), 'utf8');
      expect(text.match(/^[a-z0-9-]+$/gm)).toEqual(['introduction', 'six-mois-plus-tard']);
    }
    // What lint finds is the authors' own norms: these short chapters do not cover the whole video, a line reads fast.
    const { findings } = lintPaths(['lesson/lesson.json'], { cwd: dir, captionRules: {}, ruleSettings: {} });
    const errors = findings.filter((f) => f.severity === 'error');
    expect([...new Set(errors.map((f) => f.rule))]).toEqual(hasFfprobe ? ['chapter-cover'] : []);
    expect(findings.filter((f) => !/^(cue-|chapter-cover)/.test(f.rule))).toEqual([]);
  });

  it('refuses bad input with one line and exit status 2, creating nothing', () => {
    const cases: [string[], RegExp][] = [
      [['new', 'x1', '--video', 'missing.mp4'], /missing\.mp4: no such video file/],
      [['new', 'x2', '--video', video, '--captions', 'zz=a.vtt'], /"zz" is not a known language code/],
      [['new', 'x3', '--video', video, '--captions', `fr=${join(formats, 'README.md')}`], /expected a \.vtt, \.srt or \.sbv track/],
      [['new', 'x4', '--video', video, '--captions', 'fr=nothing.srt'], /nothing\.srt: no such file/],
      [['new', 'x5', '--video', video, '--captions', `fr=${join(root, 'package.json')}`], /expected a \.vtt/],
      [['new', 'x6', '--video', join(formats, 'vimeo.fr.vtt'), '--lang', 'fr'], /not a video or audio file/],
      [['new', 'x7', '--video', video], /give --lang/],
    ];
    writeFileSync(join(dir, 'broken.srt'), '1\n00:00:01,000 --> nonsense\nx\n');
    cases.push([['new', 'x8', '--video', video, '--captions', 'fr=broken.srt'], /broken\.srt:2: not a valid SRT file/]);
    for (const [args, message] of cases) {
      const r = run(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, args[1]!))).toBe(false);
    }
  });

  it('names languages in themselves and knows which codes are languages', () => {
    expect(languageName('fr')).toBe('Français');
    expect(languageName('pt-BR')).toMatch(/^Português/);
    expect(languageName('zz')).toBeUndefined();
    expect(languageName('français')).toBeUndefined();
  });
});

describe('lesson-player convert', () => {
  it('writes WebVTT to a file, and refuses a non-subtitle file naming the line (exit 2)', () => {
    const ok = run(['convert', join(formats, 'subtitling-company.fr.srt'), '-o', 'out.vtt'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/4 cues converted from SRT \(Windows-1252\) into out\.vtt/);
    expect(readFileSync(join(dir, 'out.vtt'), 'utf8')).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:03\.500\n<i>Bonjour<\/i> à tous, c’est l’été\.\n/);
    writeFileSync(join(dir, 'notes.srt'), 'Meeting notes\n\nnothing timed here\n');
    const refused = run(['convert', 'notes.srt', '-o', 'never.vtt'], dir);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe('lesson-player convert: notes.srt:1: not a valid SRT file: expected a timing line such as "00:00:01,000 --> 00:00:02,500", found "Meeting notes"\n');
    expect(existsSync(join(dir, 'never.vtt'))).toBe(false);
  });
});

describe('lesson-player preview', () => {
  it('serves the page, the player build and the lesson files (with ranges), nothing outside them', async () => {
    const player = join(dir, 'fake-player');
    mkdirSync(player, { recursive: true });
    writeFileSync(join(player, 'lesson-player.js'), 'export {};\n');
    run(['new', 'served', '--video', video, '--captions', `fr=${join(formats, 'youtube-manual.fr.vtt')}`], dir);
    const preview = await startPreview(join(dir, 'served/lesson.json'), 0, player);
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await (await fetch(preview.url)).text();
      expect(page).toContain('<lesson-player lesson="/files/lesson.json" lang="fr">');
      expect(page).toContain('<script type="module" src="/player/lesson-player.js">');
      expect((await fetch(new URL('/player/lesson-player.js', preview.url))).headers.get('content-type')).toMatch(/javascript/);
      const manifest = await (await fetch(new URL('/files/lesson.json', preview.url))).json();
      expect(manifest.media[0].src).toBe('media/survivre-en-milieu-hostile.webm');
      const track = await fetch(new URL('/files/captions/survivre-en-milieu-hostile.fr.vtt', preview.url));
      expect(track.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
      const range = await fetch(new URL('/files/media/survivre-en-milieu-hostile.webm', preview.url), { headers: { range: 'bytes=0-99' } });
      expect(range.status).toBe(206);
      expect((await range.arrayBuffer()).byteLength).toBe(100);
      for (const path of ['/files/../../etc/passwd', '/files/%2e%2e/%2e%2e/etc/passwd', '/player/../package.json', '/nope']) {
        expect((await fetch(new URL(path, preview.url))).status, path).toBe(404);
      }
    } finally {
      await preview.close();
    }
  });

  it('refuses a missing or invalid manifest', async () => {
    await expect(startPreview(join(dir, 'none.json'))).rejects.toThrow(/no such manifest|not built/);
    writeFileSync(join(dir, 'bad.json'), '{"version": 2}');
    const player = join(dir, 'fake-player');
    await expect(startPreview(join(dir, 'bad.json'), 0, player)).rejects.toThrow(/bad\.json: .*lesson-player lint/);
  });
});
