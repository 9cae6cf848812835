/**
 * `lesson-player preview <manifest> [--port N]`: serves a lesson with the player on 127.0.0.1 and prints its URL.
 *
 * A small static server: `/` is a generated page holding one `<lesson-player>`; `/player/` serves the package's
 * library build (dist/lib, which the package ships); `/files/` serves the lesson's files from the folder that holds
 * the manifest and every local file it references. Only GET and HEAD, only inside those folders, byte ranges for
 * media (so the video can seek).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeText } from '../core/decode.ts';
import { lessonTitle } from '../core/lesson-title.ts';
import { parseManifestText, validateManifest } from '../core/manifest.ts';
import type { LessonManifest } from '../core/types.ts';
import { MEDIA_TYPE_BY_EXTENSION } from './media-probe.ts';

/** The package's library build, from this file (src/cli/ → dist/lib/). */
export const PLAYER_DIR = fileURLToPath(new URL('../../dist/lib/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  ...MEDIA_TYPE_BY_EXTENSION,
  '.m4s': 'video/iso.segment', // an HLS stream's fMP4 segments (its playlists are .m3u8, among the media types)
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export class PreviewRefused extends Error {}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** The validated manifest and the folder to serve: the deepest one holding the manifest and its local files. */
export function previewRoot(manifestPath: string): { manifest: LessonManifest; root: string } {
  if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) throw new PreviewRefused(`${manifestPath}: no such manifest`);
  const url = pathToFileURL(manifestPath).href;
  const decoded = decodeText(new Uint8Array(readFileSync(manifestPath)), manifestPath, 'manifest');
  if (decoded.text === undefined) throw new PreviewRefused(`${manifestPath}: ${decoded.problems[0]?.message ?? 'cannot be read'}`);
  const parsed = parseManifestText(decoded.text, url, manifestPath);
  if (parsed.value === undefined) throw new PreviewRefused(`${manifestPath}: ${parsed.problems[0]?.message ?? 'invalid JSON'}`);
  const validated = validateManifest(parsed.value, url, manifestPath);
  if (!validated.manifest) {
    const first = validated.problems.find((p) => p.severity === 'error');
    throw new PreviewRefused(`${manifestPath}: ${first?.message ?? 'invalid manifest'} (lesson-player lint ${manifestPath} lists every problem)`);
  }
  const m = validated.manifest;
  const urls = [m.poster, m.thumbnails, ...m.media.map((s) => s.src), ...m.captions.map((c) => c.src), ...m.chapters.map((c) => c.src)];
  for (const byChapter of Object.values(m.notes)) urls.push(...Object.values(byChapter));
  let root = dirname(manifestPath);
  for (const u of urls) {
    if (!u?.startsWith('file:')) continue;
    const dir = dirname(fileURLToPath(u));
    while (relative(root, dir).startsWith('..')) root = dirname(root);
  }
  return { manifest: m, root };
}

function page(manifest: LessonManifest, manifestUrl: string): string {
  const lang = manifest.language;
  const title = lessonTitle(manifest, lang).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} — lesson-player preview</title>
<style>body { margin: 0 auto; max-width: 80rem; padding: 1rem; font-family: system-ui, sans-serif; }</style>
<script type="module" src="/player/lesson-player.js"></script>
</head>
<body>
<main>
<h1>${title}</h1>
<lesson-player lesson="${manifestUrl}" lang="${lang}"></lesson-player>
</main>
</body>
</html>
`;
}

/** `base` + the request's path, or undefined when the path leaves `base`. */
function inside(base: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(base, '.' + sep + decoded);
  return file === base || file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : undefined;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string | undefined): void {
  const st = file && existsSync(file) ? statSync(file) : undefined;
  if (!file || !st?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, st.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), st.size - 1) : st.size - 1;
    if (start >= st.size || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${st.size}` }).end();
      return;
    }
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${st.size}`, 'content-length': end - start + 1 });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': st.size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/** Starts serving; `port` 0 takes a free one. */
export async function startPreview(manifestPath: string, port = 0, playerDir = PLAYER_DIR): Promise<Preview> {
  if (!existsSync(resolve(playerDir, 'lesson-player.js'))) {
    throw new PreviewRefused(`the player is not built (${resolve(playerDir, 'lesson-player.js')} is missing): run "npm run build"`);
  }
  const abs = resolve(manifestPath);
  const { manifest, root } = previewRoot(abs);
  const manifestUrl = '/files/' + relative(root, abs).split(sep).map(encodeURIComponent).join('/');
  const html = page(manifest, manifestUrl);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
    } else if (path.startsWith('/player/')) sendFile(req, res, inside(resolve(playerDir), path.slice('/player/'.length)));
    else if (path.startsWith('/files/')) sendFile(req, res, inside(root, path.slice('/files/'.length)));
    else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The command: prints the URL and serves until stopped. Resolves with the exit status when it cannot start. */
export async function runPreview(argv: readonly string[], cwd: string, usage: () => string): Promise<{ code: number; preview?: Preview }> {
  let manifest: string | undefined;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(usage());
      return { code: 0 };
    }
    const eq = arg.startsWith('--port=') ? arg.slice('--port='.length) : undefined;
    if (arg === '--port' || eq !== undefined) {
      const value = eq ?? argv[++i];
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`lesson-player preview: --port: "${value ?? ''}" is not a port number\n`);
        return { code: 2 };
      }
    } else if (arg.startsWith('-')) {
      process.stderr.write(`lesson-player preview: unknown option ${arg}\n`);
      return { code: 2 };
    } else manifest = arg;
  }
  if (!manifest) {
    process.stderr.write('lesson-player preview: which lesson? (lesson-player preview <manifest>)\n');
    return { code: 2 };
  }
  try {
    const preview = await startPreview(resolve(cwd, manifest), port);
    process.stdout.write(`Previewing ${manifest} at ${preview.url} (Ctrl+C stops)\n`);
    return { code: 0, preview };
  } catch (e) {
    const message = e instanceof PreviewRefused ? e.message : `cannot start (${e instanceof Error ? e.message : String(e)})`;
    process.stderr.write(`lesson-player preview: ${message}\n`);
    return { code: 2 };
  }
}
