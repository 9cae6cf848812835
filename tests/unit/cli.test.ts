import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The command as it ships, built from these sources by the global setup (tests/unit/cli-build.ts).
const bin = inject('cliPath');
let dir: string;

function lp(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function write(rel: string, content: string | Uint8Array) {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

const GOOD_CAPTIONS = 'WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour à tous.\n\n00:02.000 --> 00:05.000\nOn commence.\n';
const GOOD_CHAPTERS = 'WEBVTT\n\nintro\n00:00.000 --> 00:03.000\nIntro\n\nsuite\n00:03.000 --> 00:05.000\nSuite\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-lint-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts Node: a fraction of a second idle, seconds on a loaded 2-core machine.
describe('lesson-player lint (child process)', { timeout: 60_000 }, () => {
  it('exits 0 on a good captions file, with a summary on stderr', () => {
    write('good.vtt', GOOD_CAPTIONS);
    const r = lp(['lint', 'good.vtt']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    // Its kind was guessed, and the linter says so.
    expect(r.err).toBe('note: good.vtt: linted as captions, guessed from its name and folder (--kind says otherwise).\n0 errors, 0 warnings in 1 file\n');
  });

  it('prints path:line:col: severity: message [rule] and exits 1 on errors', () => {
    write('bad.vtt', 'WEBVTT\n\n00:00.000 --> 00:03.000\nune ligne\ndeux lignes\ntrois lignes\n\n00:02.000 --> 00:02.500\nTrop court et chevauchant.\n');
    const r = lp(['lint', 'bad.vtt']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    // Located at the first line too many, not at the timing line.
    expect(lines).toContain('bad.vtt:6:1: error: The cue has 3 lines (at most 2). [cue-lines]');
    expect(lines.some((l) => /^bad\.vtt:8:1: error: .* \[cue-overlap\]$/.test(l))).toBe(true);
    expect(lines.some((l) => /^bad\.vtt:8:1: warning: .* \[cue-min-duration\]$/.test(l))).toBe(true);
    expect(r.err).toMatch(/\n2 errors, \d+ warnings? in 1 file\n$/);
  });

  it('exits 0 with warnings only', () => {
    write('warn.vtt', 'WEBVTT\n\n00:00.000 --> 00:00.500\nOui.\n');
    const r = lp(['lint', 'warn.vtt']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warn\.vtt:3:1: warning: .*\[cue-min-duration\]/);
    expect(r.err).toMatch(/\n0 errors, 1 warning in 1 file\n$/);
  });

  it('--json prints findings and counts', () => {
    write('bad2.vtt', 'WEBVTT\n\n00:00.000 --> 00:03.000\n\n');
    const r = lp(['lint', '--json', 'bad2.vtt', 'missing.vtt']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors).toBe(2);
    expect(j.warnings).toBe(1);
    expect(j.findings.map((f: any) => [f.file, f.rule, f.line])).toEqual([
      ['bad2.vtt', 'cue-empty', 3],
      ['bad2.vtt', 'track-empty', 1],
      ['missing.vtt', 'file-missing', 1],
    ]);
  });

  it('locates a problem with the whole file at 1:1, for a missing file', () => {
    const r = lp(['lint', 'nope.vtt']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('nope.vtt:1:1: error: No such file or directory. [file-missing]\n');
  });

  it('thresholds come from flags and lessonlint.json; flags win', () => {
    write('cfg/long.vtt', 'WEBVTT\n\n00:00.000 --> 00:04.000\n' + 'x'.repeat(40) + '\n');
    expect(lp(['lint', 'long.vtt'], join(dir, 'cfg')).code).toBe(0);
    expect(lp(['lint', '--max-chars-per-line', '30', 'long.vtt'], join(dir, 'cfg')).out).toMatch(/\[cue-line-length\]/);
    expect(lp(['lint', '--max-cps=5', 'long.vtt'], join(dir, 'cfg')).out).toMatch(/warning: .*\[cue-cps\]/);
    write('cfg/lessonlint.json', JSON.stringify({ captions: { maxCharsPerLine: 30 }, rules: { 'cue-cps': 'error' } }));
    const r = lp(['lint', '--max-cps', '5', 'long.vtt'], join(dir, 'cfg'));
    expect(r.out).toMatch(/error: .*\[cue-line-length\]/);
    expect(r.out).toMatch(/error: .*\[cue-cps\]/);
    expect(lp(['lint', '--max-chars-per-line', '50', 'long.vtt'], join(dir, 'cfg')).code).toBe(0);
    expect(lp(['lint', '--no-config', 'long.vtt'], join(dir, 'cfg')).code).toBe(0);
    write('cfg/lessonlint.json', '{"captions": {"maxCps": "fast"}}');
    expect(lp(['lint', 'long.vtt'], join(dir, 'cfg')).code).toBe(2);
  });

  it('usage errors exit 2; --help exits 0', () => {
    expect(lp([]).code).toBe(2);
    expect(lp(['lint']).code).toBe(2);
    expect(lp(['frobnicate', 'x']).code).toBe(2);
    expect(lp(['lint', '--max-cps', 'abc', 'x.vtt']).code).toBe(2);
    expect(lp(['lint', '--max-lines', '0', 'x.vtt']).code).toBe(2);
    expect(lp(['lint', '--wat', 'x.vtt']).err).toMatch(/unknown option --wat/);
    const h = lp(['--help']);
    expect(h.code).toBe(0);
    for (const command of ['new <dir> --video', 'preview <manifest>', 'convert <in.srt|in.sbv>', 'lint [options]']) expect(h.out).toContain(`lesson-player ${command}`);
    expect(lp(['lint', '--help']).code).toBe(0);
  });

  it('bin/lesson-player.js runs the compiled command where the sources are absent, as in the installed package', () => {
    // The package's layout: bin/ beside dist/cli/, no src/; packages resolved from the project's node_modules.
    const installed = mkdtempSync(join(tmpdir(), 'lesson-installed-'));
    try {
      mkdirSync(join(installed, 'bin'));
      mkdirSync(join(installed, 'dist'));
      copyFileSync(join(root, 'bin/lesson-player.js'), join(installed, 'bin/lesson-player.js'));
      cpSync(dirname(bin), join(installed, 'dist/cli'), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'), 'dir');
      const r = spawnSync(process.execPath, [join(installed, 'bin/lesson-player.js'), '--help'], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('lesson-player lint [options]');
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });

  it('never crashes: empty, binary, invalid UTF-8, BOM, CR-only, a directory', () => {
    write('robust/empty.vtt', '');
    write('robust/binary.vtt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    write('robust/latin1.vtt', Uint8Array.from([...new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:02.000\nd'), 0xe9, 0x6a, 0x61]));
    write('robust/bom.vtt', '\uFEFF' + GOOD_CAPTIONS);
    write('robust/cr.vtt', GOOD_CAPTIONS.replace(/\n/g, '\r'));
    const r = lp(['lint', 'robust/empty.vtt', 'robust/binary.vtt', 'robust/latin1.vtt', 'robust/bom.vtt', 'robust/cr.vtt']);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      'robust/empty.vtt:1:1: error: The file is empty. [file-empty]',
      expect.stringMatching(/^robust\/binary\.vtt:1:\d: error: .*NUL byte.*\[file-binary\]$/),
      expect.stringMatching(/^robust\/latin1\.vtt:4:2: error: Invalid UTF-8 at line 4, column 2 .*\[file-encoding\]$/),
    ]);
    expect(r.err).toMatch(/\n3 errors, 0 warnings in 5 files\n$/);
    // A directory is walked for .vtt and manifests.
    const d = lp(['lint', 'robust']);
    expect(d.code).toBe(1);
    expect(d.err).toBe('3 errors, 0 warnings in 5 files\n');
    mkdirSync(join(dir, 'emptydir'), { recursive: true });
    expect(lp(['lint', 'emptydir']).out).toMatch(/^emptydir: warning: .*\[dir-empty\]/);
  });

  it('handles 100 000 cues and caps repeated findings', () => {
    const parts = ['WEBVTT', ''];
    const t = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    for (let i = 0; i < 100_000; i++) parts.push(`${t(i)} --> ${t(i + 1)}`, `Cue ${i}: ${'x'.repeat(20)}`, '');
    write('big/big.vtt', parts.join('\n'));
    // The command's own processor time, written by a preload as it exits: the machine's load does not count.
    const cpuFile = join(dir, 'big/cpu.json');
    write('big/report-cpu.cjs', `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(cpuFile)}, JSON.stringify(process.cpuUsage())));`);
    const run = spawnSync(process.execPath, ['--require', join(dir, 'big/report-cpu.cjs'), bin, 'lint', 'big/big.vtt'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const r = { code: run.status, out: run.stdout, err: run.stderr };
    const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
    // A guard against a quadratic walk, not the tested condition (that is the output below): about 3 s of processor
    // time here; 20 s is room for a slower machine, not for an O(n²) walk.
    expect((user + system) / 1e6, 'linting 100 000 cues took over 20 s of processor time (a quadratic walk?); not a speed benchmark').toBeLessThan(20);
    expect(r.code).toBe(0);
    // every cue is read faster than 17 cps: 100 000 warnings, 50 shown and one line for the rest
    expect(r.err).toMatch(/\n0 errors, 100000 warnings in 1 file\n$/);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe('big/big.vtt: warning: 99950 more findings of this rule not shown (--max-per-rule 0 shows all). [cue-cps]');
  });

  it('lints a manifest and everything it references', () => {
    const m = {
      $schema: '../schemas/lesson.schema.json',
      version: 1,
      id: 'demo',
      title: { fr: 'Démo', en: 'Demo' },
      language: 'fr',
      media: [{ src: '../media/demo.webm', type: 'video/webm' }, { src: '../media/missing.mp4', type: 'video/mp4' }],
      poster: '../media/demo.jpg',
      captions: [
        { lang: 'fr', label: 'Français', src: '../captions/demo.fr.vtt', kind: 'captions', default: true },
        { lang: 'en', label: 'English', src: '../captions/demo.en.vtt', kind: 'subtitles' },
      ],
      chapters: [
        { lang: 'fr', src: '../chapters/demo.fr.vtt' },
        { lang: 'en', src: '../chapters/demo.en.vtt' },
      ],
      notes: {
        fr: { intro: '../chapters/notes/fr/intro.md', suite: '../chapters/notes/fr/suite.md' },
        en: { intro: '../chapters/notes/en/intro.md', autre: '../chapters/notes/en/autre.md' },
      },
    };
    const text = JSON.stringify(m, null, 2);
    write('site/lessons/demo.json', text);
    // the reported positions are those of the JSON values
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect([lineOf('missing.mp4'), lineOf('"en": {'), lineOf('autre.md')]).toEqual([16, 51, 53]);
    write('site/media/demo.webm', 'not really a video');
    write('site/media/demo.jpg', 'jpeg');
    write('site/captions/demo.fr.vtt', GOOD_CAPTIONS);
    write('site/captions/demo.en.vtt', GOOD_CAPTIONS.replace('00:02.000 --> 00:05.000', '00:02.000 --> 00:09.000'));
    write('site/chapters/demo.fr.vtt', GOOD_CHAPTERS);
    write('site/chapters/demo.en.vtt', GOOD_CHAPTERS);
    write('site/chapters/notes/fr/intro.md', '# Intro\n');
    write('site/chapters/notes/fr/suite.md', '');
    write('site/chapters/notes/en/intro.md', '# Intro\n');
    const r = lp(['lint', 'lessons/demo.json'], join(dir, 'site'));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toEqual([
      'lessons/demo.json:16:14: error: media[1].src: media/missing.mp4 does not exist. [file-missing]',
      'chapters/demo.en.vtt:8:1: error: The chapters end at 00:05.000, before the captions end (00:09.000). [chapter-cover]',
      'lessons/demo.json:51:11: warning: notes.en: no note for the chapter "suite" in "en". [notes-missing]',
      'chapters/notes/fr/suite.md:1:1: error: The file is empty. [file-empty]',
      'lessons/demo.json:53:16: warning: notes.en.autre: there is no chapter "autre" in the "en" chapters. [notes-orphan]',
      'lessons/demo.json:53:16: error: notes.en.autre: chapters/notes/en/autre.md does not exist. [file-missing]',
    ]);
  });

  it('works from any working directory and lints the project manifest', () => {
    const r = lp(['lint', join(root, 'lessons/survivre-en-milieu-hostile.json')], tmpdir());
    expect([0, 1]).toContain(r.code);
    expect(r.err).toMatch(/^\d+ errors?, \d+ warnings? in \d+ files?\n$/);
    // Its description tracks are measured against the speech that follows: each slide's needs extended description.
    const extended = r.out.split('\n').filter((l) => l.includes('[description-extended]'));
    expect(extended).toHaveLength(18);
    expect(extended[1]).toMatch(/descriptions\/survivre-en-milieu-hostile\.fr\.vtt:13:1: warning: Needs extended description: \d+ characters .* has 0 s\./);
  });
});
