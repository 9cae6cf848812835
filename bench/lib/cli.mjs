// The command line as it ships: built with vite.cli.config.ts into bench/.build/cli (the installed package runs the
// same compiled file), then timed: wall time and CPU time (user + system, from bash's `times`) of `--help` and of
// `lint` on the demo lesson, medians over `repeat` runs after one warm-up run (the file system cache).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, loadConfigFromFile } from 'vite';
import { BUILD_DIR, ROOT } from './build.mjs';
import { median } from './stats.mjs';

const seconds = (clock) => {
  const [, m, s] = /^(\d+)m([\d.]+)s$/.exec(clock) ?? [];
  return Number(m) * 60 + Number(s);
};

/** One run: wall seconds, and the child's CPU seconds as bash counts them. */
function timeRun(script, args) {
  const quoted = [script, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const start = process.hrtime.bigint();
  const run = spawnSync('bash', ['-c', `node ${quoted} >/dev/null; status=$?; times; exit $status`], { cwd: ROOT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`lesson-player ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  // `times` prints the shell's own user/system line, then its children's.
  const [user, system] = run.stdout.trim().split('\n').at(-1).split(/\s+/).map(seconds);
  return { wall, cpu: user + system };
}

export async function measureCli(repeat) {
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(ROOT, 'vite.cli.config.ts'), ROOT, 'silent');
  const outDir = resolve(BUILD_DIR, 'cli');
  await build({ ...config, configFile: false, logLevel: 'warn', build: { ...config.build, outDir, emptyOutDir: true } });
  const script = resolve(outDir, 'lesson-player.js');
  const commands = { help: ['--help'], lint: ['lint', 'lessons/survivre-en-milieu-hostile.json'] };
  const figures = {};
  for (const [name, args] of Object.entries(commands)) {
    timeRun(script, args);
    const runs = Array.from({ length: repeat }, () => timeRun(script, args));
    figures[name] = { wallS: median(runs.map((r) => r.wall)), cpuS: median(runs.map((r) => r.cpu)), runs: runs.map((r) => Number(r.wall.toFixed(3))) };
  }
  const { dependencies } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  return { ...figures, tsxInDependencies: Object.hasOwn(dependencies, 'tsx') };
}
