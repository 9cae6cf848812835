/**
 * `lesson-player encode <video> -o <dir> [--ladder 360,540,720] [--lang fr] [--hls-only]`: makes what a lesson streams from
 * a video, with ffmpeg:
 *   <dir>/hls/master.m3u8   the HLS master playlist (BANDWIDTH, RESOLUTION, CODECS of each rung)
 *   <dir>/hls/<h>p/          each rung: index.m3u8, init_N.mp4 and 4 s fMP4 segments, key frames aligned
 *   <dir>/hls/audio/         the speech, one AAC rendition every rung shares (named in --lang's language)
 *   <dir>/<name>.mp4 / .webm the progressive fallbacks (H.264/AAC, VP9/Opus)  } not with --hls-only, for a lesson
 *   <dir>/<name>.poster.jpg  the poster                                       } that has them already
 * It shows each pass's progress (from ffmpeg's `-progress`), then the sizes and bitrates, and the manifest's `media`
 * entries to paste. Refused, with one line and exit status 2: ffmpeg or ffprobe missing, a file that is not a video.
 * Settings and ffmpeg arguments: hls-ladder.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { HLS_MEDIA_TYPE } from '../core/manifest.ts';
import { eachArgument, MissingValue } from './command-args.ts';
import { languageName } from './new-command.ts';
import { formatBytes, DEFAULT_LADDER, fitLadder, LadderError, ladderArgs, mp4Args, parseLadder, parseMasterPlaylist, posterArgs, progressFraction, SEGMENT_SECONDS, webmArgs, finishMasterPlaylist, type Rung } from './hls-ladder.ts';


class Refused extends Error {}

interface EncodeOptions {
  input: string;
  out: string;
  heights: number[];
  progressive: boolean;
  /** The language spoken, which names the audio rendition. */
  lang?: string;
}

/** Where the command writes: its output streams and whether progress may redraw one line. */
export interface EncodeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  tty: boolean;
}

function parseEncodeArgs(argv: readonly string[]): EncodeOptions | 'help' {
  let input: string | undefined;
  let out: string | undefined;
  let heights: number[] = [...DEFAULT_LADDER];
  let progressive = true;
  let lang: string | undefined;
  const help = eachArgument(argv, (arg, flag, value) => {
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '-o' || flag === '--output') out = value();
    else if (flag === '--ladder') heights = parseLadder(value());
    else if (flag === '--hls-only') progressive = false;
    else if (flag === '--lang') {
      lang = value();
      if (!languageName(lang)) throw new Refused(`--lang: "${lang}" is not a known language code (e.g. fr, en)`);
    }
    else if (flag.startsWith('-')) throw new Refused(`unknown option ${flag}`);
    else if (input === undefined) input = arg;
    else throw new Refused(`one video at a time ("${arg}" too)`);
  });
  if (help) return help;
  if (!input) throw new Refused('which video? (lesson-player encode <video> -o <dir> [--ladder 360,540,720])');
  if (!out) throw new Refused('where to? -o <dir> names the folder to write the stream into');
  return { input, out, heights, progressive, ...(lang ? { lang } : {}) };
}

/** The tool's path, or a refusal naming it and how to install it. */
function requireTool(tool: 'ffmpeg' | 'ffprobe'): void {
  const r = spawnSync(tool, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Refused(`${tool} is not installed (or not on the PATH): encode needs ffmpeg and ffprobe (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg)`);
  }
}

interface Probe {
  duration: number;
  height: number;
  hasAudio: boolean;
}

/** What ffprobe sees in the file; a refusal when it is not a video (no picture stream, or only a cover image). */
function probe(file: string, shown: string): Probe {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Refused(`${shown}: no such file`);
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,height:stream_disposition=attached_pic:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  let json: { streams?: { codec_type?: string; height?: number; disposition?: { attached_pic?: number } }[]; format?: { duration?: string } } = {};
  try {
    json = JSON.parse(r.stdout || '{}');
  } catch {
    /* not a media file: refused below */
  }
  const video = json.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && s.height);
  const duration = Number(json.format?.duration);
  if (r.status !== 0 || !video || !(duration > 0)) throw new Refused(`${shown}: not a video (ffprobe finds no moving picture in it)`);
  return { duration, height: video.height!, hasAudio: !!json.streams?.some((s) => s.codec_type === 'audio') };
}

/**
 * Runs one ffmpeg pass (in `cwd`: the ladder pass writes its rungs' folders there), showing
 * its progress as a percentage; rejects with ffmpeg's last words when it fails.
 */
