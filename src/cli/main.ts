/**
 * The `lesson-player` command line. `lesson-player lint <paths…>`; see `usage()`.
 * Exit status: 0 without errors, 1 with errors, 2 on a usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CAPTION_RULES, type CaptionRules } from '../core/norms.ts';
import type { LessonProblem } from '../core/types.ts';
import { DEFAULT_DESCRIPTION_RULES } from '../core/description-norms.ts';
import { runConvert } from './convert-command.ts';
import { lintPaths, type LintOptions, type RuleSetting } from './lint.ts';
import { TRACK_KINDS, type TrackKind } from './lint-kind.ts';
import { runNew } from './new-command.ts';
import { runOembed } from './oembed.ts';
import { runPackage } from './package-command.ts';
import { SEGMENT_SECONDS } from './hls-ladder.ts';

export const CONFIG_FILE = 'lessonlint.json';

export function usage(): string {
  const d = DEFAULT_CAPTION_RULES;
  return `Usage: lesson-player new <dir> --video <file> [--captions fr=a.vtt,en=b.srt] [--chapters fr=c.vtt]
                         [--title <title>] [--lang <lang>]
       lesson-player preview <manifest> [--port N]
       lesson-player convert <in.srt|in.sbv> [-o <out.vtt>]
       lesson-player lint [options] <path>...
       lesson-player oembed <manifest> --base-url <url> [--maxwidth N] [--maxheight N] [--lang L]
       lesson-player package <manifest> --scorm 1.2|2004 | --format cmi5 [--activity-id <IRI>]
                             [-o <lesson.zip>] [--complete-at N]
       lesson-player encode <video> -o <dir> [--ladder 360,540,720] [--lang L] [--hls-only]

new makes a lesson folder: <dir>/lesson.json (its duration from ffprobe when installed), the
video and the tracks copied beside it, .srt and .sbv tracks converted to WebVTT. The first
--captions language is the lesson's language unless --lang says otherwise. It refuses a
missing video, an unknown language code or an unreadable track, and then creates nothing.

preview serves a lesson on http://127.0.0.1 (a free port unless --port) with the player,
and prints the URL; Ctrl+C stops it.

convert turns an SRT or YouTube SBV file into WebVTT (UTF-8 with or without BOM, or
Windows-1252; CRLF; <i>, <b>, <u> kept, <font> dropped), on standard output or into -o.
It refuses a file that is not a subtitle file, naming the line that broke (exit status 2).

lint checks lesson content. Each path may be:
  a .vtt track     its kind from --kind, else from the lesson manifest that names it, else
                   guessed from its name and folders ("chapters" or "descriptions" as a folder
                   or a word of the name: x.chapters.fr.vtt) and said; *.thumbnails.vtt is only parsed.
                   Reading norms apply to captions and subtitles; descriptions must fit
                   their time at a speaking rate; chapters have their own rules
  a .json manifest the manifest and everything it references: media and poster exist,
                   caption and chapter tracks, chapters cover the captions, chapter tracks
                   pair across languages, notes (optional) cover the chapters of their
                   language, caption and chapter languages agree
  a .md note       must be non-empty UTF-8
  a directory      walked for .vtt tracks and lesson manifests (.json files with a
                   "$schema" naming lesson.schema.json or a "media" key); node_modules
                   and dot directories are skipped
http(s) URLs in a manifest are not fetched.

Options:
  --json                    print {"findings": [...], "errors": n, "warnings": n}
  --kind K                  kind of the .vtt files given on the command line:
                            captions, subtitles, chapters or descriptions
  --description-cps N       speaking rate of descriptions, characters per second
                            (default ${DEFAULT_DESCRIPTION_RULES.descriptionCps})
  --max-lines N             lines per cue (default ${d.maxLines})
  --max-chars-per-line N    characters per line, in code points (default ${d.maxCharsPerLine})
  --max-cps N               characters per second (default ${d.maxCps})
  --min-duration S          seconds a cue is shown, at least (default ${Math.round(d.minDuration * 1000) / 1000})
  --max-duration S          seconds a cue is shown, at most (default ${d.maxDuration})
  --min-gap S               seconds between cues (default ${d.minGap}: only overlaps)
  --max-per-rule N          findings shown per rule and file (default 50, 0 = all)
  --config FILE             read settings from FILE (default: ./${CONFIG_FILE} if present)
  --no-config               ignore ./${CONFIG_FILE}
  -h, --help                show this help

${CONFIG_FILE}:
  { "captions": { "maxCps": 15, "maxCharsPerLine": 37 },
    "rules": { "cue-cps": "error", "cue-leading-dash-list": "off" } }
Flags override the file.

package makes a SCORM package for a learning platform (Moodle: activity "SCORM package"):
imsmanifest.xml, a launch page, the player library and every file of the lesson, all
relative. The lesson reports progress, its place to resume at and "completed" once N % of it
(default 90) was actually watched. --format cmi5 makes a cmi5 package instead (cmi5.xml, one
AU): the lesson reports xAPI Video Profile statements to the platform's LRS; --activity-id
names the course (default urn:lesson-player:lesson:<id>). It refuses a lesson with lint errors, a missing or remote
file or an unknown version, and then writes nothing (exit status 2).

encode makes the adaptive stream (HLS) of a video with ffmpeg: <dir>/hls/master.m3u8 and
one folder per rung (H.264 in fMP4 segments of ${SEGMENT_SECONDS} s, key frames aligned, the speech as
one AAC rendition they share, named after --lang), the progressive fallbacks <dir>/<name>.mp4 and .webm and
<dir>/<name>.poster.jpg (not with --hls-only: a lesson that has them). Rungs above the video's height are
left out. It shows progress, then sizes and bitrates and the manifest's "media" entries.
It refuses a file that is not a video, or runs without ffmpeg/ffprobe (exit status 2).

oembed prints the oEmbed "video" response (JSON) for a lesson served under --base-url: the
manifest's URL is its path from the working directory under that URL, embed.html is at it.

Output: one finding a line, "path:line:col: error|warning: message [rule]" (1:1 for a
problem with the whole file), then a summary on stderr. Errors are what makes a browser
lose a cue or a file; warnings, what browsers read anyway.
Exit status: 0 when no error, 1 when any error, 2 on a usage error or refused input.
`;
}

class UsageError extends Error {}

interface Parsed {
  help: boolean;
  command?: string;
  paths: string[];
  json: boolean;
  kind?: TrackKind;
  rules: Partial<CaptionRules>;
  descriptionCps?: number;
  maxPerRule: number;
  config?: string;
  noConfig: boolean;
}

const NUMBER_FLAGS: Record<string, { key: keyof CaptionRules; integer: boolean; min: number }> = {
  '--max-lines': { key: 'maxLines', integer: true, min: 1 },
  '--max-chars-per-line': { key: 'maxCharsPerLine', integer: true, min: 1 },
  '--max-cps': { key: 'maxCps', integer: false, min: Number.MIN_VALUE },
  '--min-duration': { key: 'minDuration', integer: false, min: 0 },
  '--max-duration': { key: 'maxDuration', integer: false, min: Number.MIN_VALUE },
  '--min-gap': { key: 'minGap', integer: false, min: 0 },
};

function toNumber(flag: string, value: string | undefined, integer: boolean, min: number): number {
  if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag}: "${value}" is not a valid ${integer ? 'whole number' : 'number'}${min > 0 ? ' above 0' : ''}`);
  }
  return n;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Parsed = { help: false, paths: [], json: false, rules: {}, maxPerRule: 50, noConfig: false };
  let i = 0;
  let endOfOptions = false;
  while (i < argv.length) {
    const arg = argv[i++]!;
    if (endOfOptions || !arg.startsWith('-') || arg === '-') {
      if (out.command === undefined) out.command = arg;
      else out.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      endOfOptions = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      if (i >= argv.length) throw new UsageError(`${flag} needs a value`);
      return argv[i++]!;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    if (flag === '-h' || flag === '--help') {
      noValue();
      out.help = true;
    } else if (flag === '--json') {
      noValue();
      out.json = true;
    } else if (flag === '--no-config') {
      noValue();
      out.noConfig = true;
    } else if (flag === '--kind') {
      const v = value();
      if (!(TRACK_KINDS as readonly string[]).includes(v)) throw new UsageError(`--kind must be one of ${TRACK_KINDS.join(', ')}, not "${v}"`);
      out.kind = v as TrackKind;
    } else if (flag === '--description-cps') {
      out.descriptionCps = toNumber(flag, value(), false, Number.MIN_VALUE);
    } else if (flag === '--config') {
      out.config = value();
    } else if (flag === '--max-per-rule') {
      out.maxPerRule = toNumber(flag, value(), true, 0);
    } else if (NUMBER_FLAGS[flag]) {
      const spec = NUMBER_FLAGS[flag]!;
      out.rules[spec.key] = toNumber(flag, value(), spec.integer, spec.min);
    } else {
      throw new UsageError(`unknown option ${flag}`);
    }
  }
  return out;
}

interface Config {
  rules: Partial<CaptionRules>;
  ruleSettings: Record<string, RuleSetting>;
}

const CONFIG_RULE_KEYS: Record<keyof CaptionRules, { integer: boolean; min: number }> = {
  maxLines: { integer: true, min: 1 },
  maxCharsPerLine: { integer: true, min: 1 },
  maxCps: { integer: false, min: Number.MIN_VALUE },
  minDuration: { integer: false, min: 0 },
  maxDuration: { integer: false, min: Number.MIN_VALUE },
  minGap: { integer: false, min: 0 },
};

export function readConfig(file: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: cannot read the configuration (${e instanceof Error ? e.message : String(e)})`);
  }
  const config: Config = { rules: {}, ruleSettings: {} };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`${file}: must hold a JSON object`);
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k !== 'captions' && k !== 'rules' && k !== '$schema') throw new UsageError(`${file}: unknown key "${k}" (expected "captions" and "rules")`);
  }
  if (o.captions !== undefined) {
    if (typeof o.captions !== 'object' || o.captions === null || Array.isArray(o.captions)) throw new UsageError(`${file}: "captions" must be an object`);
    for (const [k, v] of Object.entries(o.captions as Record<string, unknown>)) {
      const spec = CONFIG_RULE_KEYS[k as keyof CaptionRules];
      if (!spec) throw new UsageError(`${file}: unknown captions setting "${k}" (expected ${Object.keys(CONFIG_RULE_KEYS).join(', ')})`);
      if (typeof v !== 'number') throw new UsageError(`${file}: captions.${k} must be a number`);
      config.rules[k as keyof CaptionRules] = toNumber(`captions.${k}`, String(v), spec.integer, spec.min);
    }
  }
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) throw new UsageError(`${file}: "rules" must be an object`);
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (v !== 'error' && v !== 'warning' && v !== 'off') throw new UsageError(`${file}: rules.${k} must be "error", "warning" or "off"`);
      config.ruleSettings[k] = v;
    }
  }
  return config;
}

/** `path:line:col: severity: message [rule]`, or `path: severity: …` when the position is unknown. */
export function formatFinding(f: LessonProblem): string {
  const where = f.line !== undefined ? (f.col !== undefined ? `${f.file}:${f.line}:${f.col}` : `${f.file}:${f.line}`) : f.file;
  return `${where}: ${f.severity}: ${f.message.replace(/[\r\n]+/g, ' ')} [${f.rule}]`;
}

