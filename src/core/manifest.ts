/**
 * Lesson manifest validation (schemas/lesson.schema.json mirrors these rules). Hand-written on purpose: the player
 * must run under a Content-Security-Policy without 'unsafe-eval', which rules out schema compilers. DOM-free.
 *
 * Every message starts with the JSON path it concerns, e.g. `captions[1].src: must be a string`.
 */
import type {
  LessonManifest,
  LessonProblem,
  Localized,
  ManifestChapterTrack,
  ManifestMediaSource,
  ManifestTextTrack,
} from './types.ts';
import { SLUG_PATTERN } from './slug.ts';

/** Top-level properties, in schema order. `$schema` is allowed for editors. */
export const MANIFEST_PROPERTIES = [
  '$schema',
  'version',
  'id',
  'title',
  'series',
  'provider',
  'description',
  'language',
  'duration',
  'media',
  'poster',
  'thumbnails',
  'captions',
  'chapters',
  'descriptions',
  'notes',
] as const;
export const MANIFEST_REQUIRED = ['version', 'id', 'title', 'language', 'media', 'captions'] as const;
export const MEDIA_PROPERTIES = ['src', 'type'] as const;
export const CAPTION_PROPERTIES = ['lang', 'label', 'src', 'kind', 'default'] as const;
export const CAPTION_REQUIRED = ['lang', 'label', 'src', 'kind'] as const;
export const CHAPTER_PROPERTIES = ['lang', 'src'] as const;
export const PROVIDER_PROPERTIES = ['name', 'url'] as const;
/** An HLS master playlist: the adaptive stream, listed first, with progressive files after it to fall back on. */
export const HLS_MEDIA_TYPE = 'application/vnd.apple.mpegurl';
/** Media types the player can play: progressive files a `<video>`/`<audio>` takes, and HLS. */
export const MEDIA_TYPES = ['video/webm', 'video/mp4', 'video/ogg', 'audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/ogg', HLS_MEDIA_TYPE] as const;
/** A BCP 47 language tag, loosely: a primary subtag and optional subtags. */
export const LANG_PATTERN = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/;
/** URL schemes a manifest may point to. Anything else (`javascript:`, `data:`, `blob:`…) is refused. */
export const ALLOWED_SCHEMES = ['http:', 'https:', 'file:'] as const;

export interface ManifestValidation {
  /** Present when the manifest has no error (warnings allowed). */
  manifest?: LessonManifest;
  problems: LessonProblem[];
}

export interface DetailedManifestValidation extends ManifestValidation {
  /** Whatever could be salvaged, even with errors (invalid entries dropped), when the root is an object. */
  partial?: LessonManifest;
  /** For each problem, the JSON path it concerns ('' for the root). */
  paths: string[];
}

/** `base.key` or `base["odd key"]`. */
export function jsonPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const k = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (k.startsWith('"')) return `${base}[${k}]`;
  return base ? `${base}.${k}` : k;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const primary = (lang: string) => lang.toLowerCase().split('-')[0]!;
const short = (s: string) => (s.length > 80 ? JSON.stringify(s.slice(0, 80)) + '…' : JSON.stringify(s));

/** Validates a parsed manifest; `manifestUrl` (absolute) resolves every relative URL. Never throws. */
export function validateManifest(json: unknown, manifestUrl: string, file = manifestUrl): ManifestValidation {
  const { manifest, problems } = validateManifestDetailed(json, manifestUrl, file);
  return manifest ? { manifest, problems } : { problems };
}

