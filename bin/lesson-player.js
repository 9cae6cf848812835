#!/usr/bin/env node
// The `lesson-player` command. Installed from the package, it runs the compiled command (dist/cli, made by the
// build): plain Node, no TypeScript compiler. In a source checkout, where src/cli is present and dist/cli may be
// older than the code, it runs the TypeScript sources through tsx, a development dependency.
// Paths are resolved from this file, so the command works from any working directory.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/cli.ts', import.meta.url);
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/lesson-player.js', import.meta.url).href);
}
