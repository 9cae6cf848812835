/**
 * Pure rules for turning a chapter note (untrusted Markdown from a lesson author) into DOM: which links may stay
 * links, what DOMPurify keeps, and how the note's headings fit under the heading the view generates.
 * No DOM, no imports of marked or DOMPurify (those are loaded on demand by note-render.ts): unit-tested in node.
 */
import { parseDeepLink } from '../../core/deep-link.ts';

/** What a link in a note does. */
export type NoteLink =
  | { kind: 'time'; time: number }
  | { kind: 'chapter'; chapterId: string }
  | { kind: 'external'; href: string }
  | { kind: 'blocked' };

/**
 * The only link targets a note may keep: http(s), mailto, and the in-page seek fragments `#t=` and `#chapter=`.
 * Given to DOMPurify, which tests it against the attribute value with whitespace removed; anything else (relative
 * paths, `javascript:`, `data:`, `vbscript:`, other fragments) loses its `href` and becomes plain text.
 */
export const NOTE_URI_ALLOWLIST = /^(?:(?:https?|mailto):|#(?:t|chapter)=)/i;

/** Browsers drop these from a URL before reading its scheme (`java\tscript:` is `javascript:`). */
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Classifies a note link's `href`. Anything not explicitly allowed is `blocked`. Never throws. */
export function classifyHref(href: string | null | undefined): NoteLink {
  if (typeof href !== 'string' || href.length > 2048) return { kind: 'blocked' };
  const compact = href.replace(URL_IGNORED, '');
  if (compact.startsWith('#')) {
    if (!NOTE_URI_ALLOWLIST.test(compact)) return { kind: 'blocked' };
    const link = parseDeepLink(compact);
    // The same precedence as the player's own deep links: a chapter wins over a time.
    if (link.chapter) return { kind: 'chapter', chapterId: link.chapter };
    if (link.time !== undefined) return { kind: 'time', time: link.time };
    return { kind: 'blocked' };
  }
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { kind: 'external', href: href.trim() };
  return { kind: 'blocked' };
}

/** The subset of DOMPurify's options this module sets (kept structural so that this file needs no import). */
export interface NotePurifyConfig {
  ALLOWED_TAGS: string[];
  ALLOWED_ATTR: string[];
  FORBID_TAGS: string[];
  FORBID_ATTR: string[];
  ALLOWED_URI_REGEXP: RegExp;
  ALLOW_DATA_ATTR: false;
  ALLOW_ARIA_ATTR: false;
  ALLOW_UNKNOWN_PROTOCOLS: false;
  KEEP_CONTENT: true;
  RETURN_DOM_FRAGMENT: true;
}

/**
 * DOMPurify options for a note. An allowlist of the elements Markdown produces — no raw-HTML extras, no images,
 * forms, frames, scripts, styles or SVG — and of a few inert attributes; never `style`, never event handlers.
 * `RETURN_DOM_FRAGMENT` hands back nodes, so the view never assigns an HTML string to the DOM (a Trusted Types
 * CSP, planned, will require exactly that). `minHeading` is the highest heading level a note may use (below the
 * chapter heading the view generates).
 */
export function notePurifyConfig(minHeading = 4): NotePurifyConfig {
  const first = Math.min(6, Math.max(1, Math.floor(minHeading)));
  const headings = Array.from({ length: 7 - first }, (_, i) => `h${first + i}`);
  return {
    ALLOWED_TAGS: [
      'p', 'br', 'hr', 'a', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
      'table', 'thead', 'tbody', 'tr', 'th', 'td', ...headings,
    ],
    ALLOWED_ATTR: ['href', 'title', 'start'],
    // Redundant with the allowlist, on purpose: these must never come back through a later edit of it.
    FORBID_TAGS: ['script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'img', 'svg', 'math', 'link', 'meta', 'base', 'template'],
    FORBID_ATTR: ['style', 'src', 'srcset', 'action', 'formaction', 'id', 'name', 'class'],
    ALLOWED_URI_REGEXP: NOTE_URI_ALLOWLIST,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  };
}

/** The part of a marked token this module reads (structural, so that tests can pass plain objects). */
export interface TokenLike {
  type: string;
  depth?: number;
  tokens?: TokenLike[];
  items?: TokenLike[];
}

/**
 * Fits a note's headings under the chapter heading the view generates at `chapterLevel`:
 * - drops the note's leading `#`/`##` heading (it repeats the chapter title: two headings would be read twice);
 * - moves every other heading to at least `chapterLevel + 1` (`###` stays one level below the chapter heading).
 * Mutates and returns `tokens` (a marked TokensList keeps its `links` property this way).
 */
export function fitNoteHeadings<T extends TokenLike>(tokens: T[], chapterLevel: number): T[] {
  const first = tokens.findIndex((t) => t.type !== 'space');
  if (first >= 0 && tokens[first]!.type === 'heading' && (tokens[first]!.depth ?? 9) <= 2) tokens.splice(first, 1);
  // In the notes' convention `###` is one level below the chapter title (`##`).
  const shift = chapterLevel - 2;
  const walk = (list: TokenLike[] | undefined) => {
    for (const token of list ?? []) {
      if (token.type === 'heading' && typeof token.depth === 'number') {
        token.depth = Math.min(6, Math.max(chapterLevel + 1, token.depth + shift));
      }
      walk(token.tokens);
      walk(token.items);
    }
  };
  walk(tokens);
  return tokens;
}
