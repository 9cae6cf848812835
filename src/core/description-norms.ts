/**
 * Norms for description tracks (WebVTT `kind: descriptions`, read aloud by a screen reader or a synthetic voice):
 * a description must fit the time it has at a speaking rate, else the video must pause for it (an extended
 * description); two descriptions cannot be spoken at once. DOM-free.
 */
import { codePointLength } from './norms.ts';
import { formatVttTime } from './time.ts';
import type { Cue, LessonProblem } from './types.ts';

export interface DescriptionRules {
  /** Speaking rate: characters (code points, line breaks excluded) spoken per second. */
  descriptionCps: number;
}

export const DEFAULT_DESCRIPTION_RULES: Readonly<DescriptionRules> = Object.freeze({ descriptionCps: 15 });

const round = (n: number) => String(Math.round(n * 100) / 100);

/** Characters a voice speaks for a description (code points, line breaks excluded). */
export function spokenLength(text: string): number {
  return text.split('\n').reduce((n, l) => n + codePointLength(l), 0);
}

/**
 * The first speech cue starting at or after `time` (the speech a description must end before), or undefined.
 * `speech` is in text-track order (sorted by start).
 */
export function nextSpeechStart(speech: readonly Pick<Cue, 'start'>[], time: number): number | undefined {
  return speech.find((c) => c.start >= time - 1e-6)?.start;
}

/**
 * Checks description cues (in text-track order). A description's time runs from its start to its end, or to the next
 * description's start, or to the next speech cue's start (`speech`: the captions in the same language, when known),
 * whichever comes first.
 */
export function checkDescriptions(
  cues: readonly Cue[],
  file: string,
  rules: Partial<DescriptionRules> = {},
  speech: readonly Cue[] = [],
): LessonProblem[] {
  const { descriptionCps } = { ...DEFAULT_DESCRIPTION_RULES, ...rules };
  const problems: LessonProblem[] = [];
  cues.forEach((cue, i) => {
    const next = cues[i + 1];
    const chars = spokenLength(cue.text);
    const gap = Math.max(0, Math.min(cue.end, next ? next.start : Infinity, nextSpeechStart(speech, cue.start) ?? Infinity) - cue.start);
    const needed = chars / descriptionCps;
    if (needed > gap + 1e-9) {
      problems.push({
        severity: 'warning',
        file,
        kind: 'captions',
        rule: 'description-extended',
        message: `Needs extended description: ${chars} characters take ${round(needed)} s to speak at ${descriptionCps} characters per second, and the description has ${round(gap)} s.`,
        line: cue.line + 1,
        col: 1,
      });
    }
    if (next && next.start < cue.end - 1e-9) {
      problems.push({
        severity: 'error',
        file,
        kind: 'captions',
        rule: 'description-overlap',
        message: `This description starts at ${formatVttTime(next.start)}, before the one of line ${cue.line} ends (${formatVttTime(cue.end)}): two descriptions cannot be spoken at once.`,
        line: next.line,
        col: 1,
      });
    }
  });
  return problems;
}
