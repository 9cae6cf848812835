/**
 * Chapter identifiers: lowercase ASCII slugs, used in `#chapter=` links, note file names and the message API.
 * One rule for the whole project: the manifest, the chapter tracks, deep links and the linter all ask here.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest identifier a link or a message may carry (a bound for untrusted input). */
const MAX_ID_LENGTH = 128;

/** Whether `value` is a usable chapter identifier. */
export function isChapterId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && SLUG_PATTERN.test(value);
}

/** A slug made from any identifier: lowercase ASCII letters and digits joined by single dashes ('' if none). */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
