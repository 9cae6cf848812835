/**
 * The reader's selection in the transcript's lines, read as a passage (see core/passage.ts): the cues it spans
 * and its words alone. The lines' times (visible and spoken forms) and the copy buttons are left out, so copying a
 * selection gives text that reads as a text.
 */
import { passageOf, type Passage } from '../../core/passage.ts';

/** The selection as seen from inside the shadow root (Chromium's `ShadowRoot.getSelection`), else the page's. */
export function transcriptSelection(root: ShadowRoot): Selection | null {
  return (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
}

function rowIndex(node: Node | null | undefined): number {
  const element = node instanceof Element ? node : node?.parentElement;
  const row = element?.closest<HTMLElement>('.row');
  return row?.dataset.index ? Number(row.dataset.index) : -1;
}

/** The passage the selection covers inside `scroller`, or null (nothing selected there, or no words). */
export function selectedPassage(selection: Selection | null, scroller: HTMLElement | null): Passage | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !scroller) return null;
  const range = selection.getRangeAt(0);
  if (!scroller.contains(range.commonAncestorContainer)) return null;
  // The clone keeps the partly selected rows and words around the selection, with their indexes.
  const fragment = range.cloneContents();
  const around = rowIndex(range.commonAncestorContainer);
  const texts = [...fragment.querySelectorAll<HTMLElement>('.text')];
  if (texts.length === 0) return passageOf([{ index: around, text: fragment.textContent ?? '' }]);
  return passageOf(
    texts.map((text) => {
      const row = text.closest<HTMLElement>('.row');
      return { index: row?.dataset.index ? Number(row.dataset.index) : around, text: text.textContent ?? '' };
    }),
  );
}
