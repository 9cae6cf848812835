/**
 * The platform's SCORM run-time API, found and spoken to the same way for both versions. DOM-free: windows are
 * passed in as plain objects with `parent` and `opener`.
 *
 * Discovery follows the standards' algorithm: from the content's window up through `parent` until a window holds
 * `API` (1.2) or `API_1484_11` (2004), then the same from `opener` (a platform that opened the lesson in a new
 * window). Bounded (the ADL sample stops after 500 steps), and a cross-origin window that refuses to be read is
 * skipped rather than thrown from.
 */
import { isoDuration } from '../core/xapi-video.ts';
import type { ScormVersion } from './suspend-data.ts';

/** The shape of a window that discovery reads. */
export interface WindowLike {
  parent?: WindowLike | null;
  opener?: WindowLike | null;
  [key: string]: unknown;
}

export const API_NAME: Readonly<Record<ScormVersion, 'API' | 'API_1484_11'>> = { '1.2': 'API', '2004': 'API_1484_11' };
const MAX_STEPS = 500;

function read(win: WindowLike, key: string): unknown {
  try {
    return win[key];
  } catch {
    return undefined; // A cross-origin window: not the platform's.
  }
}

function searchUp(start: WindowLike | null | undefined, name: string): unknown {
  let win = start;
  for (let steps = 0; win && steps < MAX_STEPS; steps++) {
    const api = read(win, name);
    if (api && typeof api === 'object') return api;
    const parent = read(win, 'parent') as WindowLike | null | undefined;
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The platform's API for `version`, from `win` up through its parents, then its opener's; null when none. */
export function findScormApi(win: WindowLike, version: ScormVersion): unknown {
  const name = API_NAME[version];
  return searchUp(win, name) ?? searchUp(read(win, 'opener') as WindowLike | null | undefined, name);
}

/** The calls the bridge makes, the same for both versions; each returns whether the platform accepted it. */
export interface ScormCalls {
  readonly version: ScormVersion;
  initialize(): boolean;
  terminate(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  /** The platform's last error, "code: text", for the console. */
  lastError(): string;
}

const accepted = (result: unknown) => result === true || result === 'true';

/** The same calls under each version's names (values are strings; "true"/"false" for outcomes). */
const METHODS = {
  '1.2': { initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString' },
  '2004': { initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString' },
} as const satisfies Record<ScormVersion, Record<string, string>>;

/** Wraps a found API; a platform that throws is treated as one that refused. */
export function scormCalls(api: unknown, version: ScormVersion): ScormCalls {
  const names = METHODS[version];
  const methods = api as Record<string, (...args: unknown[]) => unknown>;
  const call = <T>(name: string, args: unknown[], fallback: T, read: (result: unknown) => T): T => {
    try {
      return read(methods[name]!(...args));
    } catch {
      return fallback;
    }
  };
  return {
    version,
    initialize: () => call(names.initialize, [''], false, accepted),
    terminate: () => call(names.terminate, [''], false, accepted),
    get: (element) => call(names.get, [element], '', (value) => String(value ?? '')),
    set: (element, value) => call(names.set, [element, value], false, accepted),
    commit: () => call(names.commit, [''], false, accepted),
    lastError: () => {
      const code = call(names.lastError, [], '', (value) => String(value));
      return `${code}: ${call(names.errorString, [code], 'unknown error (the API threw)', (value) => String(value))}`;
    },
  };
}

/** Session time in the version's format: `HHHH:MM:SS.SS` (1.2, CMITimespan) or an ISO 8601 duration (2004). */
export function sessionTime(ms: number, version: ScormVersion): string {
  if (version === '2004') return isoDuration(ms);
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.min(hours, 9999), 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}
