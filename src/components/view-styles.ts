import { css } from 'lit';

/** The host of every panel view: a themed block that `hidden` hides, border-box inside. */
export const viewHostStyles = css`
  :host {
    display: block;
    font-family: var(--lesson-font, system-ui, sans-serif);
    color: var(--lesson-color, #161616);
    background: var(--lesson-background, #fff);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** The views' secondary buttons: outlined in the accent colour, 44 px targets, visible focus, forced colours. */
export const outlinedButtonStyles = css`
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

/** Text for assistive technologies only: kept in the accessibility tree, out of sight. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