/** Like `validateManifest`, plus the JSON path of each problem and a best-effort manifest even with errors. */
export function validateManifestDetailed(json: unknown, manifestUrl: string, file = manifestUrl): DetailedManifestValidation {
  const problems: LessonProblem[] = [];
  const paths: string[] = [];
  // `params.path` lets the player word the problem in the UI language without quoting the English message.
  const report = (severity: LessonProblem['severity'], rule: string, path: string, message: string, extra: LessonProblem['params'] = {}) => {
    problems.push({ severity, file, kind: 'manifest', rule, message: `${path || '(root)'}: ${message}`, params: { path: path || '(root)', ...extra } });
    paths.push(path);
  };
  const error = (path: string, message: string, rule = 'manifest-schema', extra?: LessonProblem['params']) => report('error', rule, path, message, extra);
  const warn = (path: string, message: string, rule = 'manifest-schema') => report('warning', rule, path, message);
  try {
    return run();
  } catch (e) {
    error('', `could not be validated (${e instanceof Error ? e.message : String(e)})`, 'manifest-internal');
    return { problems, paths };
  }

  function run(): DetailedManifestValidation {
    let base: URL | undefined;
    try {
      base = new URL(manifestUrl);
    } catch {
      error('', `the manifest URL ${short(String(manifestUrl))} is not an absolute URL, so relative URLs cannot be resolved`, 'manifest-url');
    }
    if (!isObject(json)) {
      error('', `must be an object, not ${typeName(json)}`);
      return { problems, paths };
    }
    for (const key of Object.keys(json)) {
      if (!(MANIFEST_PROPERTIES as readonly string[]).includes(key)) error(jsonPath('', key), 'unknown property', 'manifest-unknown-key');
    }
    for (const key of MANIFEST_REQUIRED) {
      if (!(key in json)) error(key, 'is required');
    }

    const str = (v: unknown, path: string, opts: { required?: boolean; pattern?: RegExp; what?: string } = {}): string | undefined => {
      if (v === undefined) {
        if (opts.required) error(path, 'is required');
        return undefined;
      }
      if (typeof v !== 'string') return error(path, `must be a string, not ${typeName(v)}`), undefined;
      if (v.trim() === '') return error(path, 'must not be empty'), undefined;
      if (opts.pattern && !opts.pattern.test(v)) return error(path, `${short(v)} is not ${opts.what ?? `matching ${opts.pattern}`}`), undefined;
      return v;
    };
    const url = (v: unknown, path: string, required = false): string | undefined => {
      const s = str(v, path, { required });
      if (s === undefined) return undefined;
      let u: URL;
      try {
        u = base ? new URL(s, base) : new URL(s);
      } catch {
        return error(path, `${short(s)} is not a valid URL`, 'manifest-url'), undefined;
      }
      if (!(ALLOWED_SCHEMES as readonly string[]).includes(u.protocol)) {
        return error(path, `the URL scheme "${u.protocol}" is not allowed (only http:, https: and file:)`, 'manifest-url', { scheme: u.protocol }), undefined;
      }
      return u.href;
    };
    const lang = (v: unknown, path: string) => str(v, path, { required: true, pattern: LANG_PATTERN, what: 'a BCP 47 language tag such as "fr" or "en-GB"' });
    const localized = (v: unknown, path: string, required: boolean): Localized | undefined => {
      if (v === undefined) {
        if (required) error(path, 'is required');
        return undefined;
      }
      if (!isObject(v)) return error(path, `must be an object keyed by language, not ${typeName(v)}`), undefined;
      const out: Localized = {};
      for (const [k, val] of Object.entries(v)) {
        const p = jsonPath(path, k);
        if (!LANG_PATTERN.test(k)) error(p, `${short(k)} is not a BCP 47 language tag`);
        const s = str(val, p);
        if (s !== undefined && LANG_PATTERN.test(k)) out[k] = s;
      }
      return out;
    };
    const array = (v: unknown, path: string, required: boolean): unknown[] | undefined => {
      if (v === undefined) {
        if (required) error(path, 'is required');
        return undefined;
      }
      if (!Array.isArray(v)) return error(path, `must be an array, not ${typeName(v)}`), undefined;
      return v;
    };
    const onlyKeys = (o: Record<string, unknown>, allowed: readonly string[], path: string) => {
      for (const k of Object.keys(o)) if (!allowed.includes(k)) error(jsonPath(path, k), 'unknown property', 'manifest-unknown-key');
    };

    // $schema
    if (json.$schema !== undefined && typeof json.$schema !== 'string') error('$schema', `must be a string, not ${typeName(json.$schema)}`);
    // version
    if ('version' in json && json.version !== 1) error('version', `must be 1, not ${JSON.stringify(json.version) ?? typeName(json.version)}`, 'manifest-version');
    const id = str(json.id, 'id', { pattern: SLUG_PATTERN, what: 'a slug (lowercase letters, digits and single dashes)' });
    const language = 'language' in json ? lang(json.language, 'language') : undefined;
    const title = localized(json.title, 'title', false);
    if (title && language && !Object.keys(title).some((k) => k.toLowerCase() === language.toLowerCase())) {
      error('title', `must have a title in the lesson's language "${language}"`);
    }
    const series = localized(json.series, 'series', false);
    const description = localized(json.description, 'description', false);
    for (const [name, value] of [['series', series], ['description', description]] as const) {
      if (value && language && !Object.keys(value).some((k) => k.toLowerCase() === language.toLowerCase())) {
        warn(name, `has no text in the lesson's language "${language}"`);
      }
    }
    let provider: LessonManifest['provider'];
    if (json.provider !== undefined) {
      if (!isObject(json.provider)) error('provider', `must be an object, not ${typeName(json.provider)}`);
      else {
        onlyKeys(json.provider, PROVIDER_PROPERTIES, 'provider');
        const name = str(json.provider.name, 'provider.name', { required: true });
        const purl = url(json.provider.url, 'provider.url');
        if (name !== undefined) provider = purl === undefined ? { name } : { name, url: purl };
      }
    }
    let duration: number | undefined;
    if (json.duration !== undefined) {
      if (typeof json.duration !== 'number' || !Number.isFinite(json.duration) || json.duration <= 0) {
        error('duration', 'must be a positive number of seconds');
      } else duration = json.duration;
    }

    // media
    const media: ManifestMediaSource[] = [];
    const mediaArr = array(json.media, 'media', false);
    if (mediaArr) {
      mediaArr.forEach((m, i) => {
        const p = jsonPath('media', i);
        if (!isObject(m)) return error(p, `must be an object with "src" and "type", not ${typeName(m)}`);
        onlyKeys(m, MEDIA_PROPERTIES, p);
        const src = url(m.src, `${p}.src`, true);
        const type = str(m.type, `${p}.type`, { required: true });
        if (type !== undefined && !(MEDIA_TYPES as readonly string[]).includes(type.split(';')[0]!.trim().toLowerCase())) {
          error(`${p}.type`, `${short(type)} is not a supported media type (${MEDIA_TYPES.join(', ')})`, 'manifest-media-type');
          return;
        }
        if (src !== undefined && type !== undefined) media.push({ src, type });
      });
      if (media.length === 0) error('media', 'must list at least one playable source with a supported type', 'manifest-media-type');
    }
    const poster = url(json.poster, 'poster');
    const thumbnails = url(json.thumbnails, 'thumbnails');

    // captions
    const captions: ManifestTextTrack[] = [];
    const capArr = array(json.captions, 'captions', false);
    const capLangs = new Map<string, string>();
    if (capArr) {
      let defaults = 0;
      capArr.forEach((t, i) => {
        const p = jsonPath('captions', i);
        if (!isObject(t)) return error(p, `must be an object, not ${typeName(t)}`);
        onlyKeys(t, CAPTION_PROPERTIES, p);
        const l = lang(t.lang, `${p}.lang`);
        const label = str(t.label, `${p}.label`, { required: true });
        const src = url(t.src, `${p}.src`, true);
        let kind: ManifestTextTrack['kind'] | undefined;
        if (t.kind === undefined) error(`${p}.kind`, 'is required ("captions" or "subtitles")');
        else if (t.kind !== 'captions' && t.kind !== 'subtitles') error(`${p}.kind`, `must be "captions" or "subtitles", not ${JSON.stringify(t.kind) ?? typeName(t.kind)}`);
        else kind = t.kind;
        if (t.default !== undefined && typeof t.default !== 'boolean') error(`${p}.default`, `must be a boolean, not ${typeName(t.default)}`);
        if (t.default === true) defaults++;
        if (l !== undefined) {
          const key = l.toLowerCase();
          if (capLangs.has(key)) error(`${p}.lang`, `"${l}" is already used by ${capLangs.get(key)}`, 'manifest-duplicate-lang');
          else capLangs.set(key, p);
          if (kind === 'subtitles' && language && key === language.toLowerCase()) {
            warn(`${p}.kind`, `the track in the spoken language "${l}" should be "captions" (for deaf and hard-of-hearing viewers, RGAA 4.3.2)`, 'manifest-captions-kind');
          }
        }
        if (l !== undefined && label !== undefined && src !== undefined && kind !== undefined) {
          const track: ManifestTextTrack = { lang: l, label, src, kind };
          if (t.default === true) track.default = true;
          captions.push(track);
        }
      });
      if (defaults > 1) error('captions', `only one track may be the default (${defaults} are)`);
      if (language && !capArr.some((t) => isObject(t) && typeof t.lang === 'string' && primary(t.lang) === primary(language))) {
        warn('captions', `has no track in the spoken language "${language}" (RGAA 4.3.2)`, 'manifest-captions-kind');
      }
    }

    // chapters and descriptions: one track per language, each a { lang, src }
    const languageTracks = (name: 'chapters' | 'descriptions'): { tracks: ManifestChapterTrack[]; langs: Map<string, string> } => {
      const tracks: ManifestChapterTrack[] = [];
      const langs = new Map<string, string>();
      array(json[name], name, false)?.forEach((t, i) => {
        const p = jsonPath(name, i);
        if (!isObject(t)) return error(p, `must be an object, not ${typeName(t)}`);
        onlyKeys(t, CHAPTER_PROPERTIES, p);
        const l = lang(t.lang, `${p}.lang`);
        const src = url(t.src, `${p}.src`, true);
        if (l !== undefined) {
          const key = l.toLowerCase();
          if (langs.has(key)) error(`${p}.lang`, `"${l}" is already used by ${langs.get(key)}`, 'manifest-duplicate-lang');
          else langs.set(key, p);
        }
        if (l !== undefined && src !== undefined) tracks.push({ lang: l, src });
      });
      return { tracks, langs };
    };
    const { tracks: chapters, langs: chapLangs } = languageTracks('chapters');
    const { tracks: descriptions } = languageTracks('descriptions');

    // notes: language → chapter id → URL
    const notes: LessonManifest['notes'] = {};
    if (json.notes !== undefined) {
      if (!isObject(json.notes)) error('notes', `must be an object keyed by language, not ${typeName(json.notes)}`);
      else {
        for (const [l, byChapter] of Object.entries(json.notes)) {
          const p = jsonPath('notes', l);
          if (!LANG_PATTERN.test(l)) {
            error(p, `${short(l)} is not a BCP 47 language tag`);
            continue;
          }
          if (!isObject(byChapter)) {
            error(p, `must be an object keyed by chapter id, not ${typeName(byChapter)}`);
            continue;
          }
          if (!chapLangs.has(l.toLowerCase())) warn(p, `there is no chapter track in "${l}" for these notes`, 'notes-lang');
          const out: Record<string, string> = {};
          for (const [chapterId, src] of Object.entries(byChapter)) {
            const cp = jsonPath(p, chapterId);
            if (!SLUG_PATTERN.test(chapterId)) {
              error(cp, `${short(chapterId)} is not a chapter id (a slug: lowercase letters, digits and single dashes)`);
              continue;
            }
            const u = url(src, cp, true);
            if (u !== undefined) out[chapterId] = u;
          }
          notes[l] = out;
        }
      }
    }

    const partial: LessonManifest = {
      version: 1,
      id: id ?? '',
      title: title ?? {},
      language: language ?? '',
      media,
      captions,
      chapters,
      notes,
    };
    if (series) partial.series = series;
    if (provider) partial.provider = provider;
    if (description) partial.description = description;
    if (duration !== undefined) partial.duration = duration;
    if (poster !== undefined) partial.poster = poster;
    if (thumbnails !== undefined) partial.thumbnails = thumbnails;
    if (descriptions.length) partial.descriptions = descriptions;
    const ok = !problems.some((p) => p.severity === 'error');
    return ok ? { manifest: partial, partial, problems, paths } : { partial, problems, paths };
  }
}

