/**
 * The library build: `dist/lib/lesson-player.js` (registers every element; lazy chunks beside it, loaded relative to
 * it, so a page on another origin can use the script as is) and `dist/lib/embed-api.js` (the host-side client of
 * the iframe embed). Everything is bundled: one script tag is enough. Run by the site build (vite.config.ts) into
 * its outDir's `lib/`, or alone with `vite build -c vite.lib.config.ts`.
 */
import { resolve } from 'node:path';
import { defineConfig, type InlineConfig } from 'vite';
import { vidstackSliderPixels } from './vite.vidstack-slider-pixels.ts';
import { vidstackSpokenTime } from './vite.vidstack-spoken-time.ts';
import { vidstackVisibility } from './vite.vidstack-visibility.ts';

/** The build patches of Vidstack, in the site, the library and the dev server's dependency pre-bundling alike. */
export const vidstackPatches = () => [vidstackVisibility(), vidstackSpokenTime(), vidstackSliderPixels()];

export function libraryConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'warn',
    publicDir: false,
    plugins: vidstackPatches(),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { dedupe: ['lit-html'] },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      lib: {
        entry: {
          'lesson-player': resolve(import.meta.dirname, 'src/index.ts'),
          'embed-api': resolve(import.meta.dirname, 'src/embed/embed-api.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: {
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Vite leaves an ES library's whitespace for the consumer's bundler; this one is also served as is (one
          // script tag), so it is minified whole, as the site's chunks are. Everything is bundled and the entry
          // registers elements: a consumer's tree-shaking has nothing to remove.
          minify: { compress: true, mangle: true, codegen: true },
        },
      },
    },
  };
}

export default defineConfig(libraryConfig(resolve(import.meta.dirname, 'dist/lib')));
