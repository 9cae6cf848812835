/**
 * Renders a chapter note: Markdown (GFM) → marked → DOMPurify → a DocumentFragment. marked and DOMPurify are
 * loaded with a dynamic `import()`, the first time a note is shown, so they stay out of the player's initial bundle.
 *
 * The sanitised result is only ever handled as nodes (`RETURN_DOM_FRAGMENT`): no HTML string reaches a DOM sink in
 * this code, which is what a Trusted Types CSP (`require-trusted-types-for 'script'`) will need. DOMPurify parses
 * the string itself, through its own policy when Trusted Types are enforced.
 */
import { classifyHref, fitNoteHeadings, notePurifyConfig, type TokenLike } from './note-safety.ts';

export interface NoteRenderer {
  /** `chapterLevel`: the level of the heading the view puts above the note (the note's own headings go below). */
  render(markdown: string, chapterLevel: number): DocumentFragment;
}

let loading: Promise<NoteRenderer> | null = null;

/** Loads marked and DOMPurify once, and builds a renderer with its own DOMPurify instance (no global hooks). */
export function loadNoteRenderer(): Promise<NoteRenderer> {
  loading ??= Promise.all([import('marked'), import('dompurify')]).then(([{ Marked }, { default: createDOMPurify }]) => {
    const marked = new Marked({ gfm: true, breaks: false, async: false });
    const purify = createDOMPurify(window);
    return {
      render(markdown: string, chapterLevel: number): DocumentFragment {
        const tokens = marked.lexer(markdown);
        fitNoteHeadings(tokens as unknown as TokenLike[], chapterLevel);
        const htmlText = marked.parser(tokens) as string;
        const fragment = purify.sanitize(htmlText, notePurifyConfig(chapterLevel + 1));
        finishLinks(fragment);
        return fragment;
      },
    };
  });
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Second check on every link after DOMPurify: only the kinds `classifyHref` accepts keep an `href`; links leaving
 * the page get `rel="noopener noreferrer"` (no `target`: opening a new window unannounced is an accessibility
 * problem, and the learner can choose to).
 */
export function finishLinks(root: DocumentFragment | Element): void {
  for (const a of root.querySelectorAll('a')) {
    const link = classifyHref(a.getAttribute('href'));
    if (link.kind === 'blocked') a.removeAttribute('href');
    else if (link.kind === 'external') a.setAttribute('rel', 'noopener noreferrer');
  }
}
