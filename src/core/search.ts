/** Accent- and case-insensitive search over cue texts, no DOM. */

export interface TextMatch {
  /** Index of the cue (or item) searched. */
  item: number;
  /** Offset of the match in the item's original text (UTF-16 units). */
  start: number;
  /** Length of the match in the item's original text. */
  length: number;
}

/**
 * Folds a string for search: lower case, no diacritics, typographic apostrophes and œ/æ unified.
 * Returns the folded text and, for each folded character, the offset of the original character it came from,
 * so that a match in the folded text maps back to a range of the original.
 */
export function foldForSearch(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = foldChar(text[i]!);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
  }
  origin.push(text.length);
  return { folded, origin };
}

function foldChar(ch: string): string {
  switch (ch) {
    case 'œ':
    case 'Œ':
      return 'oe';
    case 'æ':
    case 'Æ':
      return 'ae';
    case '’':
    case 'ʼ':
    case '‘':
      return "'";
    case '\u00a0':
    case '\u202f':
    case '\n':
      return ' ';
    default:
      return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
}

/** Every match of `query` in `texts`, in reading order. An empty or blank query matches nothing. */
export function findMatches(texts: readonly string[], query: string): TextMatch[] {
  const needle = foldForSearch(query.trim().replace(/\s+/g, ' ')).folded;
  if (!needle) return [];
  const matches: TextMatch[] = [];
  texts.forEach((text, item) => {
    const { folded, origin } = foldForSearch(text);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(needle, from);
      if (at < 0) break;
      const start = origin[at]!;
      const end = origin[at + needle.length - 1]! + 1;
      matches.push({ item, start, length: end - start });
      from = at + needle.length;
    }
  });
  return matches;
}
