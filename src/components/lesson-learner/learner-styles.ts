/**
 * Sets the width of each `[data-share]` bar (0 to 1) through the CSSOM: a `style` attribute (which Lit's
 * `styleMap` writes on first render) is inline style that a strict CSP (`style-src 'self'`) blocks.
 */
export function applyShareWidths(root: ParentNode): void {
  for (const bar of root.querySelectorAll<HTMLElement>('[data-share]')) {
    const share = Number(bar.dataset.share);
    bar.style.width = `${Math.round(Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0)) * 100)}%`;
  }
}
