/**
 * Embed snippets (the iframe and the web component) and embed sizes, shared by the player's "Embed" dialog and
 * the `lesson-player oembed` command. DOM-free; every value put in an attribute is escaped.
 */

/** Escapes text for a double-quoted HTML attribute value (and for text content). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface EmbedLink {
  /** Absolute URL of `embed.html`. */
  embedPage: string;
  /** Absolute URL of the lesson manifest. */
  manifest: string;
  /** Start time in seconds (floored); omitted when undefined or 0. */
  start?: number;
  lang?: string;
}

/** `…/embed.html?lesson=<manifest>&t=83&lang=en`. */
export function embedUrl({ embedPage, manifest, start, lang }: EmbedLink): string {
  const url = new URL(embedPage);
  url.search = '';
  url.searchParams.set('lesson', manifest);
  if (start !== undefined && Math.floor(start) > 0) url.searchParams.set('t', String(Math.floor(start)));
  if (lang) url.searchParams.set('lang', lang);
  return url.href;
}

/** The space an embed needs: 16:9 video plus the height of the panels' tab bar. */
export const EMBED_TAB_BAR = 48;
export const EMBED_DEFAULT_WIDTH = 960;
export const EMBED_MIN_WIDTH = 200;

/** Width and height for an embed, honouring optional maxima (oEmbed `maxwidth`/`maxheight`). */
export function embedSize(maxWidth?: number, maxHeight?: number): { width: number; height: number } {
  let width = Math.max(EMBED_MIN_WIDTH, Math.min(EMBED_DEFAULT_WIDTH, maxWidth ?? Infinity));
  let height = Math.round((width * 9) / 16) + EMBED_TAB_BAR;
  if (maxHeight !== undefined && height > maxHeight) {
    height = Math.max(EMBED_TAB_BAR + 1, Math.floor(maxHeight));
    width = Math.floor(((height - EMBED_TAB_BAR) * 16) / 9);
  }
  if (maxWidth !== undefined) width = Math.min(width, Math.floor(maxWidth));
  return { width, height };
}

export function iframeSnippet(src: string, title: string, width = EMBED_DEFAULT_WIDTH, height = embedSize(width).height): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}"` +
    ` style="border:0;max-width:100%" allow="fullscreen; picture-in-picture; clipboard-write" allowfullscreen loading="lazy"></iframe>`
  );
}

export function componentSnippet(scriptUrl: string, manifest: string, start?: number, lang?: string): string {
  const startAttr = start !== undefined && Math.floor(start) > 0 ? ` start="${Math.floor(start)}"` : '';
  const langAttr = lang ? ` lang="${escapeAttribute(lang)}"` : '';
  return (
    `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n` +
    `<lesson-player lesson="${escapeAttribute(manifest)}"${langAttr}${startAttr}></lesson-player>`
  );
}
