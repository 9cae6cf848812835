/**
 * A cmi5 package reporting to an LRS, in the browser. The package of `lesson-player package --format cmi5` is
 * served from its extracted zip (a server of this test, port 0); the LRS is another origin (port 0), so the
 * player's requests go through CORS as they would to a platform's LRS.
 *
 * What is mocked, and why: the LRS and the platform's launch. No LRS package runs on this machine (Learning Locker,
 * SQL LRS and the ADL LRS need databases and services it has not), so tests/helpers/test-lrs.ts plays the LRS's
 * part of the contract: it checks the Authorization header (the token its fetch URL gave, once) and the xAPI
 * version header, validates every statement with xapi-validation (Learning Locker's, conformance-tested) and
 * refuses an invalid one, stores them in order, answers with their ids. This test is the platform: it writes
 * LMS.LaunchData and the `launched` statement, then opens the launch URL with the five cmi5 parameters.
 *
 * Checked: a viewing with a pause, a seek made with the player's own time slider and completion arrives as the
 * Video Profile's statements in the cmi5 order (launched, initialized first, completed once, terminated last, sent
 * with keepalive as the page goes); and with the LRS unreachable, the statements wait in the browser and arrive
 * at the next launch.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { usage } from '../../src/cli/main.ts';
import { runPackage } from '../../src/cli/package-command.ts';
import { CMI5_CATEGORY, CMI5_SESSION_ID, MOVEON_CATEGORY } from '../../src/core/cmi5.ts';
import { serveFiles, type FileServer } from '../helpers/file-server.ts';
import { startTestLrs, type StoredStatement, type TestLrs } from '../helpers/test-lrs.ts';
import { readZip } from '../helpers/zip-reader.ts';
import { expect, playFast, test } from './fixtures.ts';

const root = join(import.meta.dirname, '../..');
const AU = 'https://formation.example.gouv.fr/survivre/video';
const ACTOR = { objectType: 'Agent', account: { homePage: 'https://formation.example.gouv.fr', name: 'camille' } };
const EXT = 'https://w3id.org/xapi/video/extensions/';
const TOKEN = Buffer.from('camille:jeton-de-session').toString('base64');
let dir = '';
let server: FileServer | undefined;
let lrs: TestLrs;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-cmi5-'));
  const zip = join(dir, 'cmi5.zip');
  // 5 % of the lesson completes it: a short viewing, at a rate the watched time counts.
  const result = runPackage(['lessons/survivre-en-milieu-hostile.json', '--format', 'cmi5', '--activity-id', 'https://formation.example.gouv.fr/survivre', '--complete-at', '5', '-o', zip], root, usage, resolve(root, process.env.E2E_DIST ?? 'dist', 'lib'));
  expect(result.stderr).toBe('');
  for (const [name, data] of readZip(readFileSync(zip))) {
    mkdirSync(dirname(join(dir, 'pkg', name)), { recursive: true });
    writeFileSync(join(dir, 'pkg', name), data);
  }
  expect(readFileSync(join(dir, 'pkg/cmi5.xml'), 'utf8')).toContain(`<au id="${AU}"`);
  server = await serveFiles((path) => {
    if (path === '/blank.html') return { html: '<!doctype html><title>blank</title>' };
    // A page that names its LRS itself, with the package's library and lesson.
    if (path === '/page-lrs.html') return { html: pageWithLrs() };
    return join(dir, 'pkg', path);
  });
  lrs = await startTestLrs(`Basic ${TOKEN}`);
});

test.afterAll(async () => {
  server?.close();
  await lrs?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PAGE_ACTOR = { mbox: 'mailto:dominique@example.gouv.fr' };
const pageWithLrs = () => `<!doctype html><html lang="fr"><title>Leçon</title>
<script type="module" src="/lib/lesson-player.js"></script>
<main><lesson-player lesson="/lesson/lessons/survivre-en-milieu-hostile.json" xapi-endpoint="${lrs.endpoint}"
  xapi-auth="${lrs.authorization}" xapi-actor='${JSON.stringify(PAGE_ACTOR)}' complete-at="50"></lesson-player></main>`;

/**
 * What the platform does before a launch: LMS.LaunchData, the `launched` statement, the launch URL.
 * `mode`: what the LRS does with statements from then on.
 */
async function launch(page: Page, registration: string, session: string, mode: TestLrs['mode'] = 'up'): Promise<Locator> {
  const agent = JSON.stringify(ACTOR);
  lrs.mode = 'up';
  lrs.states.set(['LMS.LaunchData', AU, agent, registration].join('|'), JSON.stringify({
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://formation.example.gouv.fr/survivre' }] }, extensions: { [CMI5_SESSION_ID]: session } },
    launchMode: 'Normal',
    moveOn: 'Completed',
  }));
  const launched = await fetch(`${lrs.endpoint}statements`, {
    method: 'POST',
    headers: { Authorization: lrs.authorization, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      actor: ACTOR,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: AU },
      context: { registration, contextActivities: { category: [{ id: CMI5_CATEGORY }] }, extensions: { [CMI5_SESSION_ID]: session, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal', 'https://w3id.org/xapi/cmi5/context/extensions/moveon': 'Completed' } },
      timestamp: new Date().toISOString(),
    }),
  });
  expect(launched.status).toBe(200);
  lrs.mode = mode;
  const query = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.fetchUrl(TOKEN), actor: agent, registration, activityId: AU });
  await page.goto(`${server!.origin}/index.html?${query}`);
  const player = page.locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  return player;
}

