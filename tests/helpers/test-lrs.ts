/**
 * A Learning Record Store for the tests, on 127.0.0.1 (port 0). Mocked because no LRS package runs here (Learning
 * Locker, SQL LRS and the ADL LRS need databases and services this machine has not): it is the LRS's contract, not
 * an LRS. It answers as the xAPI 1.0.3 specification says for what the player uses:
 * - POST /xapi/statements: the `Authorization` header must be the one given, `X-Experience-API-Version` must be
 *   1.0.x; every statement is validated with xapi-validation (Learning Locker's, conformance-tested), and one
 *   invalid statement rejects the whole request (400, with the validator's findings); a statement whose id is known
 *   with another content is a 409; the answer is the array of ids (200). Stored statements keep their order.
 * - GET and PUT /xapi/activities/state (the cmi5 `LMS.LaunchData` document), by stateId, activityId, agent and
 *   registration.
 * - POST /fetch/<key>: a cmi5 fetch URL: the session's token once (`{"auth-token"}`), an error answer after.
 * - CORS as a real LRS on another origin answers it (preflight included: the player's requests carry headers).
 * `mode` makes statement requests fail (the rest keeps working): 'unavailable' answers 503, 'down' drops the
 * connection without an answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type validateStatement from 'xapi-validation';

// A CommonJS module whose function is its `default` export: required, so every test runner reads it the same way.
const validate = (createRequire(import.meta.url)('xapi-validation') as { default: typeof validateStatement }).default;

/** What xapi-validation finds wrong with a statement: the paths and kinds of its findings, [] for a valid one. */
export const xapiProblems = (statement: unknown): string[] => validate(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name}`);

export interface StoredStatement {
  id: string;
  verb: { id: string; display?: Record<string, string> };
  result?: { completion?: boolean; duration?: string; extensions?: Record<string, unknown> };
  context?: { registration?: string; extensions?: Record<string, unknown>; contextActivities?: { category?: { id: string }[] } };
  object: { id: string };
  [key: string]: unknown;
}

export interface TestLrs {
  /** The xAPI endpoint, ending with `/`. */
  endpoint: string;
  origin: string;
  statements: StoredStatement[];
  /** Every request's method, path and status, in order. */
  log: { method: string; path: string; status: number }[];
  /** Statements refused as invalid, with the validator's findings. */
  rejected: { statement: unknown; problems: string[] }[];
  mode: 'up' | 'unavailable' | 'down';
  /** The `Authorization` value statements must carry. */
  authorization: string;
  states: Map<string, string>;
  /** A cmi5 fetch URL that gives `token` once. */
  fetchUrl(token: string): string;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-expose-headers': 'X-Experience-API-Version',
};

const stateKey = (params: URLSearchParams) => ['stateId', 'activityId', 'agent', 'registration'].map((name) => params.get(name) ?? '').join('|');

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startTestLrs(authorization: string): Promise<TestLrs> {
  const tokens = new Map<string, string | null>();
  let nextFetch = 1;
  const lrs: TestLrs = {
    endpoint: '',
    origin: '',
    statements: [],
    log: [],
    rejected: [],
    mode: 'up',
    authorization,
    states: new Map(),
    fetchUrl(token) {
      const key = String(nextFetch++);
      tokens.set(key, token);
      return `${lrs.origin}/fetch/${key}`;
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const url = new URL(req.url ?? '/', lrs.origin);
    const reply = (status: number, payload?: unknown, type = 'application/json') => {
      res.writeHead(status, { ...CORS, 'x-experience-api-version': '1.0.3', ...(payload === undefined ? {} : { 'content-type': type }) });
      res.end(payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload));
      return status;
    };
    if (req.method === 'OPTIONS') return reply(204);
    const fetchKey = /^\/fetch\/(\d+)$/.exec(url.pathname)?.[1];
    if (fetchKey && req.method === 'POST') {
      const token = tokens.get(fetchKey);
      tokens.set(fetchKey, null);
      return token ? reply(200, { 'auth-token': token }) : reply(200, { 'error-code': '1', 'error-text': 'this fetch URL was already used' });
    }
    if (!url.pathname.startsWith('/xapi/')) return reply(404, { error: 'not an xAPI resource' });
    if (req.headers['authorization'] !== lrs.authorization) return reply(401, { error: 'unauthorized' });
    if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? ''))) return reply(400, { error: 'X-Experience-API-Version 1.0.x is required' });
    const resource = url.pathname.slice('/xapi/'.length);
    if (resource === 'activities/state') {
      const key = stateKey(url.searchParams);
      if (req.method === 'GET') return lrs.states.has(key) ? reply(200, lrs.states.get(key)) : reply(404, { error: 'no such document' });
      if (req.method === 'PUT' || req.method === 'POST') {
        lrs.states.set(key, await body(req));
        return reply(204);
      }
    }
    if (resource === 'statements' && req.method === 'POST') {
      if (lrs.mode === 'unavailable') return reply(503, { error: 'unavailable' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await body(req));
      } catch {
        return reply(400, { error: 'not JSON' });
      }
      const batch = (Array.isArray(parsed) ? parsed : [parsed]) as StoredStatement[];
      for (const statement of batch) {
        const problems = xapiProblems(statement);
        if (problems.length) {
          lrs.rejected.push({ statement, problems });
          return reply(400, { error: 'invalid statement', problems });
        }
      }
      for (const statement of batch) {
        const known = lrs.statements.find((s) => s.id === statement.id);
        if (known && JSON.stringify(known) !== JSON.stringify(statement)) return reply(409, { error: `statement ${statement.id} exists with another content` });
      }
      for (const statement of batch) if (!lrs.statements.some((s) => s.id === statement.id)) lrs.statements.push(statement);
      return reply(200, batch.map((s) => s.id));
    }
    return reply(405, { error: 'not supported by this test LRS' });
  }

  const server = createServer((req, res) => {
    if (lrs.mode === 'down' && req.method === 'POST' && req.url?.startsWith('/xapi/statements')) {
      lrs.log.push({ method: req.method ?? '', path: req.url ?? '', status: 0 });
      return req.socket.destroy();
    }
    handle(req, res).then(
      (status) => lrs.log.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname, status }),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lrs.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  lrs.endpoint = `${lrs.origin}/xapi/`;
  return lrs;
}
