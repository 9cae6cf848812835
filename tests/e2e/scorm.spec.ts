/**
 * SCORM packages in a real SCORM run-time: scorm-again (what platforms embed) installed by a host page that frames the
 * package's launch page, both served from the extracted zip of `lesson-player package`, on a server of this test
 * (port 0), with nothing requested anywhere else. For each version: watching past the package's threshold completes
 * the attempt with a progress and a location; on the next visit (another browser: nothing kept locally) the player
 * offers to resume at the platform's location and the learner's note comes back through suspend_data. Without an
 * API, and with an API that refuses, the lesson plays and says one thing in the console. Notes past SCORM 1.2's
 * 4 096 characters stay in the browser, and the learner is told.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { usage } from '../../src/cli/main.ts';
import { runPackage } from '../../src/cli/package-command.ts';
import { serveFiles, type FileServer } from '../helpers/file-server.ts';
import { readZip } from '../helpers/zip-reader.ts';
import { expect, playFast, test } from './fixtures.ts';

const root = join(import.meta.dirname, '../..');
const VERSIONS = ['1.2', '2004'] as const;
let dir = '';
let server: FileServer | undefined;
let origin = '';
const strayRequests: string[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-scorm-'));
  for (const version of VERSIONS) {
    // The threshold is the package's (--complete-at): 5 % keeps the viewing short at a rate the progress counts.
    const zip = join(dir, `${version}.zip`);
    const result = runPackage(['lessons/survivre-en-milieu-hostile.json', '--scorm', version, '--complete-at', '5', '-o', zip], root, usage, resolve(root, process.env.E2E_DIST ?? 'dist', 'lib'));
    expect(result.stderr).toBe('');
    for (const [name, data] of readZip(readFileSync(zip))) {
      mkdirSync(dirname(join(dir, `pkg-${version}`, name)), { recursive: true });
      writeFileSync(join(dir, `pkg-${version}`, name), data);
    }
  }
  const roots: [string, string][] = [
    ['/scorm-again/', join(root, 'node_modules/scorm-again/dist')],
    ['/pkg-', join(dir, 'pkg-')],
    ['/', join(root, 'tests/fixtures/scorm')],
  ];
  server = await serveFiles((path) => {
    if (path === '/blank.html') return { html: '<!doctype html><title>blank</title>' };
    const [prefix, base] = roots.find(([p]) => path.startsWith(p))!;
    return base + (prefix === '/pkg-' ? path.slice(prefix.length) : '/' + path.slice(prefix.length));
  });
  origin = server.origin;
});

test.afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the platform's page and waits for the framed lesson; requests outside the package's server are noted. */
async function openPlatform(page: Page, query: string): Promise<Locator> {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) strayRequests.push(url);
  });
  await page.goto(`${origin}/host.html?${query}`);
  const player = page.frameLocator('iframe').locator('lesson-player');
  await expect(player.locator('.lesson')).toHaveAttribute('data-status', 'ready');
  return player;
}

/** The platform's data model, as scorm-again holds it. */
function platformData(page: Page): Promise<Record<string, any>> {
  return page.evaluate(() => ((window as any).API ?? (window as any).API_1484_11).renderCommitCMI(true).cmi);
}


