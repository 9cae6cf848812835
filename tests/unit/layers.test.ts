/**
 * The layer rule (`npm run lint:layers`, .oxlintrc.json) catches what it is meant to catch: oxlint runs with the
 * project's own config on small trees laid out like src/, one that keeps the rule and one that breaks each part of it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const oxlint = join(root, 'node_modules/oxlint/bin/oxlint');
const dirs: string[] = [];

interface Finding {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

/** Lays out `files` (path → source) under a temp folder beside a copy of .oxlintrc.json and lints its src/. */
function lint(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-layers-'));
  dirs.push(dir);
  copyFileSync(join(root, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return run(dir);
}

function run(cwd: string) {
  const r = spawnSync(process.execPath, [oxlint, '-c', '.oxlintrc.json', '-f', 'json', 'src'], { cwd, encoding: 'utf8', timeout: 60_000 });
  const report = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; filename: string; labels: { span: { line: number } }[] }[] };
  const findings: Finding[] = report.diagnostics
    .map((d) => ({ file: d.filename, line: d.labels[0]!.span.line, rule: d.code, severity: d.severity }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  return { code: r.status, findings };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lines = (count: number) => Array.from({ length: count }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';

/** What the rule allows: each import here is one the project makes or may make (store ↔ session is a type-only cycle). */
const KEEPS_THE_RULE: Record<string, string> = {
  'src/core/a.ts': "import { b } from './b.ts';\nimport type { Cue } from 'webvtt-parser';\nimport * as parser from 'webvtt-parser';\nexport const a = [b, parser];\nexport type A = Cue;\n",
  'src/core/b.ts': 'export const b = 1;\n',
  'src/core/a.test.ts': "import { readFileSync } from 'node:fs';\nimport { expect, it } from 'vitest';\nimport { a } from './a.ts';\nit('reads', () => expect([a, readFileSync, document]).toBeTruthy());\n",
  'src/state/store.ts':
    "import { a } from '../core/a.ts';\nimport type { View } from '../components/view/view.ts';\nimport type { MediaAdapter } from '../media/media-adapter.ts';\nimport type { L } from '../learner/session.ts';\nimport { ReactiveElement } from 'lit';\nexport const store = [a, ReactiveElement];\nexport type S = View | MediaAdapter | L;\n",
  'src/learner/session.ts': "import { type View, type ViewProps } from '../components/view/view.ts';\nimport { store } from '../state/store.ts';\nexport const session = store;\nexport type L = View | ViewProps;\n",
  'src/media/media-adapter.ts': 'export interface MediaAdapter { play(): void }\n',
  'src/media/storage-guard.ts': 'export const guard = 1;\n',
  'src/media/vidstack-adapter.ts':
    "import './storage-guard.ts';\nimport 'vidstack/player';\nimport type { MediaPlayerElement } from 'vidstack/elements';\nimport css from 'vidstack/player/styles/default/theme.css?inline';\nexport const adapter = css;\nexport type P = MediaPlayerElement;\n",
  'src/embed/page.ts': "import type { View } from '../components/view/view.ts';\nimport { parse } from './protocol.ts';\nexport const page = (v: View) => [v, parse];\n",
  'src/embed/protocol.ts': "import { b } from '../core/b.ts';\nexport const parse = b;\n",
  'src/embed/snippets.ts': "import { b } from '../core/b.ts';\nexport const snippet = b;\n",
  'src/i18n/strings.ts': "import type { View } from '../components/view/view.ts';\nexport type I = View;\n",
  'src/cli/main.ts': "import { readFileSync } from 'node:fs';\nimport { a } from '../core/a.ts';\nimport { snippet } from '../embed/snippets.ts';\nimport { lint } from './lint.ts';\nexport const main = [readFileSync, a, snippet, lint];\n",
  'src/cli/lint.ts': 'export const lint = 1;\n',
  'src/components/view/view.ts':
    "import { LitElement } from 'lit';\nimport { store } from '../../state/store.ts';\nimport { adapter } from '../../media/vidstack-adapter.ts';\nexport class View extends LitElement { s = [store, adapter]; }\nexport interface ViewProps { open: boolean }\n",
  'src/components/view/long-but-allowed.ts': lines(500),
  'src/demo/demo.ts': "import { View } from '../components/view/view.ts';\nimport { session } from '../learner/session.ts';\nexport const demo = [View, session, document];\n",
  'src/index.ts': "export { View } from './components/view/view.ts';\n",
};

describe('npm run lint:layers (oxlint with .oxlintrc.json)', { timeout: 60_000 }, () => {
  it('passes a tree that keeps the rule: type-only imports upward, vidstack in the adapter, tests and pages free', () => {
    const r = lint(KEEPS_THE_RULE);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('fails on each kind of upward import, on vidstack outside its adapter, on a runtime cycle and on a file over 500 lines', () => {
    const r = lint({
      ...KEEPS_THE_RULE,
      // core reaches outside core, to a DOM-only package, to Node, to the DOM.
      'src/core/up.ts':
        "import { session } from '../learner/session.ts';\nimport { html } from 'lit';\nimport { readFileSync } from 'node:fs';\nexport const up = [session, html, readFileSync, document.title];\n",
      // A value import of a component, however it is written: plain, mixed with types, side effect only, dynamic.
      'src/state/up.ts': "import { View } from '../components/view/view.ts';\nexport const up = View;\n",
      'src/learner/up.ts': "import { View, type ViewProps } from '../components/view/view.ts';\nexport const up = (p: ViewProps) => [View, p];\n",
      'src/embed/up.ts': "import '../components/view/view.ts';\nexport const up = () => import('../components/view/view.ts');\n",
      'src/media/up.ts': "import { View } from '../index.ts';\nexport const up = View;\n",
      'src/i18n/up.ts': "import { View } from '../components/view/view.ts';\nexport const up = View;\n",
      // vidstack anywhere but src/media/vidstack-adapter.ts, even a type.
      'src/media/other-adapter.ts': "import 'vidstack/player';\nexport const other = 1;\n",
      'src/components/view/direct.ts': "import type { MediaPlayerElement } from 'vidstack/elements';\nexport type D = MediaPlayerElement;\n",
      // The CLI (Node code) reaching the browser layers and the DOM; the snippets the CLI ships with reaching the rest of embed.
      'src/cli/up.ts':
        "import { store } from '../state/store.ts';\nimport type { View } from '../components/view/view.ts';\nimport { adapter } from '../media/vidstack-adapter.ts';\nexport const up = (v: View) => [store, adapter, v, document];\n",
      'src/embed/snippets.ts': "import { parse } from './protocol.ts';\nexport const snippet = parse;\n",
      // A detour through '..' does not hide where an import goes.
      'src/core/detour.ts': "import { session } from './../learner/session.ts';\nexport const detour = session;\n",
      'src/cli/detour.ts': "import { store } from '../core/../state/store.ts';\nexport const detour = store;\n",
      // A runtime cycle.
      'src/learner/ring-a.ts': "import { ringB } from './ring-b.ts';\nexport const ringA = () => ringB;\n",
      'src/learner/ring-b.ts': "import { ringA } from './ring-a.ts';\nexport const ringB = () => ringA;\n",
      'src/components/view/too-long.ts': lines(501),
    });
    const restricted = 'eslint(no-restricted-imports)';
    expect(r.findings).toEqual([
      { file: 'src/cli/detour.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/cli/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/cli/up.ts', line: 2, rule: restricted, severity: 'error' },
      { file: 'src/cli/up.ts', line: 3, rule: restricted, severity: 'error' },
      { file: 'src/cli/up.ts', line: 4, rule: 'eslint(no-restricted-globals)', severity: 'error' },
      { file: 'src/components/view/direct.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/components/view/too-long.ts', line: 501, rule: 'eslint(max-lines)', severity: 'error' },
      { file: 'src/core/detour.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/core/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/core/up.ts', line: 2, rule: restricted, severity: 'error' },
      { file: 'src/core/up.ts', line: 3, rule: restricted, severity: 'error' },
      { file: 'src/core/up.ts', line: 4, rule: 'eslint(no-restricted-globals)', severity: 'error' },
      { file: 'src/embed/snippets.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/embed/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/embed/up.ts', line: 2, rule: restricted, severity: 'error' },
      { file: 'src/i18n/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/learner/ring-a.ts', line: 1, rule: 'import(no-cycle)', severity: 'error' },
      { file: 'src/learner/ring-b.ts', line: 1, rule: 'import(no-cycle)', severity: 'error' },
      { file: 'src/learner/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/media/other-adapter.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/media/up.ts', line: 1, rule: restricted, severity: 'error' },
      { file: 'src/state/up.ts', line: 1, rule: restricted, severity: 'error' },
    ]);
    expect(r.code).not.toBe(0);
  });

  it("passes on the project's own src/", () => {
    const r = run(root);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });
});