/** Keeps at most `max` findings per file and rule; the rest are counted in one line per group. */
export function capFindings(findings: readonly LessonProblem[], max: number): { shown: LessonProblem[]; notes: LessonProblem[] } {
  if (max <= 0) return { shown: [...findings], notes: [] };
  const counts = new Map<string, number>();
  const hidden = new Map<string, { first: LessonProblem; n: number }>();
  const shown: LessonProblem[] = [];
  for (const f of findings) {
    const key = `${f.file}\u0000${f.rule}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= max) shown.push(f);
    else {
      const h = hidden.get(key);
      if (h) h.n++;
      else hidden.set(key, { first: f, n: 1 });
    }
  }
  const notes = [...hidden.values()].map(({ first, n }) => ({
    severity: first.severity,
    file: first.file,
    kind: first.kind,
    rule: first.rule,
    message: `${n} more findings of this rule not shown (--max-per-rule 0 shows all).`,
  }));
  return { shown, notes };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without touching the process: arguments in, exit code and output out. */
export function run(argv: readonly string[], cwd: string): RunResult {
  if (argv[0] === 'oembed') return runOembed(argv.slice(1), cwd);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), cwd, usage);
  if (argv[0] === 'new') return runNew(argv.slice(1), cwd, usage);
  if (argv[0] === 'package') return runPackage(argv.slice(1), cwd, usage);
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
    if (parsed.help) return { code: 0, stdout: usage(), stderr: '' };
    if (parsed.command === undefined) throw new UsageError('missing command (try "lesson-player lint <path>...")');
    if (parsed.command !== 'lint') throw new UsageError(`unknown command "${parsed.command}" (the commands are lint, convert, new, preview, encode, oembed and package)`);
    if (parsed.paths.length === 0) throw new UsageError('lint needs at least one path');
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `lesson-player: ${e.message}\n\n${usage()}` };
    throw e;
  }
  let config: Config = { rules: {}, ruleSettings: {} };
  try {
    if (parsed.config !== undefined) config = readConfig(resolve(cwd, parsed.config));
    else if (!parsed.noConfig && existsSync(resolve(cwd, CONFIG_FILE))) config = readConfig(resolve(cwd, CONFIG_FILE));
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `lesson-player: ${e.message}\n` };
    throw e;
  }
  const options: LintOptions = {
    cwd,
    captionRules: { ...config.rules, ...parsed.rules },
    ruleSettings: config.ruleSettings,
  };
  if (parsed.kind) options.kind = parsed.kind;
  if (parsed.descriptionCps !== undefined) options.descriptionRules = { descriptionCps: parsed.descriptionCps };
  const { findings, files, notes: assumed } = lintPaths(parsed.paths, options);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const { shown, notes } = capFindings(findings, parsed.maxPerRule);
  const stdout = parsed.json
    ? JSON.stringify({ findings: [...shown, ...notes], errors, warnings, files, ...(notes.length ? { truncated: findings.length - shown.length } : {}) }, null, 2) + '\n'
    : [...shown, ...notes].map((f) => formatFinding(f) + '\n').join('');
  const stderr = assumed.map((n) => `note: ${n}\n`).join('') + `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}\n`;
  return { code: errors > 0 ? 1 : 0, stdout, stderr };
}
