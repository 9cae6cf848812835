/**
 * The package as published (after the build): `npm pack` ships the library, its types, custom-elements.json and
 * the CLI, nothing else; a TypeScript consumer resolves both entry points through `exports`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack ships the library, its types, custom-elements.json and the CLI, and nothing else', () => {
  // --ignore-scripts: the e2e run has built dist already; prepack would build again.
  const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [
    { files: { path: string }[] },
  ];
  const files = pack.files.map((f) => f.path);
  for (const path of [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/lib/lesson-player.js',
    'dist/lib/embed-api.js',
    'dist/lib/custom-elements.json',
    'dist/lib/types/index.d.ts',
    'dist/lib/types/embed/embed-api.d.ts',
    'bin/lesson-player.js',
    'dist/cli/lesson-player.js',
    'schemas/lesson.schema.json',
  ]) {
    expect(files, path).toContain(path);
  }
  expect(files.some((f) => f.startsWith('dist/lib/chunks/marked'))).toBe(true);
  const stray = files.filter((f) => /^(tests|media|lessons|captions|chapters|node_modules|src|dist\/assets)\/|\.test\.ts$/.test(f) || f.endsWith('.html'));
  expect(stray).toEqual([]);

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const target of [pkg.types, pkg.exports['.'].types, pkg.exports['.'].default, pkg.exports['./embed-api'].types, pkg.exports['./embed-api'].default, pkg.customElements]) {
    expect(files, target).toContain(target.replace(/^\.\//, ''));
  }
});

test('custom-elements.json describes every element with its attributes, events, parts and custom properties', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/lib/custom-elements.json'), 'utf8'));
  const elements = new Map<string, Record<string, { name: string }[]>>();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.tagName) elements.set(d.tagName, d);
  expect([...elements.keys()]).toEqual(expect.arrayContaining(['lesson-captions', 'lesson-chapters', 'lesson-embed', 'lesson-notes', 'lesson-player', 'lesson-transcript']));
  const names = (tag: string, key: string) => (elements.get(tag)![key] ?? []).map((x) => x.name);
  expect(names('lesson-player', 'attributes')).toEqual(expect.arrayContaining(['lesson', 'lang', 'panels', 'layout', 'start', 'descriptions', 'scorm', 'xapi-endpoint', 'xapi-auth', 'xapi-actor', 'xapi-activity', 'cmi5', 'complete-at']));
  expect(names('lesson-player', 'events')).toEqual(['lesson-ready', 'lesson-descriptionschange', 'lesson-cuechange', 'lesson-chapterchange', 'lesson-error']);
  expect(names('lesson-player', 'members')).toEqual(expect.arrayContaining(['currentTime', 'play', 'seekToChapter', 'setCaptions', 'setDescriptions']));
  expect(names('lesson-player', 'cssParts')).toEqual(expect.arrayContaining(['base', 'media', 'tabs']));
  expect(names('lesson-player', 'cssProperties')).toEqual(expect.arrayContaining(['--lesson-accent', '--lesson-font-size']));
  for (const tag of ['lesson-transcript', 'lesson-chapters', 'lesson-notes']) {
    expect(names(tag, 'attributes'), tag).toContain('for');
    expect(names(tag, 'cssParts').length, tag).toBeGreaterThan(2);
  }
  // Private plumbing stays out.
  expect(names('lesson-transcript', 'members').filter((n) => n.startsWith('#') || n === 'watches')).toEqual([]);
});

test('a TypeScript consumer imports both entry points by package name, typed', () => {
  const dir = join(root, '.e2e', `consumer-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { LessonPlayer, type LessonReadyDetail } from 'lesson-player';
import { connectLessonEmbed, type EmbedEventOf } from 'lesson-player/embed-api';
const player: LessonPlayer = document.createElement('lesson-player');
player.seek(30);
player.addEventListener('lesson-ready', (e) => console.log((e as CustomEvent<LessonReadyDetail>).detail.title));
const embed = connectLessonEmbed(document.querySelector('iframe')!);
embed.on('chapterchange', (e: EmbedEventOf<'chapterchange'>) => console.log(e.chapter?.title));
// @ts-expect-error: seek takes seconds
embed.seek('30');
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/.bin/tsc');
    let output = '';
    try {
      execFileSync(tsc, ['-p', dir], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
