/**
 * The player's list of loading problems, as a template (the player renders it in its own shadow root, with the
 * styles of lazy-problems.ts; this module is a chunk fetched the first time there is a problem to show).
 * Only learner-facing problems reach it (core/problem-audience.ts). However many there are, it stays compact: one
 * disclosure (`<details>`) per file, open when a single file is concerned, and a bounded height that scrolls, so the
 * video is never pushed out of view. The container is the alert: screen readers read what is expanded, that is the
 * files' summaries, and the problems of a file when it is the only one.
 * */
import { html, type TemplateResult } from 'lit';
import type { LessonProblem } from '../../core/types.ts';
import type { UiStrings } from '../../i18n/strings.ts';
import { describeFile, describeProblem } from './describe-problem.ts';

/** The problems grouped by file, in the order the files first failed. */
export function groupByFile(problems: readonly LessonProblem[]): LessonProblem[][] {
  const groups = new Map<string, LessonProblem[]>();
  for (const p of problems) {
    const key = `${p.kind}\u0000${p.file}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()];
}

export function renderProblems(problems: readonly LessonProblem[], s: UiStrings): TemplateResult {
  const groups = groupByFile(problems);
  const single = groups.length === 1;
  return html`<div class="errors" part="errors" role="alert">
    <p class="errors-heading">${s.errorsHeading}</p>
    <div class="errors-files">
      ${groups.map(
        (group) =>
          html`<details ?open=${single}><summary>${describeFile(group[0]!, s)}${group.length > 1 ? ` — ${s.problemCount(group.length)}` : ''}</summary><ul>${group.map((p) => html`<li>${describeProblem(p, s)}</li>`)}</ul></details>`,
      )}
    </div>
  </div>`;
}
