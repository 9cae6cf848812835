/**
 * What a media state tells the learner about, once each: an adaptive stream given up for the full file, the video
 * that failed (its sources named), and the poster.
 */
import type { LessonManifest, LessonProblem } from '../core/types.ts';
import type { MediaState } from '../media/media-adapter.ts';

/** The problems `state` reports that are not among `known` yet. */
export function newMediaProblems(state: MediaState, manifest: LessonManifest | undefined, known: readonly LessonProblem[]): LessonProblem[] {
  const found: LessonProblem[] = [];
  if (state.streamFallback && !known.some((p) => p.rule === 'media-stream-fallback')) {
    const { src, reason } = state.streamFallback;
    const message = 'the adaptive stream could not be played: the video goes on from the full file';
    found.push({ severity: 'error', file: src, kind: 'media', rule: 'media-stream-fallback', message, params: { reason } });
  }
  if (state.error && !known.some((p) => p.rule === 'media-error')) {
    const src = (state.failedSources?.length ? state.failedSources : manifest?.media.map((m) => m.src))?.join(', ') || 'media';
    found.push({ severity: 'error', file: src, kind: 'media', rule: 'media-error', message: state.error, params: { reason: state.errorReason ?? 'load' } });
  }
  if (state.posterError && !known.some((p) => p.kind === 'poster')) {
    found.push({ severity: 'error', file: manifest?.poster ?? 'poster', kind: 'poster', rule: 'poster-error', message: state.posterError });
  }
  return found;
}
