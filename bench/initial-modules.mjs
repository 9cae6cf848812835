#!/usr/bin/env node
/**
 * node bench/initial-modules.mjs [page.html] — what a page's initial JS is made of: every module of the entry chunk
 * and of the chunks it imports statically, with its share of the chunk's gzip size, largest first, then by package
 * or source folder. Builds with the project's Vite config in memory (nothing written).
 *
 * Two figures per module: `alone`, its rendered code gzip-compressed by itself, and `share`, that figure scaled so
 * that a chunk's shares add up to the chunk's real gzip size (modules compress better together than alone).
 * Taking a module out of the initial JS saves about its share, up to its size alone (Vidstack's CSS: 7.0 kB share,
 * 10.4 kB saved when left out).
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const page = process.argv[2] ?? 'index.html';
const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(ROOT, 'vite.config.ts'), ROOT, 'silent');
let bundle = {};
await build({
  ...config,
  root: ROOT,
  configFile: false,
  logLevel: 'silent',
  // The site's pages only: neither the library build nor the lesson files.
  plugins: [...config.plugins.filter((p) => p && !['lesson-library', 'lesson-content'].includes(p.name)), { name: 'initial-modules', generateBundle: (_, b) => void (bundle = b) }],
  build: { ...config.build, write: false, rollupOptions: { ...config.build.rollupOptions, input: { page: resolve(ROOT, page) } } },
});

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
const initial = new Set();
const walk = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  for (const imported of bundle[file].imports) walk(imported);
};
walk(entry.fileName);

const modules = [];
let total = 0;
for (const file of initial) {
  const chunk = bundle[file];
  const chunkGzip = gzip(chunk.code);
  total += chunkGzip;
  const alone = Object.entries(chunk.modules).map(([id, m]) => ({ id: id.replace(`${ROOT}/`, '').replace(/\0/g, ''), alone: m.code ? gzip(m.code) : 0 }));
  const sum = alone.reduce((s, m) => s + m.alone, 0) || 1;
  for (const m of alone) modules.push({ id: m.id, alone: m.alone, gzip: (m.alone * chunkGzip) / sum });
}
const kb = (bytes) => `${(bytes / 1024).toFixed(2).padStart(6)} kB`;
const group = (id) => {
  const parts = id.split('/');
  if (parts[0] === 'node_modules') return parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : `${parts[1]}${id.includes('.css') ? ' (CSS)' : ''}`;
  return parts[0] === 'src' ? parts.slice(0, 2).join('/') : id;
};
const groups = new Map();
for (const m of modules) groups.set(group(m.id), (groups.get(group(m.id)) ?? 0) + m.gzip);

console.log(`${page}: initial JS ${kb(total)} gzip in ${initial.size} files, ${modules.length} modules\n\n    share      alone  module`);
for (const m of modules.filter((x) => x.alone > 0).sort((a, b) => b.gzip - a.gzip)) console.log(`${kb(m.gzip)}  ${kb(m.alone)}  ${m.id}`);
console.log('\nshares by package / source folder:');
for (const [name, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${kb(bytes)}  ${name}`);
