/**
 * Issue #16, hosting: the nginx configuration the README gives (hosting/nginx.conf.template), run by Debian's nginx
 * over a small site shaped like the build (pages, hashed assets and library chunks, a lesson, its tracks and notes, a
 * progressive video, an HLS playlist and segment). Each answer's headers are checked as a browser or a CDN reads
 * them: types, ranges, compression, caching, CORS and the pages' Content-Security-Policy.
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP } from '../../vite.config.ts';
import { startNginx, type NginxServer } from '../e2e/nginx.ts';

const text = (line: string) => Array.from({ length: 60 }, (_, i) => `${line} ${i}`).join('\n');
/** A video's bytes: every byte differs from its neighbours, so a wrong range cannot pass for the right one. */
const video = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) % 251));

const SITE: Record<string, string | Buffer> = {
  'index.html': `<!doctype html><title>Leçon</title>${text('<p>page</p>')}`,
  'embed.html': `<!doctype html><title>Embed</title>${text('<p>embed</p>')}`,
  'assets/demo-Ab3_x-Z9.js': text('export const a = 1;'),
  'assets/demo-cA9PKMo2.css': text('p { color: red }'),
  'lib/lesson-player.js': text('export const entry = 1;'),
  'lib/chunks/marked.esm-I66GLfsh.js': text('export const chunk = 1;'),
  'lessons/lesson.json': JSON.stringify({ title: 'Leçon', lines: text('x').split('\n') }),
  'captions/lesson.fr.vtt': `WEBVTT\n\n${text('00:00.000 --> 00:01.000\nBonjour à tous\n')}`,
  'chapters/notes/fr/intro.md': `# Introduction\n\n${text('Une note')}`,
  'media/lesson.mp4': video,
  'media/lesson.poster.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
  'media/hls/master.m3u8': `#EXTM3U\n${text('#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=640x360\n360/index.m3u8')}`,
  'media/hls/360/seg-00001.m4s': video.subarray(0, 4000),
};

let root: string;
let nginx: NginxServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lesson-player-site-'));
  for (const [path, body] of Object.entries(SITE)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), body);
  }
  nginx = await startNginx({ root });
});

