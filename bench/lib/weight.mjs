// Bundle weight from a Vite build's manifest: "initial" is an entry chunk and the chunks it imports statically
// (`imports`, not `dynamicImports`), gzip-compressed as a server would send them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** All files of a kind under a build's assets. */
function assetFiles(outDir, ext) {
  return readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith(ext)).map((f) => join('assets', f));
}

/**
 * @param {string} outDir a Vite build made with `build.manifest: true`
 * @param {string} entry the manifest key of the page (e.g. "index.html")
 */
export function measureWeight(outDir, entry) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  if (!manifest[entry]) throw new Error(`no entry "${entry}" in ${outDir}'s manifest (${Object.keys(manifest).join(', ')})`);
  const initial = new Set();
  const initialCss = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    if (chunk.file.endsWith('.js')) initial.add(chunk.file);
    for (const css of chunk.css ?? []) initialCss.add(css);
    for (const imported of chunk.imports ?? []) walk(imported);
  };
  walk(entry);
  const sum = (files) => [...files].reduce((total, f) => total + gzipSize(join(outDir, f)), 0);
  const allJs = assetFiles(outDir, '.js');
  const allCss = assetFiles(outDir, '.css');
  return {
    initialJsGzip: sum(initial),
    initialChunks: initial.size,
    totalJsGzip: sum(allJs),
    totalChunks: allJs.length,
    initialCssGzip: sum(initialCss),
    totalCssGzip: sum(allCss),
    /** The biggest initial chunks, to see where the weight is. */
    initialFiles: [...initial].map((f) => ({ file: f, gzip: gzipSize(join(outDir, f)) })).sort((a, b) => b.gzip - a.gzip),
  };
}

/** The static imports at the head of a bundled ES module (rolldown hoists them; `import()` calls are not read). */
function staticImports(code) {
  const specifiers = [];
  const head = /\s*(?:\/\*[\s\S]*?\*\/\s*)*import\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']\s*;?/y;
  for (let m = head.exec(code); m; m = head.exec(code)) specifiers.push(m[1]);
  return specifiers;
}

/**
 * What `import 'lesson-player'` (or its script tag) costs before any lazy chunk: the entry file of a library build
 * and every file it imports statically, transitively, gzip-compressed.
 * @param {string} entryFile e.g. <outDir>/lib/lesson-player.js
 */
export function measureModuleGraph(entryFile) {
  const files = new Set();
  const walk = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) throw new Error(`${file} imports "${specifier}": a bundled library imports only its own chunks`);
      walk(join(dirname(file), specifier));
    }
  };
  walk(entryFile);
  const sizes = [...files].map((file) => ({ file, gzip: gzipSize(file) }));
  return { gzip: sizes.reduce((total, f) => total + f.gzip, 0), files: sizes.length, biggest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 5) };
}
