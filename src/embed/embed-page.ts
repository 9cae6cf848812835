/**
 * `embed.html`: one lesson filling its frame, for `<iframe>` embeds and oEmbed.
 *
 * URL parameters: `lesson` (manifest URL, required), `t` (start time, or a passage `83,88`), `chapter` (start chapter id), `lang`
 * (`fr`/`en`), `captions` (`on`/`off`), `ad` (`on`: audio description), `id` (player id in messages), `origins` (comma list of host origins allowed
 * to use the postMessage API; the embed's own origin always is). See `protocol.ts` for the messages.
 *
 * It drives the page's `<lesson-player>` and does not load it: `embed.html` loads the component first (src/embed sits
 * below src/components and imports only its types).
 */
import type { LessonPlayer } from '../components/lesson-player/lesson-player.ts';
import { parseDeepLink } from '../core/deep-link.ts';
import type { Chapter } from '../core/types.ts';
import {
  ANY_PLAYER,
  embedPlayerId,
  envelope,
  parseEmbedCommand,
  parseOrigins,
  type EmbedCommand,
  type EmbedEvent,
} from './protocol.ts';
import { startTimeUpdates } from './time-updates.ts';

const params = new URLSearchParams(location.search);
const player = document.querySelector('lesson-player') as LessonPlayer;
const id = embedPlayerId(params.get('id'));
const allowed = parseOrigins(params.get('origins'), location.origin);
const inFrame = window.parent !== window;

// The host page's origin, when the browser tells it and it is allowed; otherwise learnt from its first `hello`.
const ancestor = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0];
let hostOrigin: string | null = ancestor && allowed.has(ancestor) ? ancestor : null;
let ready: Extract<EmbedEvent, { type: 'ready' }> | null = null;

function emit(event: EmbedEvent): void {
  if (inFrame && hostOrigin) window.parent.postMessage(envelope(id, event), hostOrigin);
}

const chapterInfo = (c: Chapter) => ({ id: c.id, title: c.title, start: c.start, end: c.end });

function start(): void {
  // Only the parameters given: an absent `t` is no time, not a bad one.
  const given = ['t', 'chapter'].filter((key) => params.has(key)).map((key) => `${key}=${encodeURIComponent(params.get(key)!)}`);
  const link = parseDeepLink(given.join('&'));
  for (const warning of link.warnings) console.warn(`lesson-player embed: ignored ${warning}`);
  if (link.chapter && player.seekToChapter(link.chapter)) return;
  if (link.time === undefined) return;
  if (link.end === undefined) player.seek(link.time);
  else player.seekPassage(link.time, link.end);
}

player.id = id;
const lang = params.get('lang');
if (lang === 'fr' || lang === 'en') player.lang = lang;
document.documentElement.lang = lang === 'en' ? 'en' : 'fr';

player.addEventListener('lesson-ready', (e) => {
  const detail = e.detail;
  document.title = detail.title;
  start();
  if (params.get('captions') === 'on') player.setCaptions(true);
  if (params.get('ad') === 'on') player.setDescriptions(true);
  const { language, delivery, available } = player.controller.snapshot.descriptions;
  ready = {
    type: 'ready',
    lesson: player.lesson,
    title: detail.title,
    duration: detail.duration,
    chapters: player.chapters.map(chapterInfo),
    descriptions: { language, delivery, available: [...available] },
  };
  emit(ready);
});
player.addEventListener('lesson-cuechange', (e) => {
  const { cue, index } = e.detail;
  emit({ type: 'cuechange', index, text: cue?.text ?? null, start: cue?.start ?? null, end: cue?.end ?? null });
});
player.addEventListener('lesson-chapterchange', (e) => {
  const { chapter, index } = e.detail;
  emit({ type: 'chapterchange', index, chapter: chapter ? chapterInfo(chapter) : null });
});
player.addEventListener('lesson-descriptionschange', (e) => {
  if (ready) emit({ type: 'descriptionschange', language: e.detail.language, delivery: e.detail.delivery });
});
player.addEventListener('lesson-error', (e) => {
  const { problem } = e.detail;
  emit({ type: 'error', kind: problem.kind, message: problem.message.slice(0, 2000) });
});

// `timeupdate`: at most 4 a second while the clock moves, and on every play/pause (rule and loop in time-updates.ts).
startTimeUpdates(() => (ready ? { time: player.currentTime, duration: player.duration, paused: player.paused } : null), emit, {
  setInterval: (tick, ms) => window.setInterval(tick, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
  now: () => performance.now(),
});

function run(command: EmbedCommand): void {
  switch (command.type) {
    case 'hello':
      if (ready) emit(ready);
      return;
    case 'play':
      player.play().catch((error: unknown) => emit({ type: 'error', kind: 'media', message: String(error).slice(0, 2000) }));
      return;
    case 'pause':
      return player.pause();
    case 'seek':
      return player.seek(command.time);
    case 'seekToChapter':
      player.seekToChapter(command.chapter);
      return;
    case 'setCaptions':
      player.setCaptions(command.lang ?? false);
      return;
    case 'setDescriptions':
      player.setDescriptions(command.lang ?? false);
      return;
    case 'openNotes':
      player.openNotes(command.chapter);
      return;
  }
}

window.addEventListener('message', (message) => {
  // Only the page that frames this embed, from an allowed origin, with a well-formed command for this player.
  if (!inFrame || message.source !== window.parent || !allowed.has(message.origin)) return;
  const command = parseEmbedCommand(message.data);
  if (!command || (command.id !== id && !(command.type === 'hello' && command.id === ANY_PLAYER))) return;
  hostOrigin = message.origin;
  run(command);
});

const lesson = params.get('lesson');
if (lesson) player.lesson = lesson;
else document.querySelector('.embed-missing')?.removeAttribute('hidden');