afterAll(async () => {
  await nginx?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** One request as sent, the answer as received: no client decompression nor header added behind the test's back. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(`${nginx.origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers as Answer['headers'], body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('nginx configuration (hosting/nginx.conf.template)', () => {
  it('serves each kind of file with its type', async () => {
    const types: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/assets/demo-Ab3_x-Z9.js', 'text/javascript; charset=utf-8'],
      ['/assets/demo-cA9PKMo2.css', 'text/css; charset=utf-8'],
      ['/lessons/lesson.json', 'application/json; charset=utf-8'],
      ['/captions/lesson.fr.vtt', 'text/vtt; charset=utf-8'],
      ['/chapters/notes/fr/intro.md', 'text/markdown; charset=utf-8'],
      ['/media/hls/master.m3u8', 'application/vnd.apple.mpegurl; charset=utf-8'],
      ['/media/hls/360/seg-00001.m4s', 'video/iso.segment'],
      ['/media/lesson.mp4', 'video/mp4'],
      ['/media/lesson.poster.jpg', 'image/jpeg'],
    ];
    for (const [path, type] of types) expect([path, (await get(path)).headers['content-type']]).toEqual([path, type]);
    expect((await get('/assets/demo-Ab3_x-Z9.js')).headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers range requests with 206 and the exact bytes, for video and segments, across origins', async () => {
    const whole = await get('/media/lesson.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await get('/media/lesson.mp4', { range: 'bytes=1000-1999', origin: 'https://site.example' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1000-1999/10000');
    expect(part.body.equals(video.subarray(1000, 2000))).toBe(true);
    expect(part.headers['access-control-allow-origin']).toBe('*');
    expect(part.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    const tail = await get('/media/hls/360/seg-00001.m4s', { range: 'bytes=3900-' });
    expect([tail.status, tail.headers['content-range'], tail.body.length]).toEqual([206, 'bytes 3900-3999/4000', 100]);
    expect((await get('/media/lesson.mp4', { range: 'bytes=20000-' })).status).toBe(416);
  });

  it('compresses text when the client accepts gzip, and leaves media as they are', async () => {
    for (const path of ['/', '/assets/demo-Ab3_x-Z9.js', '/assets/demo-cA9PKMo2.css', '/lessons/lesson.json', '/captions/lesson.fr.vtt', '/chapters/notes/fr/intro.md', '/media/hls/master.m3u8']) {
      const zipped = await get(path, { 'accept-encoding': 'gzip' });
      expect([path, zipped.headers['content-encoding'], zipped.headers.vary]).toEqual([path, 'gzip', 'Accept-Encoding']);
      const plain = await get(path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect(zipped.body.length).toBeLessThan(plain.body.length);
    }
    for (const path of ['/media/lesson.mp4', '/media/hls/360/seg-00001.m4s', '/media/lesson.poster.jpg']) {
      expect((await get(path, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    }
  });

  it('caches hashed assets and segments for a year, manifests, playlists and pages briefly, errors not at all', async () => {
    const caching: [string, string][] = [
      ['/assets/demo-Ab3_x-Z9.js', IMMUTABLE],
      ['/assets/demo-cA9PKMo2.css', IMMUTABLE],
      ['/lib/chunks/marked.esm-I66GLfsh.js', IMMUTABLE],
      ['/media/hls/360/seg-00001.m4s', IMMUTABLE],
      ['/media/hls/master.m3u8', 'public, max-age=60'],
      ['/lessons/lesson.json', 'public, max-age=60'],
      ['/captions/lesson.fr.vtt', 'public, max-age=60'],
      ['/chapters/notes/fr/intro.md', 'public, max-age=60'],
      ['/lib/lesson-player.js', 'public, max-age=60'],
      ['/media/lesson.mp4', 'public, max-age=86400'],
      ['/', 'no-cache'],
      ['/index.html', 'no-cache'],
      ['/embed.html', 'no-cache'],
    ];
    for (const [path, cache] of caching) expect([path, (await get(path)).headers['cache-control']]).toEqual([path, cache]);
    // A file a release removed is not remembered as missing for a year.
    const missing = await get('/assets/gone-Zz9_Zz9Z.js');
    expect([missing.status, missing.headers['cache-control']]).toEqual([404, undefined]);
    // Revalidation of a page costs a 304.
    const page = await get('/');
    expect((await get('/', { 'if-none-match': page.headers.etag! })).status).toBe(304);
  });

  it('lets pages on other origins read the library and the lesson, and answers the preflight of a range request', async () => {
    for (const path of ['/lib/lesson-player.js', '/lib/chunks/marked.esm-I66GLfsh.js', '/lessons/lesson.json', '/captions/lesson.fr.vtt', '/chapters/notes/fr/intro.md', '/media/hls/master.m3u8', '/media/lesson.poster.jpg']) {
      expect([path, (await get(path, { origin: 'https://site.example' })).headers['access-control-allow-origin']]).toEqual([path, '*']);
    }
    // A missing lesson file is readable too, so that the player on another origin can say which one.
    expect((await get('/lessons/missing.json', { origin: 'https://site.example' })).headers['access-control-allow-origin']).toBe('*');
    const preflight = await get(
      '/media/hls/360/seg-00001.m4s',
      { origin: 'https://site.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' },
      'OPTIONS',
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/\bRange\b/i);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/\bGET\b/);
    // Pages are not shared with other origins (they are framed, not read).
    expect((await get('/embed.html', { origin: 'https://site.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the strict Content-Security-Policy with every page, and with nothing else', async () => {
    for (const path of ['/', '/index.html', '/embed.html']) expect([path, (await get(path)).headers['content-security-policy']]).toEqual([path, STRICT_CSP]);
    for (const path of ['/lessons/lesson.json', '/assets/demo-Ab3_x-Z9.js', '/media/lesson.mp4']) {
      expect((await get(path)).headers['content-security-policy']).toBeUndefined();
    }
  });

  it('keeps dot files in', async () => {
    await writeFile(join(root, '.env'), 'SECRET=1');
    expect((await get('/.env')).status).toBe(404);
  });
});