for (const version of VERSIONS) test.describe.serial(`SCORM ${version}`, () => {
  const status = (data: Record<string, any>) => (version === '1.2' ? data.core.lesson_status : data.completion_status);
  const location = (data: Record<string, any>) => Number(version === '1.2' ? data.core.lesson_location : data.location);
  /** What the platform kept at the end of the first visit, for the next one. */
  let saved: string | null = null;

  test(`SCORM ${version} in scorm-again: watching past the threshold completes the attempt with a progress and a location`, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('lesson-player:') && warnings.push(m.text()));
    const player = await openPlatform(page, `v=${version}`);
    await expect.poll(async () => status(await platformData(page))).toBe('incomplete');

    await player.evaluate((el: any) => {
      const learner = el.controller.learner;
      learner.updateNote(learner.addNote(5).id, 'Relire le passage sur les process');
    });
    await playFast(player);
    await expect.poll(async () => status(await platformData(page)), { timeout: 20_000 }).toBe('completed');
    await player.evaluate((el: any) => el.pause());
    let data = await platformData(page);
    expect(location(data)).toBeGreaterThan(11);
    if (version === '2004') {
      expect(Number(data.progress_measure)).toBeGreaterThanOrEqual(0.05);
      expect(data.success_status).toBe('unknown');
    } else expect(data.core.lesson_status).not.toBe('passed');
    expect(data.suspend_data).toMatch(/^lp1;p[0-9a-z]+;w[0-9a-z,-]+;n.*Relire le passage sur les process/);

    // A new chapter commits at once: the platform has the new place.
    await player.evaluate((el: any) => el.seek(100));
    await expect.poll(async () => location(await platformData(page))).toBe(100);
    // Leaving the page terminates the session; the platform keeps what it was given.
    await page.goto(`${origin}/blank.html`);
    saved = await page.evaluate((key) => sessionStorage.getItem(key), `scorm-host:${version}`);
    expect(saved).not.toBeNull();
    data = JSON.parse(saved!).cmi;
    expect(status(data)).toBe('completed');
    expect(version === '1.2' ? data.core.session_time : data.session_time).not.toMatch(/^(0000:00:00(\.00)?|PT0H0M0S)$/);
    expect(warnings, 'the run-time accepted every value').toEqual([]);
    expect(strayRequests).toEqual([]);
  });

  test(`SCORM ${version} in scorm-again: the next visit resumes at the platform's location, with the note from suspend_data`, async ({ browser }) => {
    expect(saved, 'the first visit ran').not.toBeNull();
    // The next visit, from another browser: only the platform knows where the learner was and what they wrote.
    const context = await browser.newContext();
    await context.addInitScript(
      ([key, value]) => window === window.top && !sessionStorage.getItem(key!) && sessionStorage.setItem(key!, value!),
      [`scorm-host:${version}`, saved],
    );
    const again = await context.newPage();
    const errors: string[] = [];
    again.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const resumed = await openPlatform(again, `v=${version}`);
    const offer = resumed.locator('lesson-learner').getByRole('group', { name: 'Reprendre à 1:40 ?' });
    await expect(offer).toBeVisible();
    expect(await resumed.evaluate((el: any) => el.controller.learner.notes.map((n: any) => n.text))).toEqual(['Relire le passage sur les process']);
    await offer.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => resumed.evaluate((el: any) => el.currentTime)).toBeCloseTo(100, 0);
    expect(status(await platformData(again))).toBe('completed');
    if (version === '1.2') {
      // More notes than 4 096 characters hold: the platform keeps the place and progress, the learner is told.
      await resumed.evaluate((el: any) => {
        const learner = el.controller.learner;
        for (let i = 0; i < 25; i++) learner.updateNote(learner.addNote(10 + i).id, 'x'.repeat(200));
      });
      await resumed.evaluate((el: any) => el.seek(5)); // another chapter: a commit
      await expect(resumed.locator('lesson-learner').getByRole('status').filter({ hasText: 'Vos notes sont trop longues pour la plateforme de formation' })).toBeVisible();
      const kept = (await platformData(again)).suspend_data as string;
      expect(kept.length).toBeLessThanOrEqual(4096);
      expect(kept).toMatch(/^lp1;p1e;w[0-9a-z,-]+$/); // 5 s, in tenths, base 36; no notes
    }
    await context.close();
    expect(errors).toEqual([]);
    expect(strayRequests).toEqual([]);
  });
});

for (const [query, what, said] of [
  ['v=1.2&api=none', 'without an API', /no SCORM 1\.2 API found/],
  ['v=2004&api=error', 'with an API that refuses (the session already finished)', /refused to start the SCORM session \(\d+: /],
] as const) {
  test(`${what}, the lesson plays and says so once in the console`, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('lesson-player:') && warnings.push(m.text()));
    const player = await openPlatform(page, query);
    await playFast(player);
    await expect.poll(() => player.evaluate((el: any) => el.currentTime)).toBeGreaterThan(2);
    await player.evaluate((el: any) => el.pause());
    expect(warnings).toEqual([expect.stringMatching(said)]);
    await expect(player.getByRole('alert')).toHaveCount(0);
    expect(strayRequests).toEqual([]);
  });
}
