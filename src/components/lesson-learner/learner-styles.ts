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
