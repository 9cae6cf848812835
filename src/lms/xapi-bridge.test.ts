/**
 * The xAPI bridge in Node: the lesson store with a fake media and clock, statements posted with real `fetch` to an
 * LRS-shaped server on 127.0.0.1 (tests/helpers/test-lrs.ts: no LRS package runs here) that validates each one
 * with xapi-validation and refuses the wrong authorization.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CMI5_CATEGORY, CMI5_SESSION_ID, MOVEON_CATEGORY } from '../core/cmi5.ts';
import { LessonStore } from '../state/lesson-store.ts';
import { FakeEnvironment, FakeMedia, MemoryStorage, serveLesson } from '../state/testing/fake-environment.ts';
import { startTestLrs, type TestLrs } from '../../tests/helpers/test-lrs.ts';
import { BATCH_DELAY_MS } from './statement-queue.ts';
import { XapiBridge, type XapiBridgeOptions } from './xapi-bridge.ts';

const AUTH = 'Basic bGVhcm5lcjpzZWNyZXQ=';
const ACTOR = { objectType: 'Agent', mbox: 'mailto:camille@example.gouv.fr' };
const EXT = 'https://w3id.org/xapi/video/extensions/';
const REGISTRATION = 'a1f9d5e2-3b4c-4d5e-8f60-718293a4b5c6';
const AU = 'https://lessons.example.gouv.fr/au/demo';
const SESSION = 'c0ffee00-0000-4000-8000-000000000001';

let lrs: TestLrs;
beforeEach(async () => void (lrs = await startTestLrs(AUTH)));
afterEach(() => lrs.close());

/** A lesson reported by the bridge; `storage`: this browser's, from an earlier viewing. */
async function viewing(options: (lrs: TestLrs) => XapiBridgeOptions, storage?: MemoryStorage) {
  const env = new FakeEnvironment();
  if (storage) env.storage = () => storage;
  const url = serveLesson(env);
  const served = env.fetch;
  env.fetch = (input, init) => (String(input).startsWith(lrs.origin) ? fetch(input, init) : served(input, init));
  const store = new LessonStore(env);
  const bridge = new XapiBridge(store, env, { completeAt: 0.1, ...options(lrs) });
  store.use(bridge);
  store.start();
  await store.load(url);
  const media = new FakeMedia();
  store.attach(media);
  media.report({ canPlay: true, duration: 120 });
  await expect.poll(() => bridge.state).not.toBe('launching');
  /** Plays from where the media is to `to` at normal speed, one clock sample every 250 ms, then pauses. */
  const play = (to: number) => {
    void store.play();
    for (let t = media.currentTime + 0.25; t <= to + 1e-9; t += 0.25) {
      media.currentTime = t;
      env.frame();
      env.advance(250);
    }
    store.pause();
  };
  /** Sends what waits and waits for the LRS to have `count` statements. */
  const delivered = async (count: number) => {
    env.advance(BATCH_DELAY_MS);
    await expect.poll(() => lrs.statements.length).toBe(count);
    return lrs.statements;
  };
  return { env, store, bridge, media, play, delivered };
}

const verbs = (statements: { verb: { id: string } }[]) => statements.map((s) => s.verb.id.split('/').at(-1));
const plain = (lrs: TestLrs): XapiBridgeOptions => ({ lrs: { endpoint: lrs.endpoint, authorization: AUTH, actor: JSON.stringify(ACTOR), activityId: 'https://lessons.test/lessons/demo.json' } });