const ofSession = (session: string) => lrs.statements.filter((s) => s.context?.extensions?.[CMI5_SESSION_ID] === session);
const verbsOf = (statements: StoredStatement[]) => statements.map((s) => s.verb.id.split('/').at(-1));

test('a cmi5 viewing with a pause, a seek with the time slider and completion reaches the LRS in order', async ({ page }) => {
  const registration = crypto.randomUUID();
  const session = crypto.randomUUID();
  const scripts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  const player = await launch(page, registration, session);
  await expect.poll(() => verbsOf(ofSession(session))).toEqual(['launched', 'initialized']);
  // The cmi5 bridge is a chunk of its own, fetched because the page asked for it; SCORM's is not.
  expect(scripts.filter((path) => /(scorm|xapi)-bridge/.test(path))).toEqual([expect.stringMatching(/^\/lib\/chunks\/xapi-bridge-[\w-]+\.js$/)]);

  await playFast(player);
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(3);
  // The player's own time slider, by keyboard, while playing: as a keyboard learner does, Tab to the player, Tab
  // again to the slider (Vidstack shows its hidden controls as focus enters), then ArrowRight: Vidstack seeks 10 s
  // on; the store hears where from and where to. (Focusing the slider from a script fails while the controls are
  // hidden: the keys then go nowhere.)
  await player.locator('media-player').focus();
  await page.keyboard.press('Tab');
  const slider = player.locator('media-time-slider');
  await expect(slider).toBeFocused();
  // Where the video was while the key was down and where the seek sent it: read in the page, as the video plays on
  // at 4× meanwhile.
  await player.evaluate((el: any) => {
    const video = el.shadowRoot.querySelector('video');
    const media = el.shadowRoot.querySelector('media-player');
    const key = { down: NaN, up: NaN };
    media.addEventListener('keydown', () => (key.down = video.currentTime), { capture: true, once: true });
    media.addEventListener('keyup', () => (key.up = video.currentTime), { capture: true, once: true });
    el.seekSeen = new Promise((resolve) => video.addEventListener('seeking', () => resolve({ ...key, target: video.currentTime }), { once: true }));
  });
  await page.keyboard.press('ArrowRight');
  const key = await player.evaluate((el: any) => el.seekSeen as Promise<{ down: number; up: number; target: number }>);
  expect(key.target - key.up).toBeGreaterThan(5); // forward, by Vidstack's 10 s from its own reading of the clock
  await expect.poll(() => verbsOf(ofSession(session))).toContain('seeked');
  const seeked = ofSession(session).find((s) => s.verb.id.endsWith('/seeked'))!;
  const from = seeked.result?.extensions?.[`${EXT}time-from`] as number;
  const to = seeked.result?.extensions?.[`${EXT}time-to`] as number;
  // (The statements' times have 3 decimals; Vidstack asks for the seek just after the key comes up: a quarter of a
  // second of media, a few frames at 4×, is room enough.)
  expect(from).toBeGreaterThanOrEqual(key.down - 0.001);
  expect(from).toBeLessThanOrEqual(key.up + 0.25);
  expect(to).toBeCloseTo(key.target, 2);

  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(to + 0.5);
  await player.evaluate((el: any) => el.pause());
  await expect.poll(() => verbsOf(ofSession(session)).at(-1)).toBe('paused');
  const pausedAt = await player.evaluate((el: any) => el.currentTime);
  // What was watched: from the start to the seek, then from where it landed to the pause; the jump is not in it.
  const spans = String(ofSession(session).at(-1)!.result?.extensions?.[`${EXT}played-segments`]).split('[,]').map((span) => span.split('[.]').map(Number));
  expect(spans).toHaveLength(2);
  expect(spans[0]![0]).toBe(0);
  expect(spans[0]![1]).toBeCloseTo(from, 0);
  expect(spans[1]![0]).toBeCloseTo(to, 0);
  expect(spans[1]![1]).toBeCloseTo(pausedAt, 0);
  const duration = await player.evaluate((el: any) => el.duration);

  // Back to the start, and on until 5 % of the lesson was watched.
  await player.evaluate((el: any) => el.seek(0));
  await playFast(player);
  await expect.poll(() => verbsOf(ofSession(session)), { timeout: 20_000 }).toContain('completed');
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(1);
  await player.evaluate((el: any) => el.pause());
  await page.goto(`${server!.origin}/blank.html`);
  await expect.poll(() => verbsOf(ofSession(session)).at(-1)).toBe('terminated');

  const statements = ofSession(session);
  const verbs = verbsOf(statements);
  // cmi5's order: launched (the platform's), initialized first, completed once, terminated last.
  expect(verbs.slice(0, 3)).toEqual(['launched', 'initialized', 'played']);
  expect(verbs.at(-1)).toBe('terminated');
  expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
  expect(verbs.filter((v) => v !== 'completed')).toEqual(['launched', 'initialized', 'played', 'seeked', 'paused', 'seeked', 'played', 'paused', 'terminated']);
  expect(lrs.rejected).toEqual([]);
  const [, initialized, played] = statements;
  expect(initialized!.context?.extensions?.[`${EXT}length`]).toBeCloseTo(duration, 0);
  expect(played!.result?.extensions?.[`${EXT}time`]).toBe(0);
  const completed = statements.find((s) => s.verb.id.endsWith('/completed'))!;
  expect(completed.result?.completion).toBe(true);
  expect(completed.result?.extensions?.[`${EXT}progress`]).toBeGreaterThanOrEqual(0.05);
  expect(completed.context?.contextActivities?.category?.map((c) => c.id)).toEqual(expect.arrayContaining([CMI5_CATEGORY, MOVEON_CATEGORY]));
  // The viewing's segments: the start to the seek, the landing to the pause, the start again; the slider's jump is
  // not among them.
  const terminated = statements.at(-1)!;
  const allSpans = String(terminated.result?.extensions?.[`${EXT}played-segments`]).split('[,]');
  expect(allSpans).toHaveLength(3);
  expect(allSpans.slice(0, 2)).toEqual(spans.map((span) => span.join('[.]')));
  expect(Number(allSpans[2]!.split('[.]')[0])).toBe(0);
  expect(statements.slice(1).every((s) => s.context?.registration === registration && s.object.id === AU)).toBe(true);
});

