/**
 * A static file server for the e2e tests that serve an extracted package (port 0 on 127.0.0.1): `fileFor` maps a
 * request's path to a file; ranges are answered (media elements ask for them), nothing is cached.
 */
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.vtt': 'text/vtt', '.md': 'text/markdown', '.webm': 'video/webm', '.mp4': 'video/mp4', '.jpg': 'image/jpeg', '.xml': 'application/xml' };

export interface FileServer {
  origin: string;
  close(): void;
}

/** `fileFor` gets the decoded, normalized path; it returns a file's path, or a page's HTML as `{ html }`. */
export async function serveFiles(fileFor: (path: string) => string | { html: string }): Promise<FileServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const target = fileFor(path);
    if (typeof target !== 'string') return res.writeHead(200, { 'content-type': TYPES['.html']! }).end(target.html);
    let size: number;
    try {
      size = statSync(target).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(target);
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const headers = { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
    if (!range) return res.writeHead(200, { ...headers, 'content-length': size }).end(body);
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 }).end(body.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
