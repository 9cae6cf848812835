/**
 * What `lesson-player encode` asks of ffmpeg, and how it reads ffmpeg's answers: the HLS ladder's rungs and their
 * bitrates, the ffmpeg arguments of each pass, `-progress` lines, and the master playlist it writes. No process is
 * started here (encode-command.ts runs them), so all of it is tested without ffmpeg.
 *
 * The ladder is made for lessons: slides and speech. Slides change rarely, so x264 at a constant quality (CRF) with
 * `-tune stillimage` spends little on them; a peak rate (`-maxrate`) bounds what a busy slide may take, and is what
 * the master playlist declares (ffmpeg adds 10 %), so a player never picks a rung its network cannot carry. The
 * speech is one AAC rendition shared by every rung (an `EXT-X-MEDIA` audio group), not a copy in each.
 */

/** A rung of the ladder: its picture height and what the encoder may spend on it. */
export interface Rung {
  height: number;
  /** x264 constant rate factor: lower is better and larger. */
  crf: number;
  /** Peak video bitrate, kbit/s (declared in the master playlist). */
  maxrateK: number;
}

export const DEFAULT_LADDER = [360, 540, 720] as const;
/** Seconds per segment: every rung has a key frame at each multiple, so segments line up across rungs. */
export const SEGMENT_SECONDS = 6;
/** Speech: mono AAC-LC, enough for a voice. */
export const AUDIO_BITRATE_K = 32;

/** The peak video bitrate for a height: about 0.55 kbit/s per line² / 1000, from 200 kbit/s at 360p to 1.6 Mbit/s at 1080p. */
export function rungFor(height: number): Rung {
  const maxrateK = Math.round((200 * (height / 360) ** 2) / 10) * 10;
  // One CRF step finer for every 180 lines, from 34 at 360p: the larger pictures are the ones looked at closely.
  const crf = Math.max(24, Math.min(36, Math.round(34 - (height - 360) / 180)));
  return { height, crf, maxrateK };
}

export class LadderError extends Error {}

/** `--ladder 360,540,720` → heights, lowest first. Heights are even (H.264 4:2:0), 144 to 2160, each once. */
export function parseLadder(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim().replace(/p$/i, ''));
  const heights = parts.map((p) => {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n < 144 || n > 2160 || n % 2) throw new LadderError(`--ladder: "${p}" is not a picture height (an even number from 144 to 2160, e.g. 360,540,720)`);
    return n;
  });
  if (new Set(heights).size !== heights.length) throw new LadderError('--ladder: each height once');
  return heights.sort((a, b) => a - b);
}

/**
 * The rungs to make for a source of `sourceHeight` lines: never enlarged (a rung above the source adds bytes, not
 * detail); when every asked height is above it, one rung at the source's own height.
 */
export function fitLadder(heights: readonly number[], sourceHeight: number): Rung[] {
  const even = sourceHeight - (sourceHeight % 2);
  const kept = heights.filter((h) => h <= even);
  return (kept.length ? kept : [even]).map(rungFor);
}

