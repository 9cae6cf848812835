/**
 * What the player carries of its list of loading problems before there is one: the styles and a loader. The list
 * itself (lesson-problems.ts, with the problems' wording in both languages) is a chunk fetched the first time a
 * player has a problem to show — most learners never see it.
 *
 * Parts: `errors` (the container).
 * Custom properties: `--lesson-error` (border and heading colour).
 */
import { css, nothing, type TemplateResult } from 'lit';
import type { LessonProblem } from '../../core/types.ts';
import type { UiStrings } from '../../i18n/strings.ts';

type RenderProblems = (problems: readonly LessonProblem[], s: UiStrings) => TemplateResult;

/** Fetched once per page, whatever the number of players. */
let loading: Promise<RenderProblems | null> | null = null;
let renderProblems: RenderProblems | null = null;

/**
 * The list of `problems`, or nothing until its chunk has arrived; `arrived` is then called (the host renders again).
 * The container is an alert: inserted with its content, it is read when it appears.
 */
export function problemsList(problems: readonly LessonProblem[], s: UiStrings, arrived: () => void): TemplateResult | typeof nothing {
  if (renderProblems) return renderProblems(problems, s);
  loading ??= import('./lesson-problems.ts').then(
    (module) => (renderProblems = module.renderProblems),
    (error: unknown) => {
      console.error('lesson-player: the list of problems could not be loaded', error);
      return null;
    },
  );
  void loading.then((loaded) => loaded && arrived());
  return nothing;
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
