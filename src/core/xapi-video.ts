/**
 * Statements of the xAPI Video Profile (https://w3id.org/xapi/video, v1.0.3): initialized, played, paused, seeked,
 * completed and terminated, with the profile's result extensions (time, time-from, time-to, progress,
 * played-segments) and context extensions (session id, length, completion threshold). DOM-free: the ids, times
 * and the rest of the context (cmi5's registration and context template) are given by the caller.
 */

export const VIDEO_PROFILE = 'https://w3id.org/xapi/video';
const VIDEO_EXTENSION = `${VIDEO_PROFILE}/extensions/`;
export const VIDEO_ACTIVITY_TYPE = `${VIDEO_PROFILE}/activity-type/video`;

export const VIDEO_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  played: `${VIDEO_PROFILE}/verbs/played`,
  paused: `${VIDEO_PROFILE}/verbs/paused`,
  seeked: `${VIDEO_PROFILE}/verbs/seeked`,
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

export type VideoVerb = keyof typeof VIDEO_VERBS;

export type LanguageMap = Record<string, string>;

/** An xAPI Agent: exactly one inverse functional identifier. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: LanguageMap; description?: LanguageMap };
}

export interface XapiContext {
  registration?: string;
  contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[]; category?: XapiActivity[]; other?: XapiActivity[] };
  extensions?: Record<string, unknown>;
  language?: string;
}

export interface XapiResult {
  completion?: boolean;
  success?: boolean;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  timestamp: string;
}

/** What every statement of one viewing shares. */
export interface VideoSession {
  actor: XapiAgent;
  /** The lesson: its IRI, title and language. */
  activityId: string;
  title: string;
  language: string;
  /** The profile's session id (a UUID), the same in every statement of the viewing. */
  sessionId: string;
  /** The video's length in seconds. */
  length: number;
  /** Share of the video to watch for completion, 0 to 1. */
  completionThreshold: number;
  /** More context (cmi5: registration, the context template's activities and extensions). */
  context?: XapiContext;
}

/** `[start, end]` in seconds. */
export type PlayedSegment = readonly [number, number];

/** What happened, with the figures its statement carries (times in seconds of the video, durations in ms). */
export type VideoEvent =
  | { verb: 'initialized' }
  | { verb: 'played'; time: number }
  | { verb: 'paused'; time: number; progress: number; segments: readonly PlayedSegment[] }
  | { verb: 'seeked'; from: number; to: number }
  | { verb: 'completed' | 'terminated'; time: number; progress: number; segments: readonly PlayedSegment[]; durationMs: number };

/** The profile's times and progress: decimals of at most 3 places. */
const decimal = (value: number) => Math.round(Math.max(0, value) * 1000) / 1000;

/** The profile's `played-segments`: `start[.]end` joined with `[,]`. */
export function playedSegments(segments: readonly PlayedSegment[]): string {
  return segments
    .filter(([start, end]) => end > start)
    .map(([start, end]) => `${decimal(start)}[.]${decimal(end)}`)
    .join('[,]');
}

/** An ISO 8601 duration in hours, minutes and seconds (centiseconds kept): `PT0H1M2.5S`. */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours}H${minutes}M${seconds.toFixed(2).replace(/\.?0+$/, '')}S`;
}

function resultOf(event: VideoEvent): XapiResult | undefined {
  const ext = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [VIDEO_EXTENSION + name, value]));
  switch (event.verb) {
    case 'initialized':
      return undefined;
    case 'played':
      return { extensions: ext({ time: decimal(event.time) }) };
    case 'seeked':
      return { extensions: ext({ 'time-from': decimal(event.from), 'time-to': decimal(event.to) }) };
    case 'paused':
      return { extensions: ext({ time: decimal(event.time), progress: decimal(event.progress), 'played-segments': playedSegments(event.segments) }) };
    case 'completed':
    case 'terminated':
      return {
        ...(event.verb === 'completed' ? { completion: true } : {}),
        duration: isoDuration(event.durationMs),
        extensions: ext({ time: decimal(event.time), progress: decimal(event.progress), 'played-segments': playedSegments(event.segments) }),
      };
  }
}

/** One statement of the viewing; `id` (a UUID) and `timestamp` (ms since the epoch) come from the caller. */
export function videoStatement(session: VideoSession, event: VideoEvent, id: string, timestamp: number): XapiStatement {
  const extra = session.context ?? {};
  const result = resultOf(event);
  return {
    id,
    actor: session.actor,
    verb: { id: VIDEO_VERBS[event.verb], display: { 'en-US': event.verb } },
    object: {
      objectType: 'Activity',
      id: session.activityId,
      definition: { type: VIDEO_ACTIVITY_TYPE, name: { [session.language]: session.title } },
    },
    ...(result ? { result } : {}),
    context: {
      ...extra,
      language: session.language,
      contextActivities: {
        ...extra.contextActivities,
        category: [
          ...(extra.contextActivities?.category ?? []),
          { objectType: 'Activity', id: VIDEO_PROFILE, definition: { type: 'http://adlnet.gov/expapi/activities/profile' } },
        ],
      },
      extensions: {
        ...extra.extensions,
        [`${VIDEO_EXTENSION}session-id`]: session.sessionId,
        [`${VIDEO_EXTENSION}length`]: decimal(session.length),
        [`${VIDEO_EXTENSION}completion-threshold`]: decimal(session.completionThreshold),
      },
    },
    timestamp: new Date(timestamp).toISOString(),
  };
}