/** JSON text → value, with the JSON syntax error located by line and column. Never throws. */
export function parseManifestText(text: string, manifestUrl: string, file = manifestUrl): { value?: unknown; problems: LessonProblem[] } {
  const src = String(text).replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(src), problems: [] };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const problem: LessonProblem = { severity: 'error', file, kind: 'manifest', rule: 'manifest-json', message: `Invalid JSON: ${raw}` };
    const lc = /line (\d+) column (\d+)/i.exec(raw);
    const pos = /position (\d+)/i.exec(raw);
    if (lc) {
      problem.line = Number(lc[1]);
      problem.col = Number(lc[2]);
    } else if (pos) {
      Object.assign(problem, offsetToLineCol(src, Number(pos[1])));
    } else if (/end of (JSON )?input|unexpected end/i.test(raw)) {
      Object.assign(problem, offsetToLineCol(src, src.length));
    }
    return { problems: [problem] };
  }
}

/** 1-based line and column (in code points) of a UTF-16 offset; CRLF and CR count as one line break. */
export function offsetToLineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i > 0 && text.charCodeAt(i - 1) === 13) continue;
      line++;
      col = 1;
    } else if (c === 13) {
      line++;
      col = 1;
    } else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      col++;
    }
  }
  return { line, col };
}