/** The arguments of the ladder pass: one decode, every rung and the shared audio, in fMP4 (CMAF) segments. */
export function ladderArgs(input: string, rungs: readonly Rung[], hasAudio: boolean): string[] {
  const split = `[0:v]split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')}`;
  const scales = rungs.map((r, i) => `[s${i}]scale=-2:${r.height},format=yuv420p[v${i}]`);
  const perRung = rungs.flatMap((r, i) => [
    `-crf:v:${i}`, String(r.crf), `-maxrate:v:${i}`, `${r.maxrateK}k`, `-bufsize:v:${i}`, `${r.maxrateK * 2}k`,
  ]);
  const streams = rungs.map((r, i) => `v:${i},${hasAudio ? 'agroup:audio,' : ''}name:${r.height}p`);
  return [
    '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', '-i', input,
    '-filter_complex', [split, ...scales].join(';'),
    ...rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
    ...(hasAudio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', `${AUDIO_BITRATE_K}k`, '-ac', '1'] : []),
    '-c:v', 'libx264', '-profile:v', 'main', '-preset', 'medium', '-tune', 'stillimage', ...perRung,
    // A key frame at every segment boundary, and only there: the rungs' segments start on the same frame.
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
    '-map_metadata', '-1',
    '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-hls_flags', 'independent_segments',
    '-hls_fmp4_init_filename', 'init.mp4', '-hls_segment_filename', '%v/%03d.m4s',
    '-master_pl_name', 'master.m3u8',
    '-var_stream_map', [...(hasAudio ? ['a:0,agroup:audio,name:audio'] : []), ...streams].join(' '),
    '%v/index.m3u8',
  ];
}

/** The progressive MP4 fallback: H.264 + AAC at the top rung, its index first so that it plays while it loads. */
export function mp4Args(input: string, top: Rung, hasAudio: boolean, output: string): string[] {
  return [
    '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', '-i', input, '-map', '0:v:0', ...(hasAudio ? ['-map', '0:a:0'] : []),
    '-vf', `scale=-2:${top.height},format=yuv420p`, '-c:v', 'libx264', '-profile:v', 'main', '-preset', 'medium', '-tune', 'stillimage',
    '-crf', String(top.crf), '-maxrate', `${top.maxrateK}k`, '-bufsize', `${top.maxrateK * 2}k`,
    ...(hasAudio ? ['-c:a', 'aac', '-b:a', `${AUDIO_BITRATE_K}k`, '-ac', '1'] : []),
    '-movflags', '+faststart', '-map_metadata', '-1', output,
  ];
}

/** The progressive WebM fallback: VP9 (4:2:0, what every browser decodes) + Opus. */
export function webmArgs(input: string, top: Rung, hasAudio: boolean, output: string): string[] {
  return [
    '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', '-i', input, '-map', '0:v:0', ...(hasAudio ? ['-map', '0:a:0'] : []),
    '-vf', `scale=-2:${top.height},format=yuv420p`, '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-b:v', '0', '-crf', String(top.crf + 8),
    '-deadline', 'good', '-cpu-used', '4', '-row-mt', '1',
    ...(hasAudio ? ['-c:a', 'libopus', '-b:a', '32k', '-ac', '1', '-application', 'voip'] : []),
    '-map_metadata', '-1', output,
  ];
}

/** The poster: one frame a little into the video (the first is often black), as a JPEG. */
export function posterArgs(input: string, duration: number, output: string): string[] {
  const at = Math.min(1, duration / 10).toFixed(3);
  return ['-hide_banner', '-v', 'error', '-y', '-ss', at, '-i', input, '-frames:v', '1', '-q:v', '4', '-map_metadata', '-1', output];
}

/**
 * The fraction done (0 to 1) that a block of ffmpeg `-progress` output reports, or undefined when the line carries no
 * time. ffmpeg writes `out_time_us` (and, despite its name, microseconds again as `out_time_ms`); `progress=end` is done.
 */
export function progressFraction(line: string, duration: number): number | undefined {
  if (line.trim() === 'progress=end') return 1;
  const m = /^out_time_(?:us|ms)=(\d+)/.exec(line.trim());
  if (!m || !(duration > 0)) return undefined;
  return Math.min(1, Number(m[1]) / 1e6 / duration);
}

/** One variant of a master playlist. */
export interface Variant {
  uri: string;
  bandwidth: number;
  resolution?: string;
  codecs?: string;
}

/** The variants (`EXT-X-STREAM-INF` + URI) of a master playlist, in order. */
export function parseMasterPlaylist(text: string): Variant[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const variants: Variant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const attributes = new Map<string, string>();
    for (const m of line.slice(18).matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) attributes.set(m[1]!, m[2]!.replace(/^"|"$/g, ''));
    const uri = lines.slice(i + 1).find((l) => l && !l.startsWith('#'));
    if (!uri) return;
    variants.push({
      uri,
      bandwidth: Number(attributes.get('BANDWIDTH') ?? 0),
      ...(attributes.has('RESOLUTION') ? { resolution: attributes.get('RESOLUTION') } : {}),
      ...(attributes.has('CODECS') ? { codecs: attributes.get('CODECS') } : {}),
    });
  });
  return variants;
}

/**
 * The master playlist as ffmpeg writes it, finished: its speech named in its language (or "Audio"), without the audio-only variant ffmpeg lists for the audio group
 * (a player would take it for the lowest rung and, on a slow network, play the speech without the slides; the audio
 * stays, as the group every rung names), and saying that every segment starts on a key frame, as the rungs'
 * playlists do (a player may then switch rungs at any segment).
 */
export function finishMasterPlaylist(master: string, speech?: { lang: string; name: string }): string {
  // ffmpeg names the audio rendition "audio_0": players show that name in their audio menu.
  const named = master.replace(/(#EXT-X-MEDIA:TYPE=AUDIO,[^\n]*?)NAME="[^"]*"/, (_, head: string) =>
    speech ? `${head}NAME="${speech.name.replace(/"/g, "'")}",LANGUAGE="${speech.lang}"` : `${head}NAME="Audio"`);
  const lines = named.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#EXT-X-STREAM-INF:') && !/RESOLUTION=/.test(line)) {
      i++; // its URI line
      while (lines[i + 1] === '') i++;
      continue;
    }
    kept.push(line);
    if (line.startsWith('#EXT-X-VERSION:') && !master.includes('#EXT-X-INDEPENDENT-SEGMENTS')) kept.push('#EXT-X-INDEPENDENT-SEGMENTS');
  }
  return kept.join('\n');
}

/** `1234567` → `1.2 MB`; `56789` → `57 kB` (SI units, as network rates are). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
