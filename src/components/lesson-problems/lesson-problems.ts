/**
 * The player's list of loading problems, as a template and its styles (the player renders it in its own shadow root).
 * Only learner-facing problems reach it (core/problem-audience.ts). However many there are, it stays compact: one
 * disclosure (`<details>`) per file, open when a single file is concerned, and a bounded height that scrolls, so the
 * video is never pushed out of view. The container is the alert: screen readers read what is expanded, that is the
 * files' summaries, and the problems of a file when it is the only one.
 *
 * Parts: `errors` (the container).
 * Custom properties: `--lesson-error` (border and heading colour).
 */
import { css, html, type TemplateResult } from 'lit';
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

export const problemsStyles = css`
  .errors {
    border: 2px solid var(--lesson-error);
    border-radius: var(--lesson-radius);
    padding: 0.5rem 1rem;
    background: var(--lesson-background);
  }
  .errors-heading {
    margin: 0;
    font-weight: 700;
    color: var(--lesson-error);
  }
  /* However many files failed, the list keeps the video in view. */
  .errors-files {
    max-height: min(30vh, 12rem);
    overflow: auto;
    overflow-wrap: anywhere;
  }
  .errors summary {
    cursor: pointer;
  }
  .errors summary:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  .errors ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
`;
