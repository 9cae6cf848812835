/** A chapter identifier: a lowercase ASCII slug, used in `#chapter=` links and note file names. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
