/**
 * `lesson-player lint`: lints WebVTT tracks, lesson manifests (and everything they reference) and directories.
 * The checks themselves live in the DOM-free core (src/core); this module reads files and cross-checks them.
 * Never throws on content: unreadable, missing, binary or huge files become findings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeText } from '../core/decode.ts';
import { jsonValuePositions, parseManifestText, validateManifestDetailed } from '../core/manifest.ts';
import { pairChapters } from '../core/chapter-pairing.ts';
import { checkDescriptions, type DescriptionRules } from '../core/description-norms.ts';
import { checkCaptions, checkChapters, type CaptionRules } from '../core/norms.ts';
import type { Chapter, Cue, LessonFileKind, LessonManifest, LessonProblem } from '../core/types.ts';
import { parseCaptions, parseChapters, parseVttRaw } from '../core/vtt.ts';
import { guessVttKind, resolveVttKind, type TrackKind, type VttKind } from './lint-kind.ts';
import { probeMp4Duration } from './media-probe.ts';

export type RuleSetting = 'error' | 'warning' | 'off';

export interface LintOptions {
  /** Directory that relative paths and displayed paths are relative to. */
  cwd: string;
  /** Forces the kind of every .vtt file given on the command line. */
  kind?: TrackKind;
  captionRules: Partial<CaptionRules>;
  descriptionRules?: Partial<DescriptionRules>;
  /** Per-rule severity overrides ('off' drops the rule). */
  ruleSettings: Record<string, RuleSetting>;
}

export interface LintResult {
  findings: LessonProblem[];
  /** Number of files read (given or referenced). */
  files: number;
  /** What the linter assumed, for the reader (e.g. the kind it guessed for a track): printed apart from findings. */
  notes: string[];
}

