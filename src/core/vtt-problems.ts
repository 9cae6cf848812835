/**
 * The problems a WebVTT file's reading finds: collected with a cap, located in code points, and worded for the
 * author from webvtt-parser's messages. DOM-free.
 */
import type { LessonFileKind, LessonProblem } from './types.ts';

/** Problems kept per track; the rest are summed up in one last problem. */
export const MAX_VTT_PROBLEMS = 5000;

export class ProblemSink {
  readonly problems: LessonProblem[] = [];
  private dropped = 0;
  constructor(
    private readonly file: string,
    private readonly kind: LessonFileKind,
  ) {}
  add(severity: LessonProblem['severity'], rule: string, message: string, line?: number, col?: number): void {
    if (this.problems.length >= MAX_VTT_PROBLEMS) {
      this.dropped++;
      return;
    }
    const p: LessonProblem = { severity, file: this.file, kind: this.kind, message, rule };
    if (line !== undefined) p.line = line;
    if (col !== undefined) p.col = col;
    this.problems.push(p);
  }
  finish(): LessonProblem[] {
    if (this.dropped > 0) {
      this.problems.push({
        severity: 'error',
        file: this.file,
        kind: this.kind,
        message: `${this.dropped} more problems in this file were not reported.`,
        rule: 'too-many-problems',
        line: 1,
        col: 1,
      });
      this.dropped = 0;
    }
    return this.problems;
  }
}

/** 1-based column in code points of a 1-based UTF-16 column within `line`. */
export function codePointCol(line: string, col: number): number {
  if (col <= 1) return 1;
  const prefix = line.slice(0, col - 1);
  let surrogatePairs = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < prefix.length) {
      const d = prefix.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return col - surrogatePairs;
}

export const FRIENDLIER: Record<string, string> = {
  'Incorrect escape.': 'Incorrect character reference, shown as written: write a literal "&" as "&amp;".',
  'Invalid setting.': 'Unknown cue setting (expected vertical, line, position, size or align): browsers ignore it.',
  'Incorrect start tag.': 'Unknown tag (expected b, i, u, c, v, lang, ruby or rt), ignored by browsers: write a literal "<" as "&lt;".',
};

/** webvtt-parser's messages on cue settings: browsers drop such a setting and keep the cue. */
const SETTING_MESSAGE = /setting|Writing direction|Line position|Line alignment|Text position|Position alignment|Size|Alignment can only/;
/** webvtt-parser's messages on cue text and spacing that browsers tolerate (the cue shows, its text as read). */
const TOLERATED_MESSAGE =
  /separated|blank line is missing before|Style blocks|Region blocks|style block cannot|region block cannot/;

/**
 * The rule and severity of a webvtt-parser message. Errors are what makes a browser lose a cue or the file; what a
 * browser reads anyway (as the WebVTT parser algorithm does) is a warning for the author.
 */
export function classify(message: string): { rule: string; severity: LessonProblem['severity']; message: string } {
  const text = FRIENDLIER[message] ?? message;
  if (message.startsWith('Start timestamp is not greater')) {
    return { rule: 'cue-order', severity: 'warning', message: `${message} Players sort cues by time; write them in order.` };
  }
  if (message.startsWith('End timestamp is not greater')) return { rule: 'cue-timing', severity: 'error', message: `${message} The cue is never shown.` };
  if (SETTING_MESSAGE.test(message)) {
    return { rule: 'vtt-cue-setting', severity: 'warning', message: /browsers ignore/.test(text) ? text : `${text} Browsers ignore this setting.` };
  }
  if (TOLERATED_MESSAGE.test(message)) return { rule: 'vtt-cue-text', severity: 'warning', message: text };
  return { rule: 'vtt-syntax', severity: 'error', message: text };
}
