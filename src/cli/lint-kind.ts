/**
 * What kind of track a `.vtt` file linted on its own is, since the norms depend on it: `--kind` says so, else the
 * lesson manifest that names the file (looked for beside it and in the folders above), else its name and path
 * (`*.thumbnails.vtt`, a `chapters` or `descriptions` folder or word in the name…), and the linter says it guessed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type TrackKind = 'captions' | 'subtitles' | 'chapters' | 'descriptions';
export type VttKind = TrackKind | 'thumbnails';
export const TRACK_KINDS: readonly TrackKind[] = ['captions', 'subtitles', 'chapters', 'descriptions'];

export interface ResolvedKind {
  kind: VttKind;
  /** How the kind was found, when it was not given: for the linter to say. */
  source: 'flag' | 'manifest' | 'guess';
  /** The manifest that names the file, when that is the source. */
  manifest?: string;
}

/** Folders above the file searched for a manifest naming it. */
const MANIFEST_SEARCH_DEPTH = 3;
/** Manifests larger than this are not opened while searching. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** The kind of a `.vtt` file given on its own. */
export function resolveVttKind(abs: string, forced?: TrackKind): ResolvedKind {
  if (forced) return { kind: forced, source: 'flag' };
  const named = kindFromManifests(abs);
  if (named) return { kind: named.kind, source: 'manifest', manifest: named.manifest };
  return { kind: guessVttKind(abs), source: 'guess' };
}

/** The kind a file's name and folders suggest: captions unless something says otherwise. */
export function guessVttKind(abs: string): VttKind {
  const name = basename(abs).toLowerCase();
  if (/\.thumbnails\.vtt$/.test(name)) return 'thumbnails';
  // A word of the name: "intro.chapters.vtt", "lesson-chapters.fr.vtt", "lesson.descriptions.en.vtt".
  if (/(^|[._-])chapters?[._-]/.test(name)) return 'chapters';
  if (/(^|[._-])descriptions?[._-]/.test(name)) return 'descriptions';
  const segments = abs.split(/[\\/]/).slice(0, -1).map((s) => s.toLowerCase());
  if (segments.includes('chapters')) return 'chapters';
  if (segments.includes('descriptions')) return 'descriptions';
  return 'captions';
}

function kindFromManifests(abs: string): { kind: TrackKind; manifest: string } | undefined {
  const target = pathToFileURL(abs).href;
  let dir = dirname(abs);
  for (let depth = 0; depth <= MANIFEST_SEARCH_DEPTH; depth++) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      const manifest = join(dir, name);
      const kind = kindInManifest(manifest, target);
      if (kind) return { kind, manifest };
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function kindInManifest(manifest: string, target: string): TrackKind | undefined {
  let json: unknown;
  try {
    if (statSync(manifest).size > MAX_MANIFEST_BYTES) return undefined;
    json = JSON.parse(readFileSync(manifest, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const base = pathToFileURL(manifest).href;
  const names = (src: string) => {
    try {
      return new URL(src, base).href === target || fileURLToPath(new URL(src, base)) === fileURLToPath(target);
    } catch {
      return false;
    }
  };
  const o = json as { captions?: unknown; chapters?: unknown };
  for (const [key, list] of [['captions', o.captions], ['chapters', o.chapters]] as const) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { src, kind } = entry as { src?: unknown; kind?: unknown };
      if (typeof src !== 'string' || !names(src)) continue;
      if (key === 'chapters') return 'chapters';
      return kind === 'subtitles' ? 'subtitles' : 'captions';
    }
  }
  return undefined;
}
