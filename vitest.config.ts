import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // A safety net, not a condition: vitest's default (5 s of wall clock) failed fuzzing and 4 000-cue cases that
    // take a second idle when another process kept a core busy. What a test bounds, it asserts itself.
    testTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, where the CLI tests
    // spend most of their time waiting on the processes they start.
    maxWorkers: Math.max(2, availableParallelism()),
    globalSetup: ['tests/unit/cli-build.ts'],
  },
});
