#!/usr/bin/env node
// npm run media — rebuilds the stand-in media of "Survivre en milieu hostile" and the tracks timed on it.
//
// The real video is unavailable, so this makes an honest stand-in: each caption cue of the cue script
// (captions/source/survivre-en-milieu-hostile.cues.txt) is spoken by espeak-ng (voice "fr", never mbrola),
// edge silence is trimmed, the clips are laid end to end with pauses, and the caption, chapter and thumbnail
// tracks take their times from that layout (sample-exact). Slides (one per chapter) are drawn by ffmpeg.
//
// Needs espeak-ng, ffmpeg (with ffprobe) and the DejaVu fonts; CI never runs this: its outputs are committed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCueScript, plainText, spokenText, vttText } from './media/cue-script.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SLUG = 'survivre-en-milieu-hostile';
const SCRIPT = join(ROOT, 'captions/source', `${SLUG}.cues.txt`);
const TRANSCRIPT = join(ROOT, 'lessons/source', `${SLUG}.transcript.txt`);

// ---- settings -------------------------------------------------------------------------------------------
const VOICE = 'fr'; // espeak-ng's own French voice (roa/fr); mbrola voices are not used (licence).
const RATE = 135; // words per minute; ≈ 16–18 cps of speech, the out-time tail absorbs the rest.
const SAMPLE_RATE = 48000;
const FPS = 10; // static slides: a low frame rate keeps the files small.
const FRAME = SAMPLE_RATE / FPS; // samples per video frame
const MS = SAMPLE_RATE / 1000; // samples per millisecond
const LEAD_IN = 1.0; // s of silence before the first cue
const TAIL = 0.3; // s the caption stays up after the speech (≤ 12 frames)
const MIN_GAP = 0.1; // s between a caption's end and the next one's start
const PAUSE = { split: 0.45, sentence: 0.75, paragraph: 1.0, chapter: 1.4 }; // s of silence after a cue
const END_SILENCE = 0.5; // s after the last cue ends (so the media ends within 1 s of the last caption)
const MAX_CPS = 17; // the norm
const CPS_TARGET = 16.5; // what the timing aims at, leaving a margin under the norm
const MIN_DURATION = 5 / 6;
const MAX_DURATION = 7;
const MAX_LINE = 42;
const GOP_SECONDS = 30; // a key frame at least this often, and at every chapter start
const THUMB_EVERY = 5; // s per thumbnail
const THUMB_W = 160;
const THUMB_H = 90;
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SERIES = 'Créer des services publics numériques innovants · beta.gouv.fr';
const TITLE = 'Survivre en milieu hostile';
const BYLINE = 'Texte de l’intervention de Héla Ghariani';
const HONEST = 'Version de démonstration — narration de synthèse (espeak-ng), la vidéo originale est indisponible';

// ---- helpers ---------------------------------------------------------------------------------------------
const step = (msg) => console.log(`media: ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: opts.encoding ?? 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${String(r.stderr).slice(-2000)}`);
  }
  return r.stdout;
}

function checkTools() {
  const missing = [];
  for (const [tool, arg] of [
    ['espeak-ng', '--version'],
    ['ffmpeg', '-version'],
    ['ffprobe', '-version'],
  ]) {
    const r = spawnSync(tool, [arg], { encoding: 'utf8' });
    if (r.error || r.status !== 0) missing.push(tool);
  }
  if (!existsSync(FONT) || !existsSync(FONT_BOLD)) missing.push('the DejaVu fonts (fonts-dejavu-core)');
  if (missing.length) {
    console.error(
      `media: missing ${missing.join(', ')}.\n` +
        'Install them (Debian/Ubuntu): sudo apt-get install espeak-ng ffmpeg fonts-dejavu-core\n' +
        '(CI does not need them: the generated media and tracks are committed.)',
    );
    process.exit(1);
  }
  const filters = run('ffmpeg', ['-hide_banner', '-filters']);
  const encoders = run('ffmpeg', ['-hide_banner', '-encoders']);
  for (const need of ['drawtext', 'silenceremove']) {
    if (!new RegExp(`\\s${need}\\s`).test(filters)) fail(`ffmpeg lacks the ${need} filter`);
  }
  for (const need of ['libvpx-vp9', 'libopus', 'libx264', 'aac']) {
    if (!new RegExp(`\\s${need}\\s`).test(encoders)) fail(`ffmpeg lacks the ${need} encoder`);
  }
}

function fail(msg) {
  console.error(`media: ${msg}`);
  process.exit(1);
}

