// Builds the benchmark's variants with the project's own Vite config, each into its own dir under bench/.build.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, loadConfigFromFile } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILD_DIR = resolve(ROOT, 'bench/.build');

/**
 * @param {string} name out dir under bench/.build
 * @param {Record<string, string>} inputs entry name → HTML page (relative to the repo)
 * @param {string[]} [withoutPlugins] names of the config's plugins left out (a build as it was before one of them)
 */
export async function buildVariant(name, inputs, withoutPlugins = []) {
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(ROOT, 'vite.config.ts'), ROOT, 'silent');
  const outDir = resolve(BUILD_DIR, name);
  rmSync(outDir, { recursive: true, force: true });
  await build({
    ...config,
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: config.plugins.flat().filter((plugin) => !withoutPlugins.includes(plugin?.name)),
    build: {
      ...config.build,
      outDir,
      emptyOutDir: true,
      manifest: true,
      // Only the pages named here: other entries would change how the chunks are split.
      rollupOptions: { ...config.build?.rollupOptions, input: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, resolve(ROOT, v)])) },
    },
  });
  return outDir;
}
