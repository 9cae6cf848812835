#!/usr/bin/env node
// The `lesson-player` command. The CLI is TypeScript (shared with the player's DOM-free core), run through tsx.
// Paths are resolved from this file, so the command works from any working directory.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/cli.ts', import.meta.url).href);
