/**
 * The postMessage protocol between a host page and the iframe embed (`embed.html`). DOM-free and pure: both sides
 * validate every message strictly against this schema and drop anything else. Messages are plain data — nothing in
 * them is ever evaluated, used as HTML, or trusted beyond the fields listed here.
 *
 * Envelope: `{ source: 'lesson-player', version: 1, id, type, …fields }`. `id` names the embedded player (the
 * embed's `id` URL parameter); a host's `hello` may use `*` to learn it from the `ready` answer.
 */
import { isChapterId } from '../core/slug.ts';

export const EMBED_SOURCE = 'lesson-player';
export const EMBED_VERSION = 1;
/** The id a host uses in `hello` before it knows the player's. */
export const ANY_PLAYER = '*';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,4}$/;
const MAX_TIME = 1e7;
const MAX_TEXT = 2000;

export type EmbedCommand =
  | { type: 'hello' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; time: number }
  | { type: 'seekToChapter'; chapter: string }
  | { type: 'setCaptions'; lang: string | null }
  /** Audio description: a track's language, true for the lesson's, false or null for off. */
  | { type: 'setDescriptions'; lang: string | boolean | null }
  | { type: 'openNotes'; chapter: string };

export interface EmbedChapterInfo {
  id: string;
  title: string;
  start: number;
  end: number;
}

/** Audio description in `ready`: the track read (null: off), its delivery, and the languages the lesson has. */
export interface EmbedDescriptionsInfo {
  language: string | null;
  delivery: 'speech' | 'announce';
  available: string[];
}

export type EmbedEvent =
  | { type: 'ready'; lesson: string; title: string; duration: number; chapters: EmbedChapterInfo[]; descriptions: EmbedDescriptionsInfo }
  | { type: 'timeupdate'; time: number; duration: number; paused: boolean }
  | { type: 'cuechange'; index: number; text: string | null; start: number | null; end: number | null }
  | { type: 'chapterchange'; index: number; chapter: EmbedChapterInfo | null }
  | { type: 'error'; kind: string; message: string }
  /** Audio description turned on (its track's language) or off (null). */
  | { type: 'descriptionschange'; language: string | null; delivery: string };

export type EmbedCommandType = EmbedCommand['type'];
export type EmbedEventType = EmbedEvent['type'];
export type Envelope<T> = T & { source: typeof EMBED_SOURCE; version: typeof EMBED_VERSION; id: string };

type Field = (value: unknown) => boolean;
const isTime: Field = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
const isIndex: Field = (v) => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v <= 1e7;
const isText: Field = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const isChapter: Field = (v) => typeof v === 'string' && isChapterId(v);
const isLangOrNull: Field = (v) => v === null || (typeof v === 'string' && LANG.test(v));
const orNull = (f: Field): Field => (v) => v === null || f(v);
const isChapterInfo: Field = (v) =>
  isPlain(v) && hasExactly(v, { id: isChapter, title: isText, start: isTime, end: isTime });
const isChapterList: Field = (v) => Array.isArray(v) && v.length <= 1000 && v.every(isChapterInfo);
const isDelivery: Field = (v) => v === 'speech' || v === 'announce';
const isDescriptionsInfo: Field = (v) =>
  isPlain(v) &&
  hasExactly(v, { language: isLangOrNull, delivery: isDelivery, available: (l) => Array.isArray(l) && l.length <= 100 && l.every((x) => typeof x === 'string' && LANG.test(x)) });

const COMMANDS: Record<EmbedCommandType, Record<string, Field>> = {
  hello: {},
  play: {},
  pause: {},
  seek: { time: isTime },
  seekToChapter: { chapter: isChapter },
  setCaptions: { lang: isLangOrNull },
  setDescriptions: { lang: (v) => typeof v === 'boolean' || isLangOrNull(v) },
  openNotes: { chapter: isChapter },
};

const EVENTS: Record<EmbedEventType, Record<string, Field>> = {
  ready: { lesson: isText, title: isText, duration: isTime, chapters: isChapterList, descriptions: isDescriptionsInfo },
  timeupdate: { time: isTime, duration: isTime, paused: (v) => typeof v === 'boolean' },
  cuechange: { index: isIndex, text: orNull(isText), start: orNull(isTime), end: orNull(isTime) },
  chapterchange: { index: isIndex, chapter: orNull(isChapterInfo) },
  error: { kind: isText, message: isText },
  descriptionschange: { language: isLangOrNull, delivery: isDelivery },
};

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The object has exactly these own keys, each passing its check. */
function hasExactly(v: Record<string, unknown>, fields: Record<string, Field>): boolean {
  const keys = Object.keys(v);
  if (keys.length !== Object.keys(fields).length) return false;
  return keys.every((k) => Object.hasOwn(fields, k) && fields[k]!(v[k]));
}

function parseEnvelope<T extends string>(data: unknown, schemas: Record<T, Record<string, Field>>): Envelope<{ type: T }> | null {
  if (!isPlain(data)) return null;
  if (data.source !== EMBED_SOURCE || data.version !== EMBED_VERSION) return null;
  if (typeof data.id !== 'string' || (data.id !== ANY_PLAYER && !ID.test(data.id))) return null;
  if (typeof data.type !== 'string' || !Object.hasOwn(schemas, data.type)) return null;
  const { source, version, id, type, ...rest } = data;
  if (!hasExactly(rest, schemas[data.type as T])) return null;
  // A fresh object with only the schema's fields: nothing else of the sender's object travels further.
  return copyData({ source, version, id, type, ...rest }) as Envelope<{ type: T }>;
}

function copyData(v: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

/** A command from a host, or null when `data` is anything but a well-formed one. Never throws. */
export function parseEmbedCommand(data: unknown): Envelope<EmbedCommand> | null {
  return parseEnvelope(data, COMMANDS) as Envelope<EmbedCommand> | null;
}

/** An event from an embed, or null when `data` is anything but a well-formed one. Never throws. */
export function parseEmbedEvent(data: unknown): Envelope<EmbedEvent> | null {
  const event = parseEnvelope(data, EVENTS) as Envelope<EmbedEvent> | null;
  return event && event.id !== ANY_PLAYER ? event : null;
}

/** Wraps a message in the envelope. */
export function envelope<T extends EmbedCommand | EmbedEvent>(id: string, message: T): Envelope<T> {
  return { source: EMBED_SOURCE, version: EMBED_VERSION, id, ...message };
}

/** A valid player id for the embed, from its `id` URL parameter (else `fallback`). */
export function embedPlayerId(raw: string | null, fallback = 'lesson'): string {
  return raw !== null && ID.test(raw) ? raw : fallback;
}

/**
 * The origins an embed answers, from its `origins` URL parameter (a comma list of origins such as
 * `https://site.example,https://other.example:8443`). Its own origin is always allowed. Entries that are not bare
 * http(s) origins (paths, `*`, `null`, other schemes) are dropped: an allowlist never widens by accident.
 */
export function parseOrigins(param: string | null, ownOrigin: string): Set<string> {
  const allowed = new Set<string>([ownOrigin]);
  for (const raw of (param ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      continue;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry.replace(/\/$/, '')) allowed.add(url.origin);
  }
  return allowed;
}

/** At most one `timeupdate` per `interval` ms, plus one whenever play/pause changes. */
export function shouldSendTimeUpdate(
  last: { at: number; time: number; paused: boolean } | null,
  now: { at: number; time: number; paused: boolean },
  interval = 250,
): boolean {
  if (!last) return true;
  if (now.paused !== last.paused) return true;
  if (now.time === last.time) return false;
  return now.at - last.at >= interval;
}
