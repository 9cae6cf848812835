/**
 * cmi5 (https://aicc.github.io/CMI-5_Spec_Current/) for an assignable unit that is a video: the launch parameters
 * the platform puts in the launch URL, the `LMS.LaunchData` state document it writes before the launch, and the
 * context every statement of the session carries. DOM-free: the bridge fetches, this reads and builds.
 *
 * The platform sends `launched` (and later `satisfied`); the AU sends `initialized` first, `completed` at most
 * once per registration and never in Browse or Review mode, never `passed` or `failed` (a video is not a test),
 * and `terminated` last. Those defined statements carry the cmi5 category (and `completed` the moveOn one); the
 * Video Profile's played, paused and seeked are "cmi5 allowed" statements: the same context template, no category.
 */
import type { XapiAgent, XapiContext } from './xapi-video.ts';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const CMI5_SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const LAUNCH_DATA_STATE = 'LMS.LaunchData';

/** The five parameters of a cmi5 launch URL. */
export interface Cmi5Launch {
  /** The LRS's base URL, ending with `/`. */
  endpoint: string;
  /** Where to POST once for the session's authorization token. */
  fetchUrl: string;
  actor: XapiAgent;
  registration: string;
  activityId: string;
}

export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

export interface LaunchData {
  contextTemplate: XapiContext;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  returnURL?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const isAbsoluteUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(text);
const isIri = (text: string) => /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(text);

function isAgent(value: unknown): value is XapiAgent {
  if (!value || typeof value !== 'object') return false;
  const agent = value as Record<string, unknown>;
  const account = agent['account'] as Record<string, unknown> | undefined;
  const identifiers = [
    typeof agent['mbox'] === 'string' && /^mailto:\S+@\S+$/.test(agent['mbox']),
    typeof agent['mbox_sha1sum'] === 'string',
    typeof agent['openid'] === 'string',
    !!account && typeof account['homePage'] === 'string' && typeof account['name'] === 'string',
  ].filter(Boolean).length;
  return identifiers === 1 && (agent['objectType'] === undefined || agent['objectType'] === 'Agent');
}

/** An xAPI actor given as JSON text (the `actor` launch parameter, the `xapi-actor` attribute); null when it is not one. */
export function parseAgent(text: string | null | undefined): XapiAgent | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isAgent(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The launch parameters in a query string (`location.search`). `null` when there are none (not a cmi5 launch); a
 * string saying what is wrong when some are there but not all, or not valid.
 */
export function parseCmi5Launch(search: string): Cmi5Launch | string | null {
  const params = new URLSearchParams(search);
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
  const present = names.filter((name) => params.get(name));
  if (present.length === 0) return null;
  const missing = names.filter((name) => !params.get(name));
  if (missing.length) return `the cmi5 launch URL lacks ${missing.join(', ')}`;
  const endpoint = params.get('endpoint')!;
  const fetchUrl = params.get('fetch')!;
  const actor = parseAgent(params.get('actor'));
  const registration = params.get('registration')!;
  const activityId = params.get('activityId')!;
  if (!isAbsoluteUrl(endpoint) || !isAbsoluteUrl(fetchUrl)) return 'the cmi5 endpoint and fetch parameters must be absolute URLs';
  if (!actor) return 'the cmi5 actor parameter is not an xAPI agent';
  if (!UUID.test(registration)) return 'the cmi5 registration parameter is not a UUID';
  if (!isIri(activityId)) return 'the cmi5 activityId parameter is not an IRI';
  return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetchUrl, actor, registration, activityId };
}

/** The token in the fetch URL's answer (`{"auth-token": "…"}`), or the platform's error as a sentence. */
export function readAuthToken(body: unknown): { token: string } | { error: string } {
  const answer = (body ?? {}) as Record<string, unknown>;
  if (typeof answer['auth-token'] === 'string' && answer['auth-token']) return { token: answer['auth-token'] };
  const code = answer['error-code'];
  const text = answer['error-text'];
  return { error: `the platform gave no authorization token${code !== undefined ? ` (${String(code)}: ${String(text ?? '')})` : ''}` };
}

const LAUNCH_MODES: readonly LaunchMode[] = ['Normal', 'Browse', 'Review'];
const MOVE_ONS: readonly MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

/** The `LMS.LaunchData` document; null when it lacks what cmi5 requires of it. */
export function readLaunchData(body: unknown): LaunchData | null {
  if (!body || typeof body !== 'object') return null;
  const data = body as Record<string, unknown>;
  const template = data['contextTemplate'];
  const launchMode = data['launchMode'] as LaunchMode;
  const moveOn = data['moveOn'] as MoveOn;
  if (!template || typeof template !== 'object' || !LAUNCH_MODES.includes(launchMode) || !MOVE_ONS.includes(moveOn)) return null;
  const returnURL = typeof data['returnURL'] === 'string' ? data['returnURL'] : undefined;
  return { contextTemplate: template as XapiContext, launchMode, moveOn, ...(returnURL ? { returnURL } : {}) };
}

/** Which cmi5 category a statement carries: the defined statements' (and moveOn for `completed`), or none. */
export type Cmi5Kind = 'defined' | 'completed' | 'allowed';

/** The context of one statement of the session: the template, the registration, and the categories of its kind. */
export function cmi5Context(launch: Cmi5Launch, data: LaunchData, kind: Cmi5Kind): XapiContext {
  const template = data.contextTemplate;
  const categories = { defined: [CMI5_CATEGORY], completed: [CMI5_CATEGORY, MOVEON_CATEGORY], allowed: [] }[kind];
  const category = [...(template.contextActivities?.category ?? []), ...categories.map((id) => ({ objectType: 'Activity' as const, id }))];
  return {
    ...template,
    registration: launch.registration,
    contextActivities: { ...template.contextActivities, ...(category.length ? { category } : {}) },
  };
}

/** The URL of the `LMS.LaunchData` state document for this launch. */
export function launchDataUrl(launch: Cmi5Launch): string {
  const query = new URLSearchParams({
    stateId: LAUNCH_DATA_STATE,
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  });
  return `${launch.endpoint}activities/state?${query}`;
}

/** Whether this session may report completion (cmi5: not in Browse or Review mode). */
export const mayComplete = (data: LaunchData) => data.launchMode === 'Normal';

/** The session id the platform put in the context template (cmi5 requires one). */
export function cmi5SessionId(data: LaunchData): string | null {
  const id = data.contextTemplate.extensions?.[CMI5_SESSION_ID];
  return typeof id === 'string' && id ? id : null;
}
