import { css } from 'lit';

/** The buttons of the learner's views (`<lesson-learner>`, `<lesson-my-notes>`): outlined, 44 px targets. */
export const learnerButtonStyles = css`
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.35rem 0.75rem;
    color: var(--lesson-accent, #000091);
    background: var(--lesson-background, #fff);
    border: 1px solid currentColor;
    border-radius: var(--lesson-radius, 4px);
    cursor: pointer;
  }
  button:hover {
    background: var(--lesson-highlight, #e3e3fd);
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--lesson-accent, #000091);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;

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