/** "HH:MM:SS.mmm" from a whole number of milliseconds. */
function stamp(ms) {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}
const msOf = (samples) => samples / MS; // samples are kept on whole milliseconds
const ceilTo = (samples, unit) => Math.ceil(samples / unit) * unit;

function wavHeader(dataBytes) {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

// ---- 1. the script ---------------------------------------------------------------------------------------
checkTools();
const script = parseCueScript(readFileSync(SCRIPT, 'utf8'));
step(`${script.cues.length} cues in ${script.chapters.length} chapters from ${SCRIPT.slice(ROOT.length + 1)}`);

// The captions carry exactly the speech's words, in order (markup, emphasis and list dashes aside).
const words = (s) => s.replace(/\*\*/g, '').replace(/^\s*- /gm, '').split(/\s+/).filter(Boolean);
const spoken = words(readFileSync(TRANSCRIPT, 'utf8'));
const captioned = words(script.cues.map((c) => c.fr.join(' ')).join(' '));
const firstDiff = spoken.findIndex((w, i) => w !== captioned[i]);
if (firstDiff >= 0 || spoken.length !== captioned.length) {
  const at = firstDiff >= 0 ? firstDiff : Math.min(spoken.length, captioned.length);
  fail(`the cue script's words differ from the transcript at word ${at + 1}: ` +
    `transcript "${spoken.slice(at, at + 6).join(' ')}", captions "${captioned.slice(at, at + 6).join(' ')}"`);
}

for (const cue of script.cues) {
  for (const lang of ['fr', 'en']) {
    const lines = cue[lang];
    if (lines.length > 2) fail(`${cue.id} (${lang}, script line ${cue.line}): more than 2 lines`);
    for (const l of lines) {
      const len = [...l.replace(/\*\*/g, '')].length;
      if (len > MAX_LINE) fail(`${cue.id} (${lang}, script line ${cue.line}): line of ${len} characters: ${l}`);
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'lesson-media-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---- 2. narration: one clip per cue ----------------------------------------------------------------------
const clips = [];
for (const [i, cue] of script.cues.entries()) {
  const said = spokenText(cue, script.respellings);
  const wav = join(tmp, `${cue.id}.wav`);
  const raw = join(tmp, `${cue.id}.raw`);
  run('espeak-ng', ['-v', VOICE, '-s', String(RATE), '-b', '1', '-w', wav, said]);
  // Trim the edge silence, then resample to 48 kHz mono signed 16-bit.
  const trim = 'silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.01';
  run('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-af', `${trim},areverse,${trim},areverse`, '-ar', String(SAMPLE_RATE), '-ac', '1', '-f', 's16le', raw]);
  const pcm = readFileSync(raw);
  clips.push(pcm);
  const secs = pcm.length / 2 / SAMPLE_RATE;
  const msg = `media: speech ${i + 1}/${script.cues.length} (${cue.id}, ${secs.toFixed(2)} s)`;
  if (process.stdout.isTTY) process.stdout.write(`\r${msg}   ${i + 1 === script.cues.length ? '\n' : ''}`);
  else if ((i + 1) % 10 === 0 || i + 1 === script.cues.length) console.log(msg);
}

// ---- 3. layout: times in samples, every cue start on a whole millisecond, chapter starts on a frame -------
const chapterStartCue = new Set(script.chapters.map((c) => c.firstCue));
const timed = [];
let cursor = ceilTo(LEAD_IN * SAMPLE_RATE, FRAME);
for (const [i, cue] of script.cues.entries()) {
  const start = cursor;
  const speechEnd = start + clips[i].length / 2;
  const chars = Math.max([...plainText(cue.fr)].length, [...plainText(cue.en)].length);
  const needed = Math.max(MIN_DURATION, chars / CPS_TARGET) * SAMPLE_RATE;
  const end = ceilTo(Math.max(speechEnd + TAIL * SAMPLE_RATE, start + needed), MS);
  if (end - start > MAX_DURATION * SAMPLE_RATE) {
    fail(`${cue.id} (script line ${cue.line}) lasts ${((end - start) / SAMPLE_RATE).toFixed(2)} s, over ${MAX_DURATION} s: split it`);
  }
  timed.push({ ...cue, start, speechEnd, end, chars });
  const nextIsChapter = chapterStartCue.has(i + 1);
  const pause = (nextIsChapter ? PAUSE.chapter : PAUSE[cue.pause]) * SAMPLE_RATE;
  cursor = Math.max(speechEnd + pause, end + MIN_GAP * SAMPLE_RATE);
  cursor = ceilTo(cursor, nextIsChapter ? FRAME : MS);
}
const last = timed[timed.length - 1];
const total = ceilTo(last.end + END_SILENCE * SAMPLE_RATE, FRAME);
const duration = total / SAMPLE_RATE;
step(`layout: ${duration.toFixed(3)} s`);

const chapters = script.chapters.map((ch, i) => ({
  ...ch,
  start: i === 0 ? 0 : timed[ch.firstCue].start,
  end: i + 1 < script.chapters.length ? timed[script.chapters[i + 1].firstCue].start : total,
}));

// The norms, checked on what will be written.
let maxCps = 0;
for (const [i, c] of timed.entries()) {
  const secs = (c.end - c.start) / SAMPLE_RATE;
  const cps = c.chars / secs;
  maxCps = Math.max(maxCps, cps);
  if (cps > MAX_CPS) fail(`${c.id}: ${cps.toFixed(2)} cps`);
  if (secs < MIN_DURATION || secs > MAX_DURATION) fail(`${c.id}: lasts ${secs.toFixed(3)} s`);
  if (i + 1 < timed.length && c.end > timed[i + 1].start) fail(`${c.id} overlaps the next cue`);
}

// ---- 4. audio ----------------------------------------------------------------------------------------------
const pcm = Buffer.alloc(total * 2);
timed.forEach((c, i) => clips[i].copy(pcm, c.start * 2));
const narration = join(tmp, 'narration.wav');
writeFileSync(narration, Buffer.concat([wavHeader(pcm.length), pcm]));
step('narration laid out');

// ---- 5. slides ------------------------------------------------------------------------------------------------
function drawSlide(out, chapter, index) {
  const files = {};
  const put = (name, text) => {
    files[name] = join(tmp, `slide${index}-${name}.txt`);
    writeFileSync(files[name], text);
    return files[name];
  };
  const text = (file, font, size, color, x, y) =>
    `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fontsize=${size}:fontcolor=${color}:x=${x}:y=${y}`;
  const filters = [
    'drawbox=x=0:y=0:w=iw:h=8:color=0x6a6af4:t=fill',
    text(put('series', SERIES), FONT, 26, '0xcacafb', 80, 70),
    text(put('title', TITLE), FONT_BOLD, 60, 'white', 80, 170),
    'drawbox=x=80:y=270:w=120:h=6:color=0xe1000f:t=fill',
    text(put('num', chapter ? `Chapitre ${index} / ${script.chapters.length}` : 'Leçon'), FONT, 28, '0xcacafb', 80, 330),
    text(put('chapter', chapter ? chapter.title.fr : 'Introduction'), FONT_BOLD, 46, 'white', 80, 380),
    text(put('byline', BYLINE), FONT, 26, '0xcacafb', 80, 520),
    text(put('honest', HONEST), FONT, 20, '0x9a9ad6', 80, 650),
  ];
  run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x000091:s=1280x720:d=1', '-vf', filters.join(','), '-frames:v', '1', out]);
}
const slides = chapters.map((ch, i) => {
  const png = join(tmp, `slide${i + 1}.png`);
  drawSlide(png, ch, i + 1);
  return png;
});
step(`${slides.length} slides drawn`);

// ---- 6. encode --------------------------------------------------------------------------------------------------
mkdirSync(join(ROOT, 'media'), { recursive: true });
const slideInputs = chapters.flatMap((ch, i) => [
  '-loop', '1', '-framerate', String(FPS), '-t', ((ch.end - ch.start) / SAMPLE_RATE).toFixed(3), '-i', slides[i],
]);
const concat = `${chapters.map((_, i) => `[${i}:v]`).join('')}concat=n=${chapters.length}:v=1:a=0,format=yuv420p[v]`;
const keyframes = chapters.map((ch) => (ch.start / SAMPLE_RATE).toFixed(3)).join(',');
const common = [
  '-v', 'error', '-y', ...slideInputs, '-i', narration,
  '-filter_complex', concat, '-map', '[v]', '-map', `${chapters.length}:a`,
  '-r', String(FPS), '-g', String(FPS * GOP_SECONDS), '-force_key_frames', keyframes, '-t', duration.toFixed(3),
  '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-threads', '1',
];
const webm = join(ROOT, 'media', `${SLUG}.webm`);
const mp4 = join(ROOT, 'media', `${SLUG}.mp4`);
step('encoding WebM (VP9 + Opus)…');
run('ffmpeg', [
  ...common,
  '-c:v', 'libvpx-vp9', '-profile:v', '0', '-pix_fmt', 'yuv420p', '-b:v', '0', '-crf', '42',
  '-deadline', 'good', '-cpu-used', '2', '-row-mt', '0', '-tile-columns', '0', '-auto-alt-ref', '1', '-lag-in-frames', '16',
  '-c:a', 'libopus', '-b:a', '32k', '-ac', '1', '-application', 'voip',
  webm,
]);
step('encoding MP4 (H.264 + AAC)…');
run('ffmpeg', [
  ...common,
  '-c:v', 'libx264', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-preset', 'slow', '-tune', 'stillimage', '-crf', '32',
  '-c:a', 'aac', '-b:a', '56k', '-ac', '1', '-movflags', '+faststart',
  mp4,
]);

// The adaptive stream (HLS): the project's own command, from the MP4 just made. Two rungs are enough for slides
// (360p and 720p: 2.9 MB for the 3 min 49 s lesson, the speech shared by both); the fallbacks are the files above.
step('encoding the HLS ladder (lesson-player encode)…');
run(process.execPath, [join(ROOT, 'bin/lesson-player.js'), 'encode', mp4, '-o', join(ROOT, 'media', SLUG), '--hls-only', '--ladder', '360,720', '--lang', 'fr'], { stdio: ['ignore', 'inherit', 'inherit'] });

// Poster: the first slide.
const poster = join(ROOT, 'media', `${SLUG}.poster.jpg`);
run('ffmpeg', ['-v', 'error', '-y', '-i', slides[0], '-q:v', '4', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', poster]);

// Thumbnails: the frame in the middle of each THUMB_EVERY-second span, tiled into one sprite.
// The last span also covers the remainder, so that every span's middle frame exists.
const thumbCount = Math.max(1, Math.floor(duration / THUMB_EVERY));
const cols = 8;
const rows = Math.ceil(thumbCount / cols);
const every = THUMB_EVERY * FPS;
run('ffmpeg', [
  '-v', 'error', '-y', '-i', mp4, '-an',
  '-vf', `select='eq(mod(n\\,${every})\\,${every / 2})',scale=${THUMB_W}:${THUMB_H}:flags=bicubic,tile=${cols}x${rows}:color=black`,
  '-fps_mode', 'passthrough', '-frames:v', '1', '-q:v', '5', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
  join(ROOT, 'media', `${SLUG}.thumbnails.jpg`),
]);
let thumbs = 'WEBVTT\n';
for (let k = 0; k < thumbCount; k++) {
  const from = k * THUMB_EVERY * 1000;
  const to = k + 1 === thumbCount ? msOf(total) : (k + 1) * THUMB_EVERY * 1000;
  const x = (k % cols) * THUMB_W;
  const y = Math.floor(k / cols) * THUMB_H;
  thumbs += `\n${stamp(from)} --> ${stamp(to)}\n${SLUG}.thumbnails.jpg#xywh=${x},${y},${THUMB_W},${THUMB_H}\n`;
}
writeFileSync(join(ROOT, 'media', `${SLUG}.thumbnails.vtt`), thumbs);
step(`poster and ${thumbCount} thumbnails written`);

// ---- 7. tracks -----------------------------------------------------------------------------------------------
for (const lang of ['fr', 'en']) {
  let vtt = 'WEBVTT\n';
  for (const c of timed) vtt += `\n${c.id}\n${stamp(msOf(c.start))} --> ${stamp(msOf(c.end))}\n${vttText(c[lang])}\n`;
  writeFileSync(join(ROOT, 'captions', `${SLUG}.${lang}.vtt`), vtt);
  let chv = 'WEBVTT\n';
  for (const ch of chapters) chv += `\n${ch.id}\n${stamp(msOf(ch.start))} --> ${stamp(msOf(ch.end))}\n${ch.title[lang]}\n`;
  mkdirSync(join(ROOT, 'chapters'), { recursive: true });
  writeFileSync(join(ROOT, 'chapters', `${SLUG}.${lang}.vtt`), chv);
}
step('captions and chapters written (fr, en)');

// ---- 8. check what came out ---------------------------------------------------------------------------------------
for (const file of [webm, mp4]) {
  const probed = Number(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim());
  if (Math.abs(probed - duration) > 0.1) fail(`${file}: duration ${probed} s, expected ${duration} s`);
}
const maxLine = Math.max(...timed.flatMap((c) => [...c.fr, ...c.en].map((l) => [...l.replace(/\*\*/g, '')].length)));
console.log(
  `media: done — ${duration.toFixed(3)} s, ${timed.length} cues, max ${maxCps.toFixed(2)} cps, max ${maxLine} chars/line\n` +
    [webm, mp4, poster].map((f) => `  ${f.slice(ROOT.length + 1)}: ${statSync(f).size} bytes`).join('\n'),
);
