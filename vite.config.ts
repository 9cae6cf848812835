import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { cliConfig } from './vite.cli.config.ts';
import { libraryConfig, vidstackPatches } from './vite.lib.config.ts';

/** Lesson content is data served as is: the production build carries it beside the pages. */
const LESSON_CONTENT_DIRS = ['lessons', 'captions', 'chapters', 'descriptions', 'media'];

function copyLessonContent(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lesson-content',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const dir of LESSON_CONTENT_DIRS) {
        if (existsSync(dir)) cpSync(dir, resolve(outDir, dir), { recursive: true });
      }
    },
  };
}

/**
 * The strictest policy the player must run under (README, "Content Security Policy"): no inline script or style,
 * and Trusted Types for every HTML sink. `lit-html` is Lit's policy (also created by the lit-html 2 bundled in
 * Vidstack, hence 'allow-duplicates'), `dompurify` the notes sanitiser's, `default` the player's guard for Vidstack's
 * static icon markup (src/media/trusted-types.ts).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html dompurify default 'allow-duplicates'",
].join('; ');

/** Serves `/csp.html` with STRICT_CSP, in preview (what the browser tests load) and in dev. */
function strictCspPage(): Plugin {
  const header = (dev: boolean) => (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (req.url?.split(/[?#]/)[0] === '/csp.html') {
      // Vite's dev server injects CSS as <style> elements: only the build can be held to style-src 'self'.
      res.setHeader('Content-Security-Policy', dev ? STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : STRICT_CSP);
    }
    next();
  };
  return {
    name: 'strict-csp-page',
    configureServer(server) {
      server.middlewares.use(header(true));
    },
    configurePreviewServer(server) {
      server.middlewares.use(header(false));
    },
  };
}

/**
 * Builds the publishable library into `<outDir>/lib` after the site, so one `vite build` serves both: the bundle
 * (vite.lib.config.ts), its type declarations (tsconfig.lib.json) and custom-elements.json (cem analyze); and the
 * compiled command into `<outDir>/cli` (vite.cli.config.ts).
 */
function libraryBuild(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lesson-library',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const lib = resolve(outDir, 'lib');
      await build(libraryConfig(lib));
      await build(cliConfig(resolve(outDir, 'cli')));
      const bin = (name: string) => resolve(import.meta.dirname, 'node_modules/.bin', name);
      for (const [cmd, args] of [
        [bin('tsc'), ['-p', 'tsconfig.lib.json', '--declarationDir', resolve(lib, 'types')]],
        // cem joins --outdir to the working directory.
        [bin('cem'), ['analyze', '--quiet', '--outdir', relative(import.meta.dirname, lib)]],
      ] as const) {
        const run = spawnSync(cmd, args, { cwd: import.meta.dirname, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
      }
    },
  };
}

export default defineConfig({
  plugins: [copyLessonContent(), strictCspPage(), libraryBuild(), ...vidstackPatches()],
  // The dev server pre-bundles Vidstack: the same patch applies there.
  optimizeDeps: { rolldownOptions: { plugins: vidstackPatches() } },
  resolve: {
    // Vidstack asks for lit-html 2; its templates and directives run unchanged on Lit's lit-html 3, so the page
    // ships one copy instead of two (about 3 kB gzip; the browser tests cover Vidstack's layout on it).
    dedupe: ['lit-html'],
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        csp: resolve(import.meta.dirname, 'csp.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
        // Accessibility statement and full transcript (text alternative), French and English.
        accessibilite: resolve(import.meta.dirname, 'accessibilite.html'),
        accessibility: resolve(import.meta.dirname, 'accessibility.html'),
        transcription: resolve(import.meta.dirname, 'transcription.html'),
        transcript: resolve(import.meta.dirname, 'transcript.html'),
      },
    },
  },
  // Lesson files, the library and its chunks are fetched by pages on other origins (README, "Embed a lesson").
  preview: { host: '127.0.0.1', cors: { origin: '*' } },
});
