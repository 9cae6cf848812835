/** Process entry point of the `lesson-player` command (loaded by bin/lesson-player.js). */
import { run } from './main.ts';

try {
  const result = run(process.argv.slice(2), process.cwd());
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
} catch (e) {
  process.stderr.write(`lesson-player: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