/** Files larger than this are not read. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
const MAX_WALK_FILES = 5000;
const MAX_WALK_DEPTH = 12;

class Linter {
  readonly findings: LessonProblem[] = [];
  readonly notes: string[] = [];
  private readonly seen = new Set<string>();
  files = 0;
  constructor(private readonly opts: LintOptions) {}

  display(abs: string): string {
    const rel = relative(this.opts.cwd, abs);
    return rel && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) ? rel : abs;
  }

  add(p: LessonProblem): void {
    this.findings.push(p);
  }
  addAll(ps: readonly LessonProblem[]): void {
    for (const p of ps) this.findings.push(p);
  }
  problem(
    severity: LessonProblem['severity'],
    file: string,
    kind: LessonFileKind,
    rule: string,
    message: string,
    line?: number,
    col?: number,
  ): LessonProblem {
    const p: LessonProblem = { severity, file, kind, rule, message };
    if (line !== undefined) p.line = line;
    if (col !== undefined) p.col = col;
    return p;
  }

  /** Reads a file as bytes; reports a missing file, a directory, a huge file. `at` locates the reference, if any. */
  read(abs: string, kind: LessonFileKind, at?: Reference): Uint8Array | undefined {
    const shown = this.display(abs);
    const fail = (rule: string, message: string) => {
      if (at) this.add(this.problem('error', at.file, 'manifest', rule, `${at.path}: ${message}`, at.line, at.col));
      else this.add(this.problem('error', shown, kind, rule, message));
      return undefined;
    };
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return fail('file-missing', at ? `${shown} does not exist.` : 'No such file.');
      return fail('file-unreadable', `${at ? shown + ' ' : ''}cannot be read (${code ?? String(e)}).`);
    }
    if (st.isDirectory()) return fail('file-type', `${at ? shown + ' ' : ''}is a directory, not a file.`);
    if (!st.isFile()) return fail('file-type', `${at ? shown + ' ' : ''}is not a regular file.`);
    if (st.size > MAX_TEXT_FILE_BYTES) return fail('file-too-large', `${at ? shown + ' ' : ''}is too large to lint (${st.size} bytes, at most ${MAX_TEXT_FILE_BYTES}).`);
    try {
      this.files++;
      return new Uint8Array(readFileSync(abs));
    } catch (e) {
      return fail('file-unreadable', `${at ? shown + ' ' : ''}cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
    }
  }

  /** Lints a WebVTT file; returns its parsed items (cues or chapters) when it could be parsed. */
  lintVtt(abs: string, kind: VttKind, at?: Reference, speech?: readonly Cue[]): { cues?: Cue[]; chapters?: Chapter[] } {
    const key = `${kind}:${abs}`;
    if (this.seen.has(key)) return this.cache.get(key) ?? {};
    this.seen.add(key);
    const result: { cues?: Cue[]; chapters?: Chapter[] } = {};
    this.cache.set(key, result);
    const fileKind: LessonFileKind = kind === 'subtitles' || kind === 'descriptions' ? 'captions' : kind;
    const bytes = this.read(abs, fileKind, at);
    if (!bytes) return result;
    const shown = this.display(abs);
    const decoded = decodeText(bytes, shown, fileKind);
    this.addAll(decoded.problems);
    if (decoded.text === undefined) return result;
    if (kind === 'captions' || kind === 'subtitles' || kind === 'descriptions') {
      // Reading norms are for captions and subtitles; descriptions are spoken, and have their own.
      const parsed = parseCaptions(decoded.text, shown);
      this.addAll(parsed.problems);
      if (kind === 'descriptions') this.addAll(checkDescriptions(parsed.items, shown, this.opts.descriptionRules, speech));
      else this.addAll(checkCaptions(parsed.items, shown, this.opts.captionRules));
      result.cues = parsed.items;
    } else if (kind === 'chapters') {
      const parsed = parseChapters(decoded.text, shown);
      this.addAll(parsed.problems);
      result.chapters = parsed.items;
      // Coverage against media and captions is checked by the manifest, which knows them.
      if (!at) this.addAll(checkChapters(parsed.items, shown));
    } else {
      const parsed = parseVttRaw(decoded.text, shown, 'thumbnails', 'metadata');
      this.addAll(parsed.problems);
      if (parsed.cues.length === 0) this.add(this.problem('error', shown, 'thumbnails', 'track-empty', 'The thumbnails track has no cues.', 1, 1));
    }
    return result;
  }
  private readonly cache = new Map<string, { cues?: Cue[]; chapters?: Chapter[] }>();

  lintNote(abs: string, at: Reference): void {
    const key = `notes:${abs}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const bytes = this.read(abs, 'notes', at);
    if (!bytes) return;
    this.addAll(decodeText(bytes, this.display(abs), 'notes').problems);
  }

  lintPath(input: string): void {
    const abs = resolve(this.opts.cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch {
      this.add(this.problem('error', input, kindOfPath(abs), 'file-missing', 'No such file or directory.'));
      return;
    }
    if (st.isDirectory()) return this.lintDirectory(abs);
    this.lintFile(abs, false);
  }

  lintFile(abs: string, fromWalk: boolean): void {
    const ext = extname(abs).toLowerCase();
    if (ext === '.json') return this.lintManifest(abs, fromWalk);
    if (ext === '.vtt') {
      if (fromWalk && !this.opts.kind) return void this.lintVtt(abs, guessVttKind(abs));
      const resolved = resolveVttKind(abs, this.opts.kind);
      if (resolved.source === 'manifest') this.notes.push(`${this.display(abs)}: linted as ${resolved.kind}, as ${this.display(resolved.manifest!)} names it.`);
      if (resolved.source === 'guess') this.notes.push(`${this.display(abs)}: linted as ${resolved.kind}, guessed from its name and folder (--kind says otherwise).`);
      this.lintVtt(abs, resolved.kind);
      return;
    }
    if (ext === '.md') {
      const key = `notes:${abs}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const bytes = this.read(abs, 'notes');
      if (bytes) this.addAll(decodeText(bytes, this.display(abs), 'notes').problems);
      return;
    }
    this.add(
      this.problem('error', this.display(abs), 'captions', 'file-type', 'Unsupported file type: expected a .vtt track, a .json lesson manifest or a .md note.'),
    );
  }

  /** Walks a directory for .vtt tracks and lesson manifests (skipping node_modules and dot directories). */
  lintDirectory(root: string): void {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > MAX_WALK_DEPTH || found.length >= MAX_WALK_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        this.add(this.problem('error', this.display(dir), 'captions', 'file-unreadable', `The directory cannot be read (${(e as NodeJS.ErrnoException).code ?? e}).`));
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && /\.(vtt|json)$/i.test(e.name) && found.length < MAX_WALK_FILES) found.push(p);
      }
    };
    walk(root, 0);
    const before = this.files;
    for (const f of found) this.lintFile(f, true);
    if (found.length === 0 || this.files === before) {
      this.add(this.problem('warning', this.display(root), 'captions', 'dir-empty', 'The directory holds no .vtt track and no lesson manifest.'));
    }
  }

  lintManifest(abs: string, fromWalk: boolean): void {
    const key = `manifest:${abs}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const shown = this.display(abs);
    let bytes: Uint8Array | undefined;
    if (fromWalk) {
      // In a directory walk, only JSON files that are lesson manifests are linted.
      try {
        bytes = new Uint8Array(readFileSync(abs));
      } catch {
        return;
      }
      const text = new TextDecoder().decode(bytes);
      if (!/"\$schema"\s*:\s*"[^"]*lesson\.schema\.json"|"media"\s*:/.test(text)) return;
      this.files++;
    } else {
      bytes = this.read(abs, 'manifest');
    }
    if (!bytes) return;
    const decoded = decodeText(bytes, shown, 'manifest');
    this.addAll(decoded.problems);
    if (decoded.text === undefined) return;
    const url = pathToFileURL(abs).href;
    const parsed = parseManifestText(decoded.text, url, shown);
    this.addAll(parsed.problems);
    if (parsed.value === undefined) return;
    const positions = jsonValuePositions(decoded.text);
    const at = (path: string): Reference => ({ file: shown, path, ...(positions.get(path) ?? nearest(positions, path)) });
    const validation = validateManifestDetailed(parsed.value, url, shown);
    validation.problems.forEach((p, i) => {
      const pos = at(validation.paths[i] ?? '');
      this.add({ ...p, ...(pos.line !== undefined ? { line: pos.line, col: pos.col } : {}) });
    });
    const m = validation.partial;
    if (!m) return;
    this.lintReferences(m, parsed.value as Record<string, unknown>, at, url);
  }

  private lintReferences(m: LessonManifest, raw: Record<string, unknown>, at: (path: string) => Reference, manifestUrl: string): void {
    // Referenced files are reached through the raw JSON so that findings point at the right array index.
    const localFile = (v: unknown, base: string): string | undefined => {
      if (typeof v !== 'string') return undefined;
      try {
        const u = new URL(v, base);
        return u.protocol === 'file:' ? fileURLToPath(u) : undefined; // http(s) is not fetched: no network in the linter
      } catch {
        return undefined;
      }
    };
    const list = (v: unknown): Record<string, unknown>[] =>
      Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {})) : [];

    // Media, poster
    let mediaDuration: number | undefined = m.duration;
    list(raw.media).forEach((entry, i) => {
      const file = localFile(entry.src, manifestUrl);
      if (!file) return;
      const key = `media:${file}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const ref = at(`media[${i}].src`);
      const size = this.statSize(file, ref);
      if (size === 0) this.add(this.problem('error', ref.file, 'manifest', 'file-empty', `${ref.path}: ${this.display(file)} is empty.`, ref.line, ref.col));
      if (size && mediaDuration === undefined && /\.(mp4|m4v|m4a|mov)$/i.test(file)) mediaDuration = probeMp4Duration(file);
    });
    for (const name of ['poster'] as const) {
      const file = localFile(raw[name], manifestUrl);
      if (!file) continue;
      const ref = at(name);
      const size = this.statSize(file, ref);
      if (size === 0) this.add(this.problem('error', ref.file, 'manifest', 'file-empty', `${name}: ${this.display(file)} is empty.`, ref.line, ref.col));
    }
    const thumbs = localFile(raw.thumbnails, manifestUrl);
    if (thumbs) this.lintVtt(thumbs, 'thumbnails', at('thumbnails'));

    // Captions
    const captionsByLang = new Map<string, Cue[]>();
    list(raw.captions).forEach((entry, i) => {
      const file = localFile(entry.src, manifestUrl);
      if (!file) return;
      const { cues } = this.lintVtt(file, 'captions', at(`captions[${i}].src`));
      if (cues && typeof entry.lang === 'string') captionsByLang.set(entry.lang.toLowerCase(), cues);
    });
    const captionsEnd = (lang: string): number | undefined => {
      const cues = captionsByLang.get(lang.toLowerCase()) ?? captionsByLang.get(m.language.toLowerCase());
      return cues && cues.length ? cues.reduce((e, c) => Math.max(e, c.end), 0) : undefined;
    };

    // Chapters
    const chaptersByLang = new Map<string, { chapters: Chapter[]; file: string }>();
    list(raw.chapters).forEach((entry, i) => {
      const file = localFile(entry.src, manifestUrl);
      if (!file || typeof entry.lang !== 'string') return;
      const { chapters } = this.lintVtt(file, 'chapters', at(`chapters[${i}].src`));
      if (!chapters) return;
      const shown = this.display(file);
      this.addAll(checkChapters(chapters, shown, mediaDuration, captionsEnd(entry.lang)));
      chaptersByLang.set(entry.lang, { chapters, file: shown });
    });

    // Descriptions: each must fit before the next speech in its language, or it is reported as extended
    list(raw.descriptions).forEach((entry, i) => {
      const file = localFile(entry.src, manifestUrl);
      if (!file || typeof entry.lang !== 'string') return;
      this.lintVtt(file, 'descriptions', at(`descriptions[${i}].src`), captionsByLang.get(entry.lang.toLowerCase()));
    });

    // One set of chapter ids in every language: notes and #chapter= links use them. The lesson's language is the reference.
    const tracks = [...chaptersByLang.entries()].sort(([a], [b]) => Number(b === m.language) - Number(a === m.language));
    const [refLang, ref] = tracks[0] ?? [];
    for (const [lang, track] of tracks.slice(1)) {
      if (!ref || !refLang) break;
      const paired = pairChapters(ref.chapters, track.chapters, track.file, `the "${refLang}" track (${ref.file})`);
      this.addAll(paired.problems);
      chaptersByLang.set(lang, { ...track, chapters: paired.items });
    }

    // Track languages agree
    const capLangs = new Set(m.captions.map((c) => c.lang.toLowerCase()));
    const chapLangs = new Set(m.chapters.map((c) => c.lang.toLowerCase()));
    m.chapters.forEach((c, i) => {
      if (!capLangs.has(c.lang.toLowerCase())) {
        const r = at(`chapters[${i}].lang`);
        this.add(this.problem('warning', r.file, 'manifest', 'track-lang', `${r.path}: there is no caption track in "${c.lang}".`, r.line, r.col));
      }
    });
    if (chapLangs.size) {
      m.captions.forEach((c, i) => {
        if (!chapLangs.has(c.lang.toLowerCase())) {
          const r = at(`captions[${i}].lang`);
          this.add(this.problem('warning', r.file, 'manifest', 'track-lang', `${r.path}: there is no chapter track in "${c.lang}".`, r.line, r.col));
        }
      });
    }

    // Notes are optional; a language that has them has one per chapter.
    const rawNotes = typeof raw.notes === 'object' && raw.notes !== null && !Array.isArray(raw.notes) ? (raw.notes as Record<string, unknown>) : {};
    for (const [lang, { chapters }] of chaptersByLang) {
      const byId = m.notes[lang];
      if (!byId) continue;
      const r = at(`notes.${lang}`);
      for (const c of chapters) {
        if (!byId[c.id]) {
          this.add(this.problem('warning', r.file, 'manifest', 'notes-missing', `${r.path}: no note for the chapter "${c.id}" in "${lang}".`, r.line, r.col));
        }
      }
    }
    for (const [lang, byId] of Object.entries(m.notes)) {
      const chapters = chaptersByLang.get(lang)?.chapters;
      const rawLang = rawNotes[lang] as Record<string, unknown> | undefined;
      for (const [id] of Object.entries(byId)) {
        const path = `notes.${lang}.${id}`;
        const ref = at(path);
        if (chapters && !chapters.some((c) => c.id === id)) {
          this.add(this.problem('warning', ref.file, 'manifest', 'notes-orphan', `${path}: there is no chapter "${id}" in the "${lang}" chapters.`, ref.line, ref.col));
        }
        const file = localFile(rawLang?.[id], manifestUrl);
        if (file) this.lintNote(file, ref);
      }
    }
  }

  private statSize(file: string, ref: Reference): number | undefined {
    try {
      const st = statSync(file);
      if (!st.isFile()) {
        this.add(this.problem('error', ref.file, 'manifest', 'file-type', `${ref.path}: ${this.display(file)} is not a file.`, ref.line, ref.col));
        return undefined;
      }
      this.files++;
      return st.size;
    } catch {
      this.add(this.problem('error', ref.file, 'manifest', 'file-missing', `${ref.path}: ${this.display(file)} does not exist.`, ref.line, ref.col));
      return undefined;
    }
  }
}

/** Where a manifest refers to a file: the manifest's path and the JSON value's position. */
interface Reference {
  file: string;
  path: string;
  line?: number;
  col?: number;
}

/** The position of the closest ancestor path that has one. */
function nearest(positions: Map<string, { line: number; col: number }>, path: string): { line?: number; col?: number } {
  let p = path;
  while (p) {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
    const pos = positions.get(p);
    if (pos && p) return pos;
  }
  return {};
}

function kindOfPath(abs: string): LessonFileKind {
  const ext = extname(abs).toLowerCase();
  if (ext === '.json') return 'manifest';
  if (ext === '.md') return 'notes';
  const kind = guessVttKind(abs);
  return kind === 'thumbnails' || kind === 'chapters' ? kind : 'captions';
}

/** Applies per-rule severity settings. */
export function applyRuleSettings(findings: readonly LessonProblem[], settings: Record<string, RuleSetting>): LessonProblem[] {
  const out: LessonProblem[] = [];
  for (const f of findings) {
    const s = settings[f.rule];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** Lints the given paths (files or directories). */
export function lintPaths(paths: readonly string[], opts: LintOptions): LintResult {
  const linter = new Linter(opts);
  for (const p of paths) {
    try {
      linter.lintPath(p);
    } catch (e) {
      linter.add({
        severity: 'error',
        file: p,
        kind: 'captions',
        rule: 'lint-internal',
        message: `The linter stopped on this path: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  // A problem with a file as a whole is at 1:1, so that every finding on a file has a position editors can jump to.
  const located = linter.findings.map((f) =>
    f.rule.startsWith('dir-') ? f : f.line === undefined ? { ...f, line: 1, col: 1 } : f.col === undefined ? { ...f, col: 1 } : f,
  );
  return { findings: applyRuleSettings(located, opts.ruleSettings), files: linter.files, notes: linter.notes };
}