/**
 * Where each value of a (valid) JSON text starts, keyed by its path as written in messages (`captions[1].src`).
 * Iterative, so deeply nested input cannot overflow the stack. Returns what it found so far on malformed input.
 */
export function jsonValuePositions(text: string): Map<string, { line: number; col: number }> {
  const offsets = new Map<string, number>();
  const s = String(text);
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r' || s[i] === '\uFEFF')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(s.slice(start, i)) as string;
    } catch {
      return s.slice(start + 1, i - 1);
    }
  };
  type Frame = { kind: 'object' | 'array'; path: string; index: number };
  const stack: Frame[] = [];
  let path = '';
  ws();
  while (i < s.length) {
    // At the start of a value whose path is `path`.
    ws();
    if (!offsets.has(path)) offsets.set(path, i);
    const c = s[i];
    if (c === '{' || c === '[') {
      if (stack.length >= 256) break; // no manifest is that deep: stop rather than build huge paths
      stack.push({ kind: c === '{' ? 'object' : 'array', path, index: 0 });
      i++;
    } else if (c === '"') readString();
    else {
      while (i < s.length && !/[,\]}\s]/.test(s[i]!)) i++;
    }
    // After a value (or an opening bracket): find the next value's path, closing containers as needed.
    let next: string | undefined;
    while (next === undefined) {
      ws();
      const top = stack[stack.length - 1];
      if (!top || i >= s.length) break;
      const ch = s[i];
      if (ch === '}' || ch === ']') {
        stack.pop();
        i++;
        continue;
      }
      if (ch === ',') {
        i++;
        ws();
      }
      if (top.kind === 'array') {
        next = jsonPath(top.path, top.index++);
      } else {
        if (s[i] !== '"') {
          i = s.length;
          break;
        }
        const key = readString();
        ws();
        if (s[i] === ':') i++;
        next = jsonPath(top.path, key);
      }
    }
    if (next === undefined) break;
    path = next;
  }
  const out = new Map<string, { line: number; col: number }>();
  // Convert offsets in one pass.
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  let line = 1;
  let col = 1;
  let at = 0;
  for (const [p, off] of sorted) {
    for (; at < off; at++) {
      const ch = s.charCodeAt(at);
      if (ch === 10) {
        if (at > 0 && s.charCodeAt(at - 1) === 13) continue;
        line++;
        col = 1;
      } else if (ch === 13) {
        line++;
        col = 1;
      } else if (!(ch >= 0xdc00 && ch <= 0xdfff)) col++;
    }
    out.set(p, { line, col });
  }
  return out;
}
