/**
 * `lesson-player oembed <manifest> --base-url <url> [--maxwidth N] [--maxheight N] [--lang fr|en]`: the oEmbed
 * (https://oembed.com) `video` response for a lesson, as a site serving it at `--base-url` would answer. The manifest
 * is read and validated with the player's own core; its public URL is its path (from the working directory) under
 * the base URL, and `embed.html` sits at the base URL.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifestText, validateManifest } from '../core/manifest.ts';
import type { LessonManifest } from '../core/types.ts';
import { embedSize, embedUrl, iframeSnippet } from '../embed/snippets.ts';
import { lessonTitle } from '../core/lesson-title.ts';

export interface OembedVideo {
  version: '1.0';
  type: 'video';
  title: string;
  html: string;
  width: number;
  height: number;
  provider_name: string;
  provider_url: string;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export interface OembedOptions {
  /** Absolute URL of the lesson's manifest as served. */
  manifestUrl: string;
  /** Absolute URL of the site root, where `embed.html` is. */
  baseUrl: string;
  maxWidth?: number;
  maxHeight?: number;
  lang?: string;
  /** The poster's pixel size, when known (oEmbed wants a thumbnail's size with its URL). */
  posterSize?: { width: number; height: number };
}

/** The oEmbed response for a validated manifest whose URLs are public. Pure. */
export function oembedResponse(manifest: LessonManifest, options: OembedOptions): OembedVideo {
  const lang = options.lang && manifest.title[options.lang] ? options.lang : manifest.language;
  const title = lessonTitle(manifest, lang);
  const { width, height } = embedSize(options.maxWidth, options.maxHeight);
  const src = embedUrl({ embedPage: new URL('embed.html', options.baseUrl).href, manifest: options.manifestUrl, lang: lang !== manifest.language ? lang : undefined });
  const response: OembedVideo = {
    version: '1.0',
    type: 'video',
    title,
    html: iframeSnippet(src, title, width, height),
    width,
    height,
    provider_name: manifest.provider?.name ?? new URL(options.baseUrl).host,
    provider_url: manifest.provider?.url ?? new URL(options.baseUrl).origin + '/',
  };
  if (manifest.poster && options.posterSize) {
    response.thumbnail_url = manifest.poster;
    response.thumbnail_width = options.posterSize.width;
    response.thumbnail_height = options.posterSize.height;
  }
  return response;
}

/** Width and height of a PNG or JPEG image, or undefined. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    const length = view.getUint16(i + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    }
    i += 2 + length;
  }
  return undefined;
}

export class OembedUsageError extends Error {}

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n <= 0) throw new OembedUsageError(`${flag} needs a whole number above 0`);
  return n;
}

/** Parses `oembed` arguments (after the command name). */
export function parseOembedArgs(argv: readonly string[]): { manifest: string; baseUrl: string; maxWidth?: number; maxHeight?: number; lang?: string } {
  let manifest: string | undefined;
  let baseUrl: string | undefined;
  const out: { maxWidth?: number; maxHeight?: number; lang?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.startsWith('--') && argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s) : [argv[i]!, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--base-url') baseUrl = value();
    else if (flag === '--maxwidth') out.maxWidth = positive(flag, value());
    else if (flag === '--maxheight') out.maxHeight = positive(flag, value());
    else if (flag === '--lang') out.lang = value();
    else if (flag!.startsWith('-')) throw new OembedUsageError(`unknown option ${flag} for oembed`);
    else if (manifest === undefined) manifest = flag;
    else throw new OembedUsageError('oembed takes one manifest');
  }
  if (!manifest) throw new OembedUsageError('oembed needs a manifest path');
  if (!baseUrl) throw new OembedUsageError('oembed needs --base-url <url> (where the site is served)');
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new OembedUsageError(`--base-url: "${baseUrl}" is not an absolute URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new OembedUsageError('--base-url must be an http(s) URL');
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return { manifest, baseUrl: base.href, ...out };
}

/** Runs `oembed`: exit 0 with the JSON, 1 when the manifest has errors, 2 on a usage error. */
export function runOembed(argv: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let args: ReturnType<typeof parseOembedArgs>;
  try {
    args = parseOembedArgs(argv);
  } catch (e) {
    if (e instanceof OembedUsageError) return { code: 2, stdout: '', stderr: `lesson-player: ${e.message}\n` };
    throw e;
  }
  const path = resolve(cwd, args.manifest);
  const rel = relative(cwd, path).split(sep).join('/');
  if (rel.startsWith('../')) return { code: 2, stdout: '', stderr: `lesson-player: ${args.manifest} must be inside the working directory (its path there is its path under --base-url)\n` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { code: 1, stdout: '', stderr: `${args.manifest}: error: cannot read the manifest (${e instanceof Error ? e.message : String(e)})\n` };
  }
  const manifestUrl = new URL(rel.split('/').map(encodeURIComponent).join('/'), args.baseUrl).href;
  const parsed = parseManifestText(text, manifestUrl, args.manifest);
  const local = parsed.value === undefined ? undefined : validateManifest(parsed.value, pathToFileURL(path).href, args.manifest);
  const served = parsed.value === undefined ? undefined : validateManifest(parsed.value, manifestUrl, args.manifest);
  const errors = [...parsed.problems, ...(served?.problems ?? [])].filter((p) => p.severity === 'error');
  if (!served?.manifest || errors.length) {
    return { code: 1, stdout: '', stderr: errors.map((p) => `${p.file}${p.line ? `:${p.line}:${p.col ?? 1}` : ''}: error: ${p.message} [${p.rule}]\n`).join('') };
  }
  let posterSize: { width: number; height: number } | undefined;
  const posterFile = local?.manifest?.poster;
  if (posterFile?.startsWith('file:')) {
    try {
      posterSize = imageSize(readFileSync(new URL(posterFile)));
    } catch {
      posterSize = undefined;
    }
  }
  const response = oembedResponse(served.manifest, { ...args, manifestUrl, posterSize });
  return { code: 0, stdout: JSON.stringify(response, null, 2) + '\n', stderr: '' };
}
