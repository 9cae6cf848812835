/**
 * hls.js for the player's HLS sources: bundled from npm, in its own chunk fetched only when an HLS source is chosen
 * and played through Media Source Extensions. The player library's default would fetch it from a public CDN at run
 * time: a request to a third party the learner never agreed to, blocked by a strict CSP, and impossible offline.
 *
 * No worker: hls.js's default worker is a `blob:` URL, which `worker-src 'self'` (or a default-src without blob:)
 * blocks. Its other way, a same-origin worker file, needs the site to serve one more file beside the player and
 * gains little for this player's streams: fMP4 segments are appended as they come (no MPEG-TS to transmux), so the
 * main thread's work per segment is parsing a few boxes (README, "Streaming (HLS)": main-thread time measured with
 * and without the worker, no difference above the noise). So a page needs no `worker-src` at all, only
 * `media-src 'self' blob:` (MSE plays from a `blob:` URL) and `connect-src` for the playlists and segments (`'self'`,
 * or their host).
 */
import type { HlsConfig } from 'hls.js';

/** The dynamic import the player library awaits: `{ default: Hls }`, from this build's own chunk. */
export const loadHlsLibrary = () => import('hls.js');

/** Vidstack's HLS provider, as far as it is configured here. */
interface HlsProvider {
  library: unknown;
  config: unknown;
  readonly instance: unknown;
  loadSource(src: unknown, preload?: unknown): Promise<void>;
}

/**
 * Gives Vidstack's HLS provider the bundled hls.js and its configuration, and keeps the stream from the video element
 * until hls.js has it. The provider puts the playlist in a `<source>` of the video as soon as it is chosen, while
 * hls.js is still on its way; Chromium (since 156) then starts playing the stream natively, and hls.js, once in,
 * takes the video back to its start, paused: on a slow network (hls.js's chunk alone takes 3 s at 600 kbit/s) the
 * learner's play was lost. The provider loads the source itself once hls.js is set up.
 */
export function configureHlsProvider(provider: HlsProvider): void {
  Object.assign(provider, { library: loadHlsLibrary, config: HLS_CONFIG });
  const loadSource = provider.loadSource.bind(provider);
  // A promise either way: the player library chains on it.
  provider.loadSource = async (src, preload) => (provider.instance ? loadSource(src, preload) : undefined);
}

/** One retry half a second later, then the fault is fatal (and the next source plays). */
function failFast(maxLoadTimeMs: number) {
  return {
    maxTimeToFirstByteMs: 10_000,
    maxLoadTimeMs,
    timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: 1, retryDelayMs: 500, maxRetryDelayMs: 1_000 },
  };
}

/** What hls.js is told, beside its defaults. */
export const HLS_CONFIG: Partial<HlsConfig> = {
  enableWorker: false,
  // Start on the lowest rung and climb as the first segments arrive, rather than guess the network.
  startLevel: 0,
  // 30 s ahead, not hls.js's up to 10 minutes when segments are small (a lesson's are: slides): a learner who
  // leaves after a minute has not downloaded the whole lesson.
  maxBufferLength: 30,
  maxMaxBufferLength: 30,
  // A 404 playlist or segment is a fault to fall back from, not to retry for a minute (hls.js's default for
  // segments is 6 tries): two tries, quickly; the progressive file plays after.
  fragLoadPolicy: { default: failFast(60_000) },
  playlistLoadPolicy: { default: failFast(20_000) },
};
