/** The language an element is in, as the page says it: the nearest `lang`, crossing shadow roots. */
export function pageLanguage(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    // Up to the parent, or out of a shadow root to its host: `closest('[lang]')` stops at the root.
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return element.ownerDocument.documentElement.lang || '';
}
