/** Fetches one lesson file as text, turning every way it can fail into a located, user-facing problem. */
import { decodeText } from '../core/decode.ts';
import type { LessonFileKind, LessonProblem } from '../core/types.ts';
import type { Scheduler } from './environment.ts';

export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchedText {
  text?: string;
  problems: LessonProblem[];
}

function problem(file: string, kind: LessonFileKind, rule: string, message: string, params?: LessonProblem['params']): LessonProblem {
  return params ? { severity: 'error', file, kind, rule, message, params } : { severity: 'error', file, kind, rule, message };
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** How long the server may take to answer and send the whole file (15 s unless the player says). */
  timeoutMs?: number;
  /** The network and the clock of the timeout: the store's environment. */
  fetch: typeof fetch;
  scheduler: Pick<Scheduler, 'setTimeout' | 'clearTimeout'>;
}

export async function fetchLessonText(url: string, kind: LessonFileKind, options: FetchOptions): Promise<FetchedText> {
  const { signal, timeoutMs = FETCH_TIMEOUT_MS, fetch: fetchFile, scheduler } = options;
  const timeout = new AbortController();
  const timer = scheduler.setTimeout(() => timeout.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
  try {
    return await fetchWithin(url, kind, fetchFile, signal, timeout.signal, timeoutMs);
  } finally {
    scheduler.clearTimeout(timer);
  }
}

async function fetchWithin(
  url: string,
  kind: LessonFileKind,
  fetchFile: typeof fetch,
  signal: AbortSignal | undefined,
  timeout: AbortSignal,
  timeoutMs: number,
): Promise<FetchedText> {
  const timedOut = (): FetchedText => ({
    problems: [problem(url, kind, 'fetch-timeout', `no answer within ${timeoutMs / 1000} s`, { seconds: timeoutMs / 1000 })],
  });
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetchFile(url, { signal: combined, credentials: 'same-origin' });
  } catch (error) {
    if (timeout.aborted) return timedOut();
    if (signal?.aborted) return { problems: [] };
    const reason = (error as Error).message || 'network error';
    return { problems: [problem(url, kind, 'fetch-network', `could not be fetched (${reason})`, { reason })] };
  }
  if (!response.ok) {
    const { status, statusText } = response;
    return { problems: [problem(url, kind, 'fetch-status', `the server answered ${status}${statusText ? ` ${statusText}` : ''}`, { status })] };
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^(text\/html|image\/|video\/|audio\/|application\/(octet-stream|pdf|zip))/i.test(type)) {
    const mime = type.split(';')[0]!;
    return { problems: [problem(url, kind, 'fetch-content-type', `has the wrong content type "${mime}"`, { type: mime })] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
    if (timeout.aborted) return timedOut();
  } catch (error) {
    if (timeout.aborted) return timedOut();
    const reason = (error as Error).message;
    return { problems: [problem(url, kind, 'fetch-truncated', `was cut off while loading (${reason})`, { reason })] };
  }
  return decodeText(bytes, url, kind);
}
