import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest.ts';
import { run } from '../../src/cli/main.ts';
import { imageSize, oembedResponse } from '../../src/cli/oembed.ts';
import { componentSnippet, embedSize, embedUrl, escapeAttribute, iframeSnippet } from '../../src/embed/snippets.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The command as it ships, built from these sources by the global setup (tests/unit/cli-build.ts).
const bin = inject('cliPath');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const minimal = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  id: 'demo',
  title: { fr: 'Leçon "à" <b>risque</b> & co', en: 'Risky lesson' },
  language: 'fr',
  media: [{ src: 'demo.webm', type: 'video/webm' }],
  captions: [{ lang: 'fr', label: 'Français', kind: 'captions', src: 'demo.fr.vtt' }],
  ...extra,
});

describe('snippets', () => {
  it('escapes attribute values', () => {
    expect(escapeAttribute(`"><script>alert('x')</script>&`)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
    const html = iframeSnippet('https://e.example/embed.html?lesson=a&t=3', 'A "quoted" <title>', 640, 408);
    expect(html).toBe(
      '<iframe src="https://e.example/embed.html?lesson=a&amp;t=3" title="A &quot;quoted&quot; &lt;title&gt;" width="640" height="408" style="border:0;max-width:100%" allow="fullscreen; picture-in-picture; clipboard-write" allowfullscreen loading="lazy"></iframe>',
    );
    expect(componentSnippet('https://e.example/lib/lesson-player.js', 'https://e.example/l.json?a=1&b="2"', 83.9, 'en')).toBe(
      '<script type="module" src="https://e.example/lib/lesson-player.js"></script>\n<lesson-player lesson="https://e.example/l.json?a=1&amp;b=&quot;2&quot;" lang="en" start="83"></lesson-player>',
    );
  });

  it('builds embed URLs with the manifest encoded, and a start only when past 0', () => {
    expect(embedUrl({ embedPage: 'https://e.example/embed.html?old=1', manifest: 'https://m.example/a b.json?x=1&y=2', start: 0 })).toBe(
      'https://e.example/embed.html?lesson=https%3A%2F%2Fm.example%2Fa+b.json%3Fx%3D1%26y%3D2',
    );
    expect(embedUrl({ embedPage: 'https://e.example/embed.html', manifest: 'https://m.example/l.json', start: 83.7, lang: 'en' })).toMatch(/&t=83&lang=en$/);
  });

  it('sizes embeds 16:9 plus the tab bar, within maxwidth and maxheight', () => {
    expect(embedSize()).toEqual({ width: 960, height: 588 });
    expect(embedSize(640)).toEqual({ width: 640, height: 408 });
    expect(embedSize(2000)).toEqual({ width: 960, height: 588 });
    expect(embedSize(undefined, 300)).toEqual({ width: 448, height: 300 });
    const { width, height } = embedSize(500, 250);
    expect(width).toBeLessThanOrEqual(500);
    expect(height).toBeLessThanOrEqual(250);
  });
});

describe('oembedResponse', () => {
  const manifestUrl = 'https://lecons.example/lessons/demo.json';
  const manifest = validateManifest(minimal({ poster: '../media/demo.jpg' }), manifestUrl).manifest!;

  it('is a valid oEmbed 1.0 video response with the iframe snippet, escaped', () => {
    const r = oembedResponse(manifest, { manifestUrl, baseUrl: 'https://lecons.example/', posterSize: { width: 1280, height: 720 } });
    expect(r).toEqual({
      version: '1.0',
      type: 'video',
      title: 'Leçon "à" <b>risque</b> & co',
      html: expect.stringContaining('title="Leçon &quot;à&quot; &lt;b&gt;risque&lt;/b&gt; &amp; co"'),
      width: 960,
      height: 588,
      provider_name: 'lecons.example',
      provider_url: 'https://lecons.example/',
      thumbnail_url: 'https://lecons.example/media/demo.jpg',
      thumbnail_width: 1280,
      thumbnail_height: 720,
    });
    expect(r.html).toContain('src="https://lecons.example/embed.html?lesson=https%3A%2F%2Flecons.example%2Flessons%2Fdemo.json"');
    expect(r.html).toContain('width="960" height="588"');
  });

  it('honours maxwidth/maxheight, the language, and leaves the thumbnail out without a poster', () => {
    const plain = validateManifest(minimal({ provider: { name: 'DINUM', url: 'https://dinum.example' } }), manifestUrl).manifest!;
    const r = oembedResponse(plain, { manifestUrl, baseUrl: 'https://lecons.example/', maxWidth: 480, maxHeight: 250, lang: 'en' });
    expect(r.width).toBeLessThanOrEqual(480);
    expect(r.height).toBeLessThanOrEqual(250);
    expect(r.title).toBe('Risky lesson');
    expect(r.html).toContain('&amp;lang=en');
    expect(r.provider_name).toBe('DINUM');
    expect(r).not.toHaveProperty('thumbnail_url');
  });
});

describe('imageSize', () => {
  it('reads JPEG and PNG sizes', () => {
    expect(imageSize(readFileSync(join(root, 'media/survivre-en-milieu-hostile.poster.jpg')))).toEqual({ width: 1280, height: 720 });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000002800000016808060000', 'hex');
    expect(imageSize(png)).toEqual({ width: 640, height: 360 });
    expect(imageSize(Buffer.from('not an image'))).toBeUndefined();
  });
});

describe('lesson-player oembed (child process)', () => {
  const lp = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

  it('prints the response for the project lesson', { timeout: 60_000 }, () => {
    const r = lp(['oembed', 'lessons/survivre-en-milieu-hostile.json', '--base-url', 'https://lecons.example/formation', '--maxwidth', '640'], root);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ version: '1.0', type: 'video', title: 'Survivre en milieu hostile', width: 640, height: 408, provider_name: 'beta.gouv.fr' });
    expect(json.thumbnail_url).toBe('https://lecons.example/formation/media/survivre-en-milieu-hostile.poster.jpg');
    expect(json.html).toContain('src="https://lecons.example/formation/embed.html?lesson=https%3A%2F%2Flecons.example%2Fformation%2Flessons%2Fsurvivre-en-milieu-hostile.json"');
  });

  it('exits 2 on usage errors and 1 on a broken manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-oembed-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'lessons'));
    writeFileSync(join(dir, 'lessons/bad.json'), JSON.stringify({ ...minimal(), media: 'nope' }));
    // In process: the command's logic is `run`, the child process only adds the bin's startup.
    expect(run(['oembed', 'lessons/bad.json'], dir).code).toBe(2);
    expect(run(['oembed', 'lessons/bad.json', '--base-url', 'javascript:alert(1)'], dir).code).toBe(2);
    expect(run(['oembed', 'lessons/bad.json', '--base-url', 'https://x.example/', '--maxwidth', '-3'], dir).code).toBe(2);
    expect(run(['oembed', '../outside.json', '--base-url', 'https://x.example/'], join(dir, 'lessons')).code).toBe(2);
    const r = run(['oembed', 'lessons/bad.json', '--base-url', 'https://x.example/'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lessons\/bad\.json.*error: media/);
  });
});