test.describe(() => {
  // The browser itself logs each request the unreachable LRS drops; the player logs nothing.
  test.use({ allowConsoleErrors: [/Failed to load resource: net::ERR_EMPTY_RESPONSE/] });

  test('with the LRS unreachable, the statements wait in the browser and arrive at the next launch', async ({ page }) => {
    const registration = crypto.randomUUID();
    const first = crypto.randomUUID();
    const player = await launch(page, registration, first, 'down');
    await playFast(player);
    await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(2);
    await player.evaluate((el: any) => el.pause());
    const waiting = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lesson-player:xapi-queue')).map((k) => JSON.parse(localStorage.getItem(k)!).length));
    await expect.poll(waiting).toEqual([3]); // initialized, played, paused: none arrived
    await expect.poll(() => lrs.log.filter((r) => r.status === 0).length).toBeGreaterThan(0);
    expect(verbsOf(ofSession(first))).toEqual(['launched']);

    // The learner leaves; the LRS comes back; the platform launches the lesson again.
    await page.goto(`${server!.origin}/blank.html`);
    const second = crypto.randomUUID();
    await launch(page, registration, second);
    await expect.poll(() => verbsOf(ofSession(first))).toEqual(['launched', 'initialized', 'played', 'paused', 'terminated']);
    await expect.poll(() => verbsOf(ofSession(second))).toEqual(['launched', 'initialized']);
    await expect.poll(waiting).toEqual([]);
    expect(lrs.rejected).toEqual([]);
  });
});

test('a page that names its LRS with the xapi-* attributes reports to it, the lesson as the activity', async ({ page }) => {
  lrs.mode = 'up';
  await page.goto(`${server!.origin}/page-lrs.html`);
  const player = page.locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  const mine = () => lrs.statements.filter((s) => JSON.stringify(s.actor) === JSON.stringify(PAGE_ACTOR));
  await expect.poll(() => verbsOf(mine())).toEqual(['initialized']);
  await playFast(player);
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(1);
  await player.evaluate((el: any) => el.pause());
  await expect.poll(() => verbsOf(mine())).toEqual(['initialized', 'played', 'paused']);
  const [initialized] = mine();
  expect(initialized!.object).toEqual({
    objectType: 'Activity',
    id: `${server!.origin}/lesson/lessons/survivre-en-milieu-hostile.json`,
    definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { fr: expect.stringContaining('Survivre') } },
  });
  expect(initialized!.context?.registration).toBeUndefined();
  expect(initialized!.context?.extensions?.[`${EXT}completion-threshold`]).toBe(0.5);
  expect(lrs.rejected).toEqual([]);
});

// With the first test (the cmi5 page fetches the xAPI bridge's chunk), this shows the bridges are loaded on demand.
test('a page that asks for no learning platform never downloads the bridges', async ({ page, openLesson }) => {
  const scripts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  const player = await openLesson('/');
  await playFast(player);
  await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(1);
  await player.evaluate((el: any) => el.pause());
  expect(scripts.length).toBeGreaterThan(1);
  expect(scripts.filter((path) => /(scorm|xapi)-bridge/.test(path))).toEqual([]);
});
