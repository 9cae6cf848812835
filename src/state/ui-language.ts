/** The languages the player's words exist in, and how a requested language maps to one. DOM-free. */
export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** `en-GB` → en; an empty value is French (the default); anything else is French too, but not supported. */
export function uiLanguage(requested: string): { value: UiLanguage; supported: boolean } {
  const primary = requested.trim().toLowerCase().split('-')[0] ?? '';
  if (primary === '') return { value: 'fr', supported: true };
  const known = UI_LANGUAGES.find((l) => l === primary);
  return known ? { value: known, supported: true } : { value: 'fr', supported: false };
}
