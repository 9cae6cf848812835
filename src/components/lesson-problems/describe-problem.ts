import type { LessonProblem } from '../../core/types.ts';
import { localizeProblem } from '../../i18n/problems.ts';
import type { UiStrings } from '../../i18n/strings.ts';

/** "Problème dans les sous-titres (/captions/x.vtt)": which file, in the UI language. */
export function describeFile(problem: LessonProblem, s: UiStrings): string {
  return `${s.problemIn(s.fileKinds[problem.kind] ?? problem.kind)} (${fileName(problem.file)})`;
}

/** "ligne 3 : le fichier est vide": where in the file, and what is wrong, in the UI language. */
export function describeProblem(problem: LessonProblem, s: UiStrings): string {
  const message = localizeProblem(problem, s.lang);
  return problem.line ? `${s.line(problem.line, problem.col)}${s.colon}${message}` : message;
}

/** A URL (or a list of them, `a, b`) shown as paths: shorter, and still unambiguous for the lesson author. */
function fileName(file: string): string {
  return file.split(', ').map(pathOf).join(', ');
}

function pathOf(file: string): string {
  try {
    const url = new URL(file);
    return url.protocol === 'http:' || url.protocol === 'https:' ? decodeURIComponent(url.pathname) : file;
  } catch {
    return file;
  }
}
