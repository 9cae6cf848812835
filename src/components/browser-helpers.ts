/**
 * Small browser questions several views ask, answered in one place so that each answers them the same way.
 */

/** Whether the reader asked the system for less motion (smooth scrolling becomes a jump). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Writes `text` to the clipboard. Resolves false where the page may not (no Clipboard API, an insecure context,
 * permission refused), so that the view can offer the text to copy by hand instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
