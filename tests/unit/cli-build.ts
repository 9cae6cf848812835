/**
 * Vitest global setup: builds the `lesson-player` command as it ships (vite.cli.config.ts, into dist/cli) once per
 * run, so the command-line tests start the compiled command, fresh from the sources under test, and not one left by
 * an earlier build. Its path reaches the tests as `inject('cliPath')`.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { cliConfig } from '../../vite.cli.config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cliPath: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  const outDir = resolve(import.meta.dirname, '../../dist/cli');
  await build(cliConfig(outDir));
  project.provide('cliPath', resolve(outDir, 'lesson-player.js'));
}
