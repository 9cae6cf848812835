/**
 * Starts Debian's nginx on 127.0.0.1 with the project's configuration (hosting/nginx.conf.template) serving a
 * folder, for tests: its own prefix, pid, temp paths and config in a temporary folder, in the foreground as a child
 * of the test process, stopped by `stop()`. Plain Node (no test runner imported): the header tests (vitest) and the
 * browser tests (Playwright, see `nginxServer` in fixtures.ts) share it.
 *
 *   const nginx = await startNginx({ root: 'dist' });
 *   await fetch(`${nginx.origin}/lessons/x.json`);
 *   await nginx.stop();
 *
 * nginx is a test dependency (`.ci/run` installs it), not one of `npm start`. When it is missing, `startNginx`
 * throws with the line to install it: the tests that need it fail, never skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const NGINX_TEMPLATE = resolve(import.meta.dirname, '../../hosting/nginx.conf.template');

export interface NginxServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Stops nginx and removes its temporary folder. */
  stop(): Promise<void>;
}

/** The nginx binary: `LESSON_PLAYER_NGINX`, else `nginx` on the PATH or in the sbin folders (not on a user's PATH). */
export function findNginx(): string {
  const named = process.env.LESSON_PLAYER_NGINX;
  if (named) {
    if (!existsSync(named)) throw new Error(`LESSON_PLAYER_NGINX=${named}: no such file`);
    return named;
  }
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const found = dirs.filter(Boolean).map((dir) => join(dir, 'nginx')).find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'nginx is not installed: the hosting tests run the project’s nginx configuration. Install it (Debian: apt-get install nginx) or set LESSON_PLAYER_NGINX=/path/to/nginx.',
    );
  }
  return found;
}

/** The template with its `${LESSON_PLAYER_…}` values filled; throws if one is left. */
export async function renderNginxSite(values: { root: string; listen: string; serverName: string }): Promise<string> {
  const filled = (await readFile(NGINX_TEMPLATE, 'utf8'))
    .replaceAll('${LESSON_PLAYER_ROOT}', values.root)
    .replaceAll('${LESSON_PLAYER_LISTEN}', values.listen)
    .replaceAll('${LESSON_PLAYER_SERVER_NAME}', values.serverName);
  const left = /\$\{LESSON_PLAYER_\w+\}/.exec(filled);
  if (left) throw new Error(`${NGINX_TEMPLATE}: ${left[0]} has no value`);
  return filled;
}

/** Starts nginx serving `root` on 127.0.0.1 (on `port`, else a free one). */
export async function startNginx({ root, port }: { root: string; port?: number }): Promise<NginxServer> {
  const binary = findNginx();
  const absoluteRoot = resolve(root);
  if (!existsSync(absoluteRoot)) throw new Error(`nginx root ${absoluteRoot} does not exist (build it first)`);
  // A port found free may be taken before nginx binds it (another test's server): then try another.
  for (let attempt = 1; ; attempt++) {
    const listenPort = port ?? (await freePort());
    const dir = await mkdtemp(join(tmpdir(), 'lesson-player-nginx-'));
    const site = await renderNginxSite({ root: absoluteRoot, listen: `127.0.0.1:${listenPort}`, serverName: '127.0.0.1' });
    await writeFile(join(dir, 'lesson-player.conf'), site);
    await writeFile(join(dir, 'nginx.conf'), mainConfig(dir));
    const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const outcome = await Promise.race([listening(listenPort, child).then(() => 'up' as const), exited.then(() => 'exited' as const)]);
    if (outcome === 'up') {
      return { origin: `http://127.0.0.1:${listenPort}`, port: listenPort, stop: () => stop(child, exited, dir) };
    }
    await rm(dir, { recursive: true, force: true });
    if (port === undefined && attempt < 3 && /Address already in use/.test(stderr)) continue;
    throw new Error(`nginx did not start (${binary}):\n${stderr.trim()}`);
  }
}

/** The main configuration of a test instance: everything nginx writes goes to its own folder. */
function mainConfig(dir: string): string {
  // As root, nginx's workers take the user `nobody`, who may not read a checkout; run them as the caller.
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${join(dir, 'client_body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    include ${join(dir, 'lesson-player.conf')};
}
`;
}

async function stop(child: ChildProcess, exited: Promise<number | null>, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
  await rm(dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Resolves once the port accepts a connection (nginx prints nothing when it is ready), or once nginx has exited. */
async function listening(port: number, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    const accepted = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (accepted) return;
    // Refused: nginx is still reading its configuration. Ask again on the next turn of the timers.
    await new Promise((next) => setTimeout(next, 20));
  }
}
