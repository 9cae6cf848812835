/** The language an element is in, as the page says it: the nearest `lang`, crossing shadow roots. */
export function pageLanguage(element: Element): string {
  return element.getAttribute('lang') || languageAround(element);
}

/** The nearest `lang` above an element, out of shadow roots too (`closest('[lang]')` stops at the root), else the page's. */
export function languageAround(element: Element): string {
  let node = parentOrHost(element);
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = parentOrHost(node);
  }
  return element.ownerDocument.documentElement.lang || '';
}

function parentOrHost(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host as Element | undefined) ?? null;
}
