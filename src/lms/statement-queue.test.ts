/**
 * The statement queue against an LRS-shaped server on 127.0.0.1 (tests/helpers/test-lrs.ts: no LRS package runs
 * here), with real `fetch`; the queue's timers run on the fake clock, so backoff is checked to the millisecond.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { videoStatement, type VideoSession, type XapiStatement } from '../core/xapi-video.ts';
import { FakeEnvironment } from '../state/testing/fake-environment.ts';
import { startTestLrs, type TestLrs } from '../../tests/helpers/test-lrs.ts';
import { BATCH_DELAY_MS, MAX_REJECTIONS, RETRY_FIRST_MS, StatementQueue } from './statement-queue.ts';

const AUTH = 'Basic dGVzdDp0ZXN0';
const KEY = 'lesson-player:xapi:test';
const session: VideoSession = {
  actor: { mbox: 'mailto:camille@example.gouv.fr' },
  activityId: 'https://lessons.example.gouv.fr/demo.json',
  title: 'Démo',
  language: 'fr',
  sessionId: '6f1d3a52-2f0b-4c57-9a51-0c0c5b3c2a11',
  length: 120,
  completionThreshold: 0.9,
};
const statement = (n: number): XapiStatement => videoStatement(session, { verb: 'played', time: n }, `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, n);

let lrs: TestLrs;
let env: FakeEnvironment;
const requests: RequestInit[] = [];
const fetchSeen: typeof fetch = (input, init) => {
  requests.push(init ?? {});
  return fetch(input, init);
};
const queue = () => {
  const q = new StatementQueue({ fetch: fetchSeen, scheduler: env.scheduler, storage: env.memory, storageKey: KEY, warn: env.warn });
  q.connect({ endpoint: lrs.endpoint, authorization: AUTH });
  return q;
};
const posts = () => lrs.log.filter((r) => r.path === '/xapi/statements').length;

beforeEach(async () => {
  lrs = await startTestLrs(AUTH);
  env = new FakeEnvironment();
  requests.length = 0;
});
afterEach(() => lrs.close());

describe('StatementQueue', () => {
  it('sends statements added together in one batch, in order, with the version and authorization headers', async () => {
    const q = queue();
    [1, 2, 3].forEach((n) => q.add(statement(n)));
    expect(JSON.parse(env.memory.getItem(KEY)!)).toHaveLength(3);
    env.advance(BATCH_DELAY_MS - 1);
    expect(requests).toHaveLength(0);
    env.advance(1);
    await expect.poll(() => q.pending.length).toBe(0);
    expect(posts()).toBe(1);
    expect(lrs.statements.map((s) => s.id)).toEqual([1, 2, 3].map((n) => statement(n).id));
    expect(requests[0]!.headers).toMatchObject({ 'X-Experience-API-Version': '1.0.3', Authorization: AUTH });
    expect(env.memory.getItem(KEY)).toBeNull();
  });

  it('retries an unreachable LRS with backoff, keeps the statements across a reload, and the LRS gets each once', async () => {
    lrs.mode = 'down';
    const first = queue();
    first.add(statement(1));
    first.add(statement(2));
    env.advance(BATCH_DELAY_MS);
    await expect.poll(() => first.scheduled).toBe(true);
    expect(lrs.log).toHaveLength(1);
    env.advance(RETRY_FIRST_MS - 1);
    expect(lrs.log).toHaveLength(1);
    env.advance(1);
    await expect.poll(() => lrs.log.length).toBe(2);
    await expect.poll(() => first.scheduled).toBe(true);
    // The second wait is twice the first.
    env.advance(2 * RETRY_FIRST_MS - 1);
    expect(lrs.log).toHaveLength(2);
    first.stop();
    expect(first.scheduled).toBe(false);
    // The page is reloaded while the LRS is still down, then it comes back.
    lrs.mode = 'up';
    const second = queue();
    expect(second.pending.map((s) => s.id)).toEqual([statement(1).id, statement(2).id]);
    env.advance(0);
    await expect.poll(() => second.pending.length).toBe(0);
    expect(lrs.statements.map((s) => s.id)).toEqual([statement(1).id, statement(2).id]);
  });

  it('finds the statement an LRS rejects, logs its answer and drops it after three tries; the others arrive', async () => {
    const q = queue();
    const bad = { ...statement(2), verb: { id: 'not an IRI', display: { 'en-US': 'played' } } };
    [statement(1), bad, statement(3)].forEach((s) => q.add(s));
    // Each step runs the timers due and waits for the request it started to be answered.
    const step = async (ms: number) => {
      env.advance(ms);
      await expect.poll(() => q.sending).toBe(false);
    };
    await step(BATCH_DELAY_MS); // the batch: rejected
    await step(0); // 1 alone: stored
    await step(0); // the bad one: rejected once
    for (let tries = 1; tries < MAX_REJECTIONS; tries++) {
      env.advance(RETRY_FIRST_MS * 2 ** (tries - 1) - 1);
      expect(q.sending).toBe(false);
      await step(1);
    }
    await step(0); // 3 alone: stored
    await expect.poll(() => q.pending.length).toBe(0);
    expect(lrs.statements.map((s) => s.id)).toEqual([statement(1).id, statement(3).id]);
    // The batch, then each alone: 1, the bad one three times, 3.
    expect(lrs.log.map((r) => r.status)).toEqual([400, 200, 400, 400, 400, 200]);
    expect(env.warnings).toHaveLength(1);
    expect(env.warnings[0]).toMatch(new RegExp(`^the LRS rejected the xAPI statement ${bad.id} \\(played\\) 3 times and it was dropped: 400 .*invalid statement`));
  });

  it('flushes with keepalive when the page goes, and forgets what the LRS confirmed', async () => {
    const q = queue();
    q.add(statement(1));
    q.add(statement(2));
    q.flush({ keepalive: true });
    expect(requests[0]!.keepalive).toBe(true);
    await expect.poll(() => q.pending.length).toBe(0);
    expect(lrs.statements).toHaveLength(2);
    expect(env.memory.getItem(KEY)).toBeNull();
  });

  it('waits for its connection (a cmi5 token) before sending anything', async () => {
    const q = new StatementQueue({ fetch: fetchSeen, scheduler: env.scheduler, storage: env.memory, storageKey: KEY, warn: env.warn });
    q.add(statement(1));
    env.advance(10 * BATCH_DELAY_MS);
    expect(requests).toHaveLength(0);
    q.connect({ endpoint: lrs.endpoint, authorization: AUTH });
    env.advance(0);
    await expect.poll(() => lrs.statements.length).toBe(1);
  });
});