function ffmpegPass(label: string, args: string[], duration: number, io: EncodeIo, cwd?: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('ffmpeg', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    let shown = -1;
    let pending = '';
    const show = (fraction: number) => {
      const percent = Math.floor(fraction * 100);
      // On a terminal one line is redrawn; in a log, a line every 10 %.
      const step = io.tty ? percent : Math.floor(percent / 10) * 10;
      if (step <= shown) return;
      shown = step;
      if (io.tty) io.stderr(`\r${label}  ${String(percent).padStart(3)} %${percent === 100 ? '\n' : ''}`);
      else io.stderr(`${label}  ${step} %\n`);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const fraction = progressFraction(line, duration);
        if (fraction !== undefined) show(fraction);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors = (errors + chunk).slice(-2000)));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) {
        show(1);
        done();
      } else fail(new Refused(`ffmpeg failed (${label}, exit status ${code}): ${errors.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/** Bytes under a folder. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const kbits = (bytes: number, seconds: number) => `${Math.round((bytes * 8) / seconds / 1000)} kbit/s`;

/** The report printed at the end: each file made, its size and its mean bitrate, then the manifest's entries. */
function report(options: EncodeOptions, rungs: readonly Rung[], media: { mp4?: string; webm?: string; poster?: string }, seconds: number, cwd: string): string {
  const hls = join(options.out, 'hls');
  const shown = (p: string) => relative(cwd, p) || '.';
  const variants = parseMasterPlaylist(readFileSync(join(hls, 'master.m3u8'), 'utf8'));
  const lines = [`${shown(join(hls, 'master.m3u8'))}: ${rungs.length} rung${rungs.length === 1 ? '' : 's'}, ${SEGMENT_SECONDS} s segments, ${seconds.toFixed(1)} s`];
  for (const v of variants) {
    const bytes = folderBytes(join(hls, v.uri, '..'));
    lines.push(`  ${v.uri.split('/')[0]!.padEnd(6)} ${(v.resolution ?? '').padEnd(10)} ${formatBytes(bytes).padStart(8)}  mean ${kbits(bytes, seconds)}, declared peak ${Math.round(v.bandwidth / 1000)} kbit/s with the audio  ${v.codecs ?? ''}`);
  }
  if (existsSync(join(hls, 'audio'))) {
    const bytes = folderBytes(join(hls, 'audio'));
    lines.push(`  audio  AAC mono   ${formatBytes(bytes).padStart(8)}  mean ${kbits(bytes, seconds)}, shared by every rung`);
  }
  let total = folderBytes(hls);
  for (const file of [media.mp4, media.webm, media.poster]) {
    if (!file) continue;
    const bytes = statSync(file).size;
    total += bytes;
    lines.push(`${shown(file)}: ${formatBytes(bytes)}${file === media.poster ? '' : `, mean ${kbits(bytes, seconds)}`}`);
  }
  lines.push(`Total: ${formatBytes(total)}`);
  const src = (file: string) => relative(options.out, file).split('\\').join('/');
  const entries = [
    { src: 'hls/master.m3u8', type: HLS_MEDIA_TYPE },
    ...(media.webm ? [{ src: src(media.webm), type: 'video/webm' }] : []),
    ...(media.mp4 ? [{ src: src(media.mp4), type: 'video/mp4' }] : []),
  ];
  lines.push('', `The lesson manifest's "media" (paths relative to ${shown(options.out)}; the stream first, the fallbacks after):`, JSON.stringify(entries, null, 2));
  return lines.join('\n') + '\n';
}

/** Runs the command; resolves with its exit status. */
export async function runEncode(argv: readonly string[], cwd: string, usage: () => string, io: EncodeIo): Promise<number> {
  let options: EncodeOptions | 'help';
  try {
    options = parseEncodeArgs(argv);
    if (options === 'help') {
      io.stdout(usage());
      return 0;
    }
    requireTool('ffmpeg');
    requireTool('ffprobe');
    const input = resolve(cwd, options.input);
    const source = probe(input, options.input);
    const rungs = fitLadder(options.heights, source.height);
    const above = options.heights.filter((h) => h > source.height);
    if (above.length) io.stderr(`${above.map((h) => `${h}p`).join(', ')} left out: the video is ${source.height} lines high (a rung is never enlarged).\n`);
    const out = resolve(cwd, options.out);
    const hls = join(out, 'hls');
    // The stream folder is the command's own: a second run replaces it rather than mixing two ladders.
    rmSync(hls, { recursive: true, force: true });
    mkdirSync(hls, { recursive: true });
    const name = basename(input, extname(input));
    const top = rungs.at(-1)!;
    const rungNames = rungs.map((r) => `${r.height}p`).join(', ');
    const passes = options.progressive ? 3 : 1;
    const started = Date.now();
    await ffmpegPass(`[1/${passes}] HLS ladder (${rungNames})`, ladderArgs(input, rungs, source.hasAudio), source.duration, io, hls);
    const master = join(hls, 'master.m3u8');
    const speech = options.lang ? { lang: options.lang, name: languageName(options.lang)! } : undefined;
    writeFileSync(master, finishMasterPlaylist(readFileSync(master, 'utf8'), speech));
    const media: { mp4?: string; webm?: string; poster?: string } = {};
    if (options.progressive) {
      media.poster = join(out, `${name}.poster.jpg`);
      media.mp4 = join(out, `${name}.mp4`);
      media.webm = join(out, `${name}.webm`);
      if (media.mp4 === input || media.webm === input) throw new Refused(`${options.input}: the output folder holds the input video; choose another -o`);
      await ffmpegPass(`[2/${passes}] MP4 fallback (H.264/AAC, ${top.height}p)`, mp4Args(input, top, source.hasAudio, media.mp4), source.duration, io);
      await ffmpegPass(`[3/${passes}] WebM fallback (VP9/Opus, ${top.height}p)`, webmArgs(input, top, source.hasAudio, media.webm), source.duration, io);
    }
    if (options.progressive) {
      const poster = spawnSync('ffmpeg', posterArgs(input, source.duration, media.poster!), { encoding: 'utf8' });
      if (poster.status !== 0) throw new Refused(`ffmpeg could not take the poster: ${String(poster.stderr).trim().split('\n').pop()}`);
    }
    io.stderr(`Encoded in ${Math.round((Date.now() - started) / 1000)} s.\n`);
    io.stdout(report({ ...options, out }, rungs, media, source.duration, cwd));
    return 0;
  } catch (e) {
    if (e instanceof Refused || e instanceof LadderError || e instanceof MissingValue) {
      io.stderr(`lesson-player encode: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