describe('XapiBridge with the LRS the page names', () => {
  it('reports a viewing with a pause, a seek and completion, in order, then terminated on pagehide', async () => {
    const { env, store, media, play, delivered, bridge } = await viewing(plain);
    expect(bridge.state).toBe('running');
    play(5);
    store.seek(60);
    media.report({ seeking: true });
    media.report({ seeking: false, currentTime: 60 });
    play(70); // 15 s of 120 watched: past the 10 % threshold
    play(71); // completion is said once
    env.fire('pagehide');
    const statements = await delivered(10);
    expect(verbs(statements)).toEqual(['initialized', 'played', 'paused', 'seeked', 'played', 'completed', 'paused', 'played', 'paused', 'terminated']);
    const [initialized, played, paused, seeked] = statements;
    expect(initialized!.context?.extensions?.[`${EXT}length`]).toBe(120);
    expect(played!.result?.extensions?.[`${EXT}time`]).toBe(0);
    expect(paused!.result?.extensions).toMatchObject({ [`${EXT}time`]: 5, [`${EXT}played-segments`]: '0[.]5' });
    expect(seeked!.result?.extensions).toEqual({ [`${EXT}time-from`]: 5, [`${EXT}time-to`]: 60 });
    const completed = statements.find((s) => s.verb.id.endsWith('completed'))!;
    expect(completed.result).toMatchObject({ completion: true, extensions: { [`${EXT}played-segments`]: '0[.]5[,]60[.]67' } });
    const terminated = statements.at(-1)!;
    expect(terminated.verb.id).toBe('http://adlnet.gov/expapi/verbs/terminated');
    expect(terminated.result?.extensions?.[`${EXT}played-segments`]).toBe('0[.]5[,]60[.]70[,]70[.]71');
    expect(new Set(statements.map((s) => s.context?.extensions?.[`${EXT}session-id`])).size).toBe(1);
    expect(statements.every((s) => s.object.id === 'https://lessons.test/lessons/demo.json')).toBe(true);
    expect(lrs.rejected).toEqual([]);
  });

  it('a player taken off the page sends what waits and leaves nothing scheduled; back on it, it reports again', async () => {
    const { env, store, bridge, media, play } = await viewing(plain);
    play(2);
    store.stop();
    expect(bridge.active).toBe(false);
    await expect.poll(() => verbs(lrs.statements)).toEqual(['initialized', 'played', 'paused']);
    store.start();
    store.attach(media);
    play(4);
    // The fake clock moves on while the LRS answers for real: a batch sent mid-viewing schedules the next when answered.
    await expect
      .poll(() => {
        env.advance(BATCH_DELAY_MS);
        return verbs(lrs.statements);
      })
      .toEqual(['initialized', 'played', 'paused', 'played', 'paused']);
  });

  it('an actor that is not an xAPI agent: one warning, nothing sent, and stopping leaves nothing', async () => {
    const { env, store, bridge, play } = await viewing((lrs) => ({ lrs: { endpoint: lrs.endpoint, authorization: AUTH, actor: '{"name":"Camille"}', activityId: 'https://lessons.test/x' } }));
    play(3);
    expect(bridge.state).toBe('off');
    expect(env.warnings).toEqual(['xapi-actor is not an xAPI agent (JSON with one of mbox, mbox_sha1sum, openid, account): the lesson reports nothing to the LRS']);
    store.stop();
    expect(bridge.active).toBe(false);
    expect(lrs.log).toEqual([]);
  });
});

describe('XapiBridge launched by cmi5', () => {
  const launchData = (launchMode = 'Normal') =>
    JSON.stringify({ contextTemplate: { extensions: { [CMI5_SESSION_ID]: SESSION } }, launchMode, moveOn: 'Completed' });
  const cmi5 = (lrs: TestLrs, token = 'bGVhcm5lcjpzZWNyZXQ=') => {
    const key = ['LMS.LaunchData', AU, JSON.stringify(ACTOR), REGISTRATION].join('|');
    if (!lrs.states.has(key)) lrs.states.set(key, launchData());
    const search = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.fetchUrl(token), actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: AU });
    return { cmi5Search: `?${search}` };
  };

  it('fetches the token and LMS.LaunchData, then initialized first, completed once with moveOn, terminated last', async () => {
    const { env, play, delivered } = await viewing(cmi5);
    expect(lrs.log.slice(0, 2).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /fetch/1 200', 'GET /xapi/activities/state 200']);
    play(13);
    env.fire('pagehide');
    const statements = await delivered(5);
    expect(verbs(statements)).toEqual(['initialized', 'played', 'completed', 'paused', 'terminated']);
    const categories = statements.map((s) => s.context?.contextActivities?.category?.map((c) => c.id).filter((id) => id.includes('cmi5')));
    expect(categories).toEqual([[CMI5_CATEGORY], [], [CMI5_CATEGORY, MOVEON_CATEGORY], [], [CMI5_CATEGORY]]);
    expect(statements.every((s) => s.context?.registration === REGISTRATION && s.context.extensions?.[CMI5_SESSION_ID] === SESSION && s.object.id === AU)).toBe(true);
    // The profile's session is cmi5's.
    expect(statements[0]!.context?.extensions?.[`${EXT}session-id`]).toBe(SESSION);
  });

  it('a second visit in the same registration does not complete again; Browse mode never completes', async () => {
    const first = await viewing(cmi5);
    first.play(13);
    first.env.fire('pagehide');
    expect(verbs(await first.delivered(5))).toContain('completed');
    lrs.statements.length = 0;
    // The same browser, a new launch in the same registration.
    const second = await viewing(cmi5, first.env.memory);
    second.play(20);
    second.env.fire('pagehide');
    expect(verbs(await second.delivered(4))).toEqual(['initialized', 'played', 'paused', 'terminated']);
    lrs.statements.length = 0;
    lrs.states.set(['LMS.LaunchData', AU, JSON.stringify(ACTOR), REGISTRATION].join('|'), launchData('Browse'));
    const browse = await viewing(cmi5);
    browse.play(20);
    browse.env.fire('pagehide');
    expect(verbs(await browse.delivered(4))).toEqual(['initialized', 'played', 'paused', 'terminated']);
  });

  it('a fetch URL already used: one warning, and the lesson plays without reporting', async () => {
    const { env, bridge, play } = await viewing((lrs) => cmi5(lrs, ''));
    play(2);
    expect(bridge.state).toBe('off');
    expect(env.warnings).toEqual(['the cmi5 launch failed (the platform gave no authorization token (1: this fetch URL was already used)): the lesson reports nothing']);
    expect(lrs.log.map((r) => r.path)).toEqual(['/fetch/1']);
  });
});
