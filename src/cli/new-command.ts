/**
 * `lesson-player new <dir> --video <file> [--captions fr=a.vtt,en=b.srt] [--chapters fr=c.vtt] [--title …] [--lang …]`:
 * makes a lesson folder from a video and its tracks. Everything is checked before anything is written: a missing
 * video, an unknown language code, an unreadable track refuse the command with one line (exit status 2) and leave
 * no folder behind. SRT and SBV tracks are converted to WebVTT; chapter tracks in other languages take the ids of the
 * lesson language's track when they pair by position, so notes and `#chapter=` links work in every language.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pairChapters } from '../core/chapter-pairing.ts';
import { decodeText } from '../core/decode.ts';
import { LANG_PATTERN } from '../core/manifest.ts';
import { slugify } from '../core/slug.ts';
import type { Chapter } from '../core/types.ts';
import { parseCaptions, parseChapters } from '../core/vtt.ts';
import { convertFile } from './convert-command.ts';
import type { RunResult } from './main.ts';
import { MEDIA_TYPE_BY_EXTENSION as MEDIA_TYPES, probeMp4Duration } from './media-probe.ts';
import { vttTimestamp } from '../core/subtitle-convert.ts';

class Refused extends Error {}

interface TrackInput {
  lang: string;
  file: string;
}

interface NewOptions {
  dir: string;
  video: string;
  captions: TrackInput[];
  chapters: TrackInput[];
  title?: string;
  lang?: string;
}

/** The language's name in itself ("Français", "English"), or undefined when the code names no known language. */
export function languageName(code: string): string | undefined {
  if (!LANG_PATTERN.test(code)) return undefined;
  try {
    const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

function parseTrackList(flag: string, value: string | undefined): TrackInput[] {
  if (!value) throw new Refused(`${flag} needs a value such as fr=captions.vtt,en=captions.en.srt`);
  return value.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Refused(`${flag}: "${pair}" is not lang=file (e.g. fr=captions.vtt)`);
    const lang = pair.slice(0, eq).trim();
    if (!languageName(lang)) throw new Refused(`${flag}: "${lang}" is not a known language code (e.g. fr, en, de, pt-BR)`);
    return { lang, file: pair.slice(eq + 1).trim() };
  });
}

function parseNewArgs(argv: readonly string[]): NewOptions | 'help' {
  const out: Partial<NewOptions> & { captions: TrackInput[]; chapters: TrackInput[] } = { captions: [], chapters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--video') out.video = value();
    else if (flag === '--captions') out.captions.push(...parseTrackList(flag, value()));
    else if (flag === '--chapters') out.chapters.push(...parseTrackList(flag, value()));
    else if (flag === '--title') out.title = value();
    else if (flag === '--lang') {
      const lang = value();
      if (!lang || !languageName(lang)) throw new Refused(`--lang: "${lang ?? ''}" is not a known language code (e.g. fr, en)`);
      out.lang = lang;
    } else if (flag.startsWith('-')) throw new Refused(`unknown option ${flag}`);
    else if (out.dir === undefined) out.dir = arg;
    else throw new Refused(`one lesson folder at a time ("${arg}" too)`);
  }
  if (!out.dir) throw new Refused('which folder? (lesson-player new <dir> --video <file> ...)');
  if (!out.video) throw new Refused('--video <file> is required');
  return out as NewOptions;
}

/** The media's duration in seconds: ffprobe when it is installed, else the MP4 header, else unknown. */
export function mediaDuration(file: string): number | undefined {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8', timeout: 20_000 });
  const seconds = probe.status === 0 ? Number.parseFloat(probe.stdout) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) return Math.round(seconds * 1000) / 1000;
  return /\.(mp4|m4v|m4a|mov)$/i.test(file) ? probeMp4Duration(file) : undefined;
}

