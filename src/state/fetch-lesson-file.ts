/** Fetches one lesson file as text, turning every way it can fail into a located, user-facing problem. */
import { decodeText } from '../core/decode.ts';
import type { LessonFileKind, LessonProblem } from '../core/types.ts';

export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchedText {
  text?: string;
  problems: LessonProblem[];
}

function problem(file: string, kind: LessonFileKind, rule: string, message: string): LessonProblem {
  return { severity: 'error', file, kind, rule, message };
}

export async function fetchLessonText(url: string, kind: LessonFileKind, signal?: AbortSignal): Promise<FetchedText> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, credentials: 'same-origin' });
  } catch (error) {
    if (timeout.aborted) return { problems: [problem(url, kind, 'fetch-timeout', `no answer within ${FETCH_TIMEOUT_MS / 1000} s`)] };
    if (signal?.aborted) return { problems: [] };
    return { problems: [problem(url, kind, 'fetch-network', `could not be fetched (${(error as Error).message || 'network error'})`)] };
  }
  if (!response.ok) {
    return { problems: [problem(url, kind, 'fetch-status', `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)] };
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^(text\/html|image\/|video\/|audio\/|application\/(octet-stream|pdf|zip))/i.test(type)) {
    return { problems: [problem(url, kind, 'fetch-content-type', `has the wrong content type "${type.split(';')[0]}"`)] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (timeout.aborted) return { problems: [problem(url, kind, 'fetch-timeout', `no answer within ${FETCH_TIMEOUT_MS / 1000} s`)] };
    return { problems: [problem(url, kind, 'fetch-truncated', `was cut off while loading (${(error as Error).message})`)] };
  }
  return decodeText(bytes, url, kind);
}
