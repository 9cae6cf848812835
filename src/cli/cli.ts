/** Process entry point of the `lesson-player` command (loaded by bin/lesson-player.js). */
import { runEncode } from './encode-command.ts';
import { run, usage } from './main.ts';
import { runPreview } from './preview-command.ts';

try {
  if (process.argv[2] === 'preview') {
    // The one long-running command: it serves until the process is stopped.
    const { code, preview } = await runPreview(process.argv.slice(3), process.cwd(), usage);
    if (preview) {
      const stop = () => void preview.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } else process.exitCode = code;
  } else if (process.argv[2] === 'encode') {
    // Long-running too: its progress is written as ffmpeg reports it.
    const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), tty: process.stderr.isTTY };
    process.exitCode = await runEncode(process.argv.slice(3), process.cwd(), usage, io);
  } else {
    const result = run(process.argv.slice(2), process.cwd());
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  }
} catch (e) {
  process.stderr.write(`lesson-player: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