/** A track as WebVTT text, read and checked; refused when it cannot be read or yields no cue. */
function readTrack(track: TrackInput, cwd: string, kind: 'captions' | 'chapters'): { vtt: string; chapters?: Chapter[] } {
  const abs = resolve(cwd, track.file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new Refused(`${track.file}: no such file (--${kind} ${track.lang}=…)`);
  const ext = extname(abs).toLowerCase();
  let vtt: string;
  if (ext === '.srt' || ext === '.sbv') {
    const converted = convertFile(abs, track.file);
    if (!converted.result) throw new Refused(converted.error!);
    vtt = converted.result.vtt;
  } else if (ext === '.vtt') {
    const decoded = decodeText(new Uint8Array(readFileSync(abs)), track.file, kind);
    if (decoded.text === undefined) throw new Refused(`${track.file}: cannot be read (${decoded.problems[0]?.message ?? 'unreadable'})`);
    vtt = decoded.text;
  } else {
    throw new Refused(`${track.file}: expected a .vtt, .srt or .sbv track`);
  }
  const parsed = kind === 'chapters' ? parseChapters(vtt, track.file) : parseCaptions(vtt, track.file);
  const fatal = parsed.problems.find((p) => p.rule === 'track-empty' || p.rule === 'vtt-signature');
  if (fatal) throw new Refused(`${track.file}:${fatal.line ?? 1}: ${fatal.message}`);
  return kind === 'chapters' ? { vtt, chapters: parsed.items as Chapter[] } : { vtt };
}

/** A chapter track written with slug ids (the ones the player uses), so that every language shares them. */
function chaptersVtt(chapters: readonly Chapter[]): string {
  return `WEBVTT\n\n${chapters.map((c) => `${c.id}\n${vttTimestamp(c.start)} --> ${vttTimestamp(c.end)}\n${c.title.replace(/-->/g, '->')}`).join('\n\n')}\n`;
}

export function runNew(argv: readonly string[], cwd: string, usage: () => string): RunResult {
  let created: string | undefined;
  try {
    const options = parseNewArgs(argv);
    if (options === 'help') return { code: 0, stdout: usage(), stderr: '' };
    const dir = resolve(cwd, options.dir);
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) throw new Refused(`${options.dir}: already exists and is not an empty folder`);
    const video = resolve(cwd, options.video);
    if (!existsSync(video) || !statSync(video).isFile()) throw new Refused(`${options.video}: no such video file`);
    const mediaType = MEDIA_TYPES[extname(video).toLowerCase()];
    if (!mediaType) throw new Refused(`${options.video}: not a video or audio file the player can play (${Object.keys(MEDIA_TYPES).join(', ')})`);
    const language = options.lang ?? options.captions[0]?.lang;
    if (!language) throw new Refused('give --lang (the language spoken in the video) or --captions');
    for (const list of [options.captions, options.chapters]) {
      const seen = new Set<string>();
      for (const t of list) {
        if (seen.has(t.lang.toLowerCase())) throw new Refused(`two tracks in "${t.lang}"`);
        seen.add(t.lang.toLowerCase());
      }
    }
    const captions = options.captions.map((t) => ({ ...t, ...readTrack(t, cwd, 'captions') }));
    const chapters = options.chapters.map((t) => ({ ...t, ...readTrack(t, cwd, 'chapters') }));
    // One set of chapter ids: those of the lesson language's track (or the first), given to the others when they pair.
    const reference = chapters.find((c) => c.lang === language) ?? chapters[0];
    const notices: string[] = [];
    for (const c of chapters) {
      if (!reference || c === reference) continue;
      const paired = pairChapters(reference.chapters!, c.chapters!, c.file, `the "${reference.lang}" chapters`);
      c.chapters = paired.items;
      notices.push(...paired.problems.map((p) => `${c.file}: ${p.message}`));
    }
    const title = options.title?.trim() || basename(video, extname(video)).replace(/[-_]+/g, ' ').trim() || 'Lesson';
    const id = slugify(title) || 'lesson';
    const duration = mediaDuration(video);

    // Everything is known: write.
    created = existsSync(dir) ? undefined : dir;
    for (const sub of ['media', ...(captions.length ? ['captions'] : []), ...(chapters.length ? ['chapters'] : [])]) mkdirSync(join(dir, sub), { recursive: true });
    const mediaName = basename(video);
    copyFileSync(video, join(dir, 'media', mediaName));
    const manifest = {
      version: 1,
      id,
      title: { [language]: title },
      language,
      ...(duration ? { duration } : {}),
      media: [{ src: `media/${mediaName}`, type: mediaType }],
      captions: captions.map((c) => {
        const src = `captions/${id}.${c.lang}.vtt`;
        writeFileSync(join(dir, src), c.vtt);
        const spoken = c.lang.split('-')[0]!.toLowerCase() === language.split('-')[0]!.toLowerCase();
        return { lang: c.lang, label: languageName(c.lang)!, kind: spoken ? 'captions' : 'subtitles', src, ...(spoken ? { default: true } : {}) };
      }),
      chapters: chapters.map((c) => {
        const src = `chapters/${id}.${c.lang}.vtt`;
        writeFileSync(join(dir, src), chaptersVtt(c.chapters!));
        return { lang: c.lang, src };
      }),
    };
    // At most one default track.
    manifest.captions.forEach((c, i) => {
      if (i > manifest.captions.findIndex((d) => 'default' in d)) delete (c as { default?: boolean }).default;
    });
    writeFileSync(join(dir, 'lesson.json'), JSON.stringify(manifest, null, 2) + '\n');
    const shown = join(options.dir, 'lesson.json');
    const lines = [
      `Created ${shown}: ${captions.length} caption track(s), ${chapters.length} chapter track(s)${duration ? `, ${Math.round(duration)} s` : ', duration unknown (ffprobe not found)'}.`,
      ...notices.map((n) => `note: ${n}`),
      `Next: lesson-player lint ${shown}`,
      `      lesson-player preview ${shown}`,
    ];
    return { code: 0, stdout: lines.join('\n') + '\n', stderr: '' };
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    if (e instanceof Refused) return { code: 2, stdout: '', stderr: `lesson-player new: ${e.message}\n` };
    if (e instanceof Error && 'code' in e) return { code: 2, stdout: '', stderr: `lesson-player new: ${e.message}\n` };
    throw e;
  }
}
