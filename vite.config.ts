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

export default defineConfig({
  plugins: [copyLessonContent()],
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
      },
    },
  },
  preview: { host: '127.0.0.1' },
});
