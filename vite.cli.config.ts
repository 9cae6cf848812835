/**
 * The command-line build: `dist/cli/lesson-player.js`, the `lesson-player` command compiled for Node, so that
 * running it needs no TypeScript compiler (bin/lesson-player.js loads it). The project's own modules are bundled;
 * packages stay imports, resolved from the installed dependencies. Run by the site build (vite.config.ts) and by
 * the unit tests' setup (tests/unit/cli-build.ts), or alone with `vite build -c vite.cli.config.ts`.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type InlineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.devDependencies),
];

export function cliConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'warn',
    publicDir: false,
    build: {
      target: 'node20',
      outDir,
      emptyOutDir: true,
      ssr: resolve(import.meta.dirname, 'src/cli/cli.ts'),
      minify: false,
      rollupOptions: {
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { format: 'es', entryFileNames: 'lesson-player.js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

export default defineConfig(cliConfig(resolve(import.meta.dirname, 'dist/cli')));
