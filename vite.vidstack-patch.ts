/**
 * What the build patches of Vidstack share (vite.vidstack-*.ts): exact replacements that stop the build when Vidstack's
 * code has changed shape, and the Vite plugin that applies one patch.
 */
import type { Plugin } from 'vite';

/**
 * `code` with each of `replacements` made, each pattern found exactly once. Throws, naming `patchFile`, when Vidstack's
 * code is not as expected.
 */
export function replaceOnce(code: string, id: string, replacements: [string | RegExp, string][], patchFile: string): string {
  let patched = code;
  for (const [pattern, replacement] of replacements) {
    const hits = typeof pattern === 'string' ? patched.split(pattern).length - 1 : (patched.match(new RegExp(pattern, 'g')) ?? []).length;
    if (hits !== 1) {
      throw new Error(`${patchFile}: Vidstack's ${id} has ${hits} of ${String(pattern)}; review the patch for this Vidstack release`);
    }
    patched = patched.replace(pattern, replacement);
  }
  return patched;
}

/** A Vite plugin named `name` that rewrites the modules `patch` answers for (null: left as they are). */
export function vidstackPatch(name: string, patch: (code: string, id: string) => string | null): Plugin {
  return {
    name,
    transform(code, id) {
      const patched = patch(code, id);
      return patched === null ? null : { code: patched, map: null };
    },
  };
}
