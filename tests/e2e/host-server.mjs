// A static server for the embedding tests' host pages (tests/fixtures/embed), on origins other than the lesson's:
// HOST_PORT (the host page) and THIRD_PORT (a foreign page). `{{LESSON_ORIGIN}}`, `{{HOST_ORIGIN}}` and
// `{{THIRD_ORIGIN}}` in the pages become the servers' origins. No CORS headers: the lesson's server must send them.
// `/hosts/…` serves the lifecycle tests' pages (tests/fixtures/hosts) the same way, and `/apps/…` the React, Vue and
// Vidstack-alone apps built from tests/fixtures/hosts/apps into `<E2E_DIST>-hosts` (tests/fixtures/hosts/vite.config.ts).
// Run as a script (Playwright's webServer), it serves the lesson on E2E_PORT's origin; `startHostServers` serves
// another lesson origin (the build behind nginx, tests/e2e/embed.spec.ts) on free ports.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '../fixtures/embed');
const roots = [
  ['/hosts/', join(import.meta.dirname, '../fixtures/hosts')],
  ['/apps/', resolve(process.env.E2E_HOSTS_DIST ?? `${process.env.E2E_DIST ?? 'dist'}-hosts`)],
];
const origin = (port) => `http://127.0.0.1:${port}`;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves the host pages on two ports (0: a free one each) for a lesson served from `lessonOrigin`.
 * Resolves to `{ host, third, close() }`, the two origins.
 */
export async function startHostServers({ lessonOrigin, ports = [0, 0] }) {
  const servers = ports.map(() => createServer());
  await Promise.all(servers.map((server, i) => new Promise((done) => server.listen(ports[i], '127.0.0.1', done))));
  const [host, third] = servers.map((server) => origin(server.address().port));
  for (const server of servers) {
    server.on('request', async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', host).pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path === '/health') return res.end('ok');
      try {
        const [prefix, dir] = roots.find(([prefix]) => path.startsWith(prefix)) ?? ['/', root];
        const text = (await readFile(join(dir, path.slice(prefix.length)))).toString('utf8')
          .replaceAll('{{LESSON_ORIGIN}}', lessonOrigin)
          .replaceAll('{{HOST_ORIGIN}}', host)
          .replaceAll('{{THIRD_ORIGIN}}', third);
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(text);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
  }
  const close = () =>
    Promise.all(
      servers.map((server) => {
        const closed = new Promise((done) => server.close(done));
        server.closeAllConnections();
        return closed;
      }),
    );
  return { host, third, close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lessonPort = Number(process.env.E2E_PORT ?? 4173);
  const ports = [Number(process.env.HOST_PORT ?? lessonPort + 1), Number(process.env.THIRD_PORT ?? lessonPort + 2)];
  await startHostServers({ lessonOrigin: origin(lessonPort), ports });
}
