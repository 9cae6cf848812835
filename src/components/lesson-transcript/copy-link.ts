/** A line's actions without the DOM: which rows show a copy button, and copying a link to a line's moment. */
import { momentLink } from '../../core/moment-link.ts';

/**
 * The copy buttons to remove and to add: one on each `wanted` line that is built (the spoken line, the tab stop,
 * the hovered line), none elsewhere, except that a button keeps its place while it has the focus.
 */
export function copyButtonChanges(
  shown: Iterable<number>,
  wanted: readonly number[],
  isBuilt: (index: number) => boolean,
  hasFocus: (index: number) => boolean,
): { remove: number[]; add: number[] } {
  const keep = new Set(wanted.filter(isBuilt));
  const shownSet = new Set(shown);
  const remove = [...shownSet].filter((index) => !keep.has(index) && !hasFocus(index));
  const add = [...keep].filter((index) => !shownSet.has(index));
  return { remove, add };
}

/**
 * Copies a link to the moment `seconds` of the page at `pageHref`. Where the clipboard refuses (permissions, an
 * insecure context), the link comes back as `toCopyByHand` for a field to select; `message` is what to announce.
 */
export async function copyMomentLink(
  pageHref: string,
  seconds: number,
  copy: (text: string) => Promise<boolean>,
  strings: { linkCopied: string; linkSelected: string },
): Promise<{ toCopyByHand: string; message: string }> {
  const link = momentLink(pageHref, seconds);
  return (await copy(link)) ? { toCopyByHand: '', message: strings.linkCopied } : { toCopyByHand: link, message: strings.linkSelected };
}
