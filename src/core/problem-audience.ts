/**
 * Who a lesson problem is for. The learner is told only when something is missing for them: a file that could not
 * be fetched or read, a track that yields no cue, a lesson manifest the player cannot use, media that will not play.
 * Everything a browser tolerates (WebVTT header lines, unknown cue settings, unknown tags, norms…) is for the lesson's
 * author: the player logs it to the console and `lesson-player lint` reports it. DOM-free.
 */
import type { LessonProblem } from './types.ts';

/** Rules that mean the learner lost a file (or all of its cues). */
export const LEARNER_FACING_RULES: ReadonlySet<string> = new Set([
  'fetch-status',
  'fetch-timeout',
  'fetch-network',
  'fetch-truncated',
  'fetch-content-type',
  'file-empty',
  'file-binary',
  'file-encoding',
  'manifest-json',
  'track-empty',
  'media-error',
  'media-stream-fallback',
  'poster-error',
]);

/**
 * Whether the learner must be told. Any error in the manifest is: without a valid manifest there is no lesson.
 * Warnings never are.
 */
export function isLearnerFacing(problem: LessonProblem): boolean {
  if (problem.severity !== 'error') return false;
  return problem.kind === 'manifest' || LEARNER_FACING_RULES.has(problem.rule);
}

/** The problem as one console line for the lesson's author: `file:line:col: severity: message [rule]` (the player's
 * console prefix is added where it is written). */
export function problemForConsole(problem: LessonProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.col ?? 1}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.message} [${problem.rule}]`;
}
