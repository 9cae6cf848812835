/**
 * `lesson-player encode`: the ladder's settings and ffmpeg's answers read without ffmpeg, then the command as it
 * ships run on a small generated video (ffmpeg and ffprobe are needed: CI installs Debian's ffmpeg).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fitLadder, LadderError, parseLadder, parseMasterPlaylist, progressFraction, rungFor, finishMasterPlaylist } from '../../src/cli/hls-ladder.ts';

describe('the ladder', () => {
  it('reads --ladder as even heights, lowest first, and refuses anything else', () => {
    expect(parseLadder('720,360, 540p')).toEqual([360, 540, 720]);
    for (const bad of ['360,abc', '361', '100', '4320', '360,360', '']) expect(() => parseLadder(bad), bad).toThrow(LadderError);
  });
  it('never enlarges: rungs above the source are left out, one rung at its height when all are', () => {
    expect(fitLadder([360, 540, 720], 540).map((r) => r.height)).toEqual([360, 540]);
    expect(fitLadder([360, 540], 241).map((r) => r.height)).toEqual([240]);
  });
  it('spends more on larger pictures, within what slides and speech need', () => {
    const [low, mid, high] = [rungFor(360), rungFor(540), rungFor(720)];
    expect(low).toEqual({ height: 360, crf: 34, maxrateK: 200 });
    expect(mid!.maxrateK).toBeGreaterThan(low!.maxrateK * 2);
    expect(high!.maxrateK).toBeGreaterThan(mid!.maxrateK * 1.5);
    expect(high!.crf).toBeLessThan(low!.crf);
  });
});

describe("ffmpeg's answers", () => {
  it('turns -progress lines into a fraction of the duration', () => {
    expect(progressFraction('out_time_us=5000000', 20)).toBe(0.25);
    expect(progressFraction('out_time_ms=30000000', 20)).toBe(1);
    expect(progressFraction('frame=12', 20)).toBeUndefined();
    expect(progressFraction('progress=end', 20)).toBe(1);
  });
  it('drops the audio-only variant ffmpeg lists, keeping the audio group and every rung, and marks segments independent', () => {
    const master = [
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="audio_0",DEFAULT=YES,URI="audio/index.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=44000,CODECS="mp4a.40.2",AUDIO="group_audio"',
      'audio/index.m3u8',
      '',
      '#EXT-X-STREAM-INF:BANDWIDTH=255200,RESOLUTION=640x360,CODECS="avc1.4d4016,mp4a.40.2",AUDIO="group_audio"',
      '360p/index.m3u8',
      '',
    ].join('\n');
    const cleaned = finishMasterPlaylist(master, { lang: 'fr', name: 'Français' });
    expect(cleaned).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_audio",NAME="Français",LANGUAGE="fr",DEFAULT=YES,URI="audio/index.m3u8"');
    expect(finishMasterPlaylist(master)).toContain('NAME="Audio",DEFAULT=YES');
    expect(cleaned.split('\n').slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']);
    expect(parseMasterPlaylist(cleaned)).toEqual([{ uri: '360p/index.m3u8', bandwidth: 255200, resolution: '640x360', codecs: 'avc1.4d4016,mp4a.40.2' }]);
  });
});

const bin = inject('cliPath');
let dir: string;
const lp = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const ffprobe = (...args: string[]) => spawnSync('ffprobe', ['-v', 'error', ...args], { cwd: dir, encoding: 'utf8' }).stdout.trim();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lesson-encode-'));
  // 13 s of a moving test picture and a tone, 426×240: three segments, two rungs asked and one left out.
  const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=426x240:rate=10:duration=13', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=13',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', join(dir, 'talk.mp4')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`ffmpeg is needed by these tests (apt-get install ffmpeg): ${made.error ?? made.stderr}`);
  writeFileSync(join(dir, 'notes.txt'), 'not a video\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lesson-player encode (child process)', { timeout: 120_000 }, () => {
  it('makes the ladder, the fallbacks and the poster, with progress and a report of sizes', () => {
    const r = lp(['encode', 'talk.mp4', '-o', 'out', '--ladder', '144,240,360', '--lang', 'en']);
    expect(r.err).not.toMatch(/encode: /);
    expect(r.code).toBe(0);
    expect(r.err).toContain('360p left out: the video is 240 lines high');
    // Progress from ffmpeg's -progress, each pass to 100 %.
    for (const pass of ['[1/3] HLS ladder (144p, 240p)', '[2/3] MP4 fallback', '[3/3] WebM fallback']) expect(r.err).toMatch(new RegExp(`${pass.replace(/[[\]()/]/g, '\\$&')}.*  100 %`));
    const master = readFileSync(join(dir, 'out/hls/master.m3u8'), 'utf8');
    const variants = parseMasterPlaylist(master);
    expect(variants.map((v) => [v.uri, v.resolution])).toEqual([['144p/index.m3u8', '256x144'], ['240p/index.m3u8', '426x240']]);
    for (const v of variants) {
      expect(v.codecs).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      expect(v.bandwidth).toBeGreaterThan(30_000);
    }
    expect(master).toMatch(/#EXT-X-MEDIA:TYPE=AUDIO,.*NAME="English",LANGUAGE="en",.*URI="audio\/index\.m3u8"/);
    for (const playlist of [master, readFileSync(join(dir, 'out/hls/144p/index.m3u8'), 'utf8')]) expect(playlist).toContain('#EXT-X-INDEPENDENT-SEGMENTS');
    // Same segment times in every rendition (6 + 6 + 1 s), fMP4 with an init segment.
    const durations = (rung: string) => [...readFileSync(join(dir, `out/hls/${rung}/index.m3u8`), 'utf8').matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Math.round(Number(m[1])));
    expect(durations('144p')).toEqual([6, 6, 1]);
    expect(durations('240p')).toEqual(durations('144p'));
    expect(readFileSync(join(dir, 'out/hls/240p/index.m3u8'), 'utf8')).toMatch(/#EXT-X-MAP:URI="init_\d\.mp4"/);
    // Each rung's second segment starts on a key frame (its init segment and it, played as one file).
    for (const rung of ['144p', '240p']) {
      const files = readdirSync(join(dir, 'out/hls', rung));
      const joined = join(dir, `${rung}.mp4`);
      writeFileSync(joined, Buffer.concat([readFileSync(join(dir, 'out/hls', rung, files.find((f) => f.startsWith('init'))!)), readFileSync(join(dir, 'out/hls', rung, '001.m4s'))]));
      expect(ffprobe('-select_streams', 'v', '-read_intervals', '%+#1', '-show_entries', 'packet=flags', '-of', 'csv=p=0', joined)).toMatch(/^K/);
    }
    expect(ffprobe('-show_entries', 'stream=codec_name,pix_fmt', '-of', 'csv=p=0', 'out/talk.webm').split('\n')).toEqual(['vp9,yuv420p', 'opus']);
    expect(ffprobe('-show_entries', 'stream=codec_name', '-of', 'csv=p=0', 'out/talk.mp4').split('\n')).toEqual(['h264', 'aac']);
    expect(ffprobe('-show_entries', 'stream=codec_name', '-of', 'csv=p=0', 'out/talk.poster.jpg')).toBe('mjpeg');
    // The report: each rung's size and bitrate, the total, and the manifest entries, the stream first.
    expect(r.out).toMatch(/ 240p +426x240 +\d+ kB +mean \d+ kbit\/s, declared peak \d+ kbit\/s/);
    expect(r.out).toMatch(/out\/talk\.webm: \d+ kB, mean \d+ kbit\/s/);
    expect(r.out).toMatch(/Total: \d+ kB/);
    const entries = JSON.parse(r.out.slice(r.out.indexOf('[')));
    expect(entries).toEqual([
      { src: 'hls/master.m3u8', type: 'application/vnd.apple.mpegurl' },
      { src: 'talk.webm', type: 'video/webm' },
      { src: 'talk.mp4', type: 'video/mp4' },
    ]);
  });

  it('refuses a file that is not a video with one line, and writes nothing', () => {
    const r = lp(['encode', 'notes.txt', '-o', 'refused']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('lesson-player encode: notes.txt: not a video (ffprobe finds no moving picture in it)\n');
    expect(readdirSync(dir)).not.toContain('refused');
  });

  it('names ffmpeg when it is not installed, and refuses a bad ladder', () => {
    const r = lp(['encode', 'talk.mp4', '-o', 'x'], { ...process.env, PATH: join(dir, 'no-tools') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lesson-player encode: ffmpeg is not installed \(or not on the PATH\).*apt-get install ffmpeg/);
    const bad = lp(['encode', 'talk.mp4', '-o', 'x', '--ladder', '360,big']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ladder: "big" is not a picture height/);
  });
});
