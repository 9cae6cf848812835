import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // A safety net, not a condition: vitest's default (5 s of wall clock) failed fuzzing and 4 000-cue cases that
    // take a second idle when another process kept a core busy. What a test bounds, it asserts itself.
    testTimeout: 60_000,
  },
});
