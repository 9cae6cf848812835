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
