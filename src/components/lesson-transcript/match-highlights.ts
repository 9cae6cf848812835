/**
 * Search matches shown with the CSS Custom Highlight API: ranges over the lines' text nodes, painted by
 * `::highlight()` rules, so marking 500 matches neither rebuilds nor reflows a line. The highlight registry is
 * per document: each transcript adds its own ranges to two shared highlights and removes only those.
 */

export const MATCH_HIGHLIGHT = 'lesson-transcript-match';
export const CURRENT_MATCH_HIGHLIGHT = 'lesson-transcript-current-match';

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? (CSS.highlights as HighlightRegistry) : null;
}

function shared(name: string): Highlight | null {
  const highlights = registry();
  if (!highlights) return null;
  let highlight = highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    // The current match paints over the other matches.
    highlight.priority = name === CURRENT_MATCH_HIGHLIGHT ? 1 : 0;
    highlights.set(name, highlight);
  }
  return highlight;
}

/** Whether matches can be painted; without it the transcript marks the lines holding matches instead. */
export function canHighlight(): boolean {
  return registry() !== null;
}

/**
 * A range over `length` characters from `start` in an element's text, counted as the cue's plain text counts them:
 * text nodes in order, ruby annotations (`<rt>`) left out. Null when the text is shorter than that.
 */
export function textRange(root: Node, start: number, length: number): Range | null {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const end = start + length;
  const range = doc.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const size = node.nodeValue?.length ?? 0;
    if (!started && start <= offset + size) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + size) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += size;
  }
  return null;
}

/** One transcript's share of the match highlights. */
export class MatchHighlights {
  #matches: Range[] = [];
  #current: Range | null = null;

  /** Replaces this transcript's matches. */
  setMatches(ranges: Range[]): void {
    const highlight = shared(MATCH_HIGHLIGHT);
    for (const range of this.#matches) highlight?.delete(range);
    this.#matches = ranges;
    for (const range of ranges) highlight?.add(range);
  }

  setCurrent(range: Range | null): void {
    const highlight = shared(CURRENT_MATCH_HIGHLIGHT);
    if (this.#current) highlight?.delete(this.#current);
    this.#current = range;
    if (range) highlight?.add(range);
  }

  clear(): void {
    this.setMatches([]);
    this.setCurrent(null);
  }
}
