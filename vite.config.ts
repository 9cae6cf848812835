import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Lesson content is data served as is: the production build carries it beside the pages. */
const LESSON_CONTENT_DIRS = ['lessons', 'captions', 'chapters', 'media'];

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

export default defineConfig({
  plugins: [copyLessonContent(), strictCspPage()],
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
      },
    },
  },
  preview: { host: '127.0.0.1' },
});
