import { css } from 'lit';

export const playerStyles = css`
  :host {
    --lesson-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
    --lesson-color: #161616;
    --lesson-muted-color: #3a3a3a;
    --lesson-background: #ffffff;
    --lesson-surface: #f6f6f6;
    --lesson-border: #929292;
    --lesson-accent: #000091;
    --lesson-highlight: #e3e3fd;
    --lesson-error: #ce0500;
    --lesson-radius: 4px;
    display: block;
    font-family: var(--lesson-font);
    color: var(--lesson-color);
    background: var(--lesson-background);
    line-height: 1.5;
    text-align: start;
  }
  :host([layout='fill']) {
    height: 100%;
    overflow: auto;
  }
  /* Host pages may restyle <lesson-player> itself (even "* { all: revert }"): the frame re-asserts what the
     player depends on. Its font size is the reader's preferred one ("medium"), not the host's root size. */
  .frame {
    display: block;
    container-type: inline-size;
    font-family: var(--lesson-font);
    font-size: var(--lesson-font-size, medium);
    color: var(--lesson-color);
    background: var(--lesson-background);
    line-height: 1.5;
    text-align: start;
  }
  :host([layout='fill']) .frame {
    height: 100%;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --lesson-color: #eeeeee;
      --lesson-muted-color: #cecece;
      --lesson-background: #161616;
      --lesson-surface: #242424;
      --lesson-border: #8a8a8a;
      --lesson-accent: #8585f6;
      --lesson-highlight: #2f2f6a;
      --lesson-error: #ff8b8b;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .lesson {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  @container (min-width: 1024px) {
    .lesson[data-panels='all'] {
      grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
      align-items: start;
    }
    .lesson[data-panels='all'] .main {
      grid-column: 1;
    }
    .lesson[data-panels='all'] .side {
      grid-column: 2;
      grid-row: span 2;
      position: sticky;
      top: 0;
    }
    .lesson[data-panels='all'] .notes {
      grid-column: 1;
    }
    .errors,
    .loading,
    .failed,
    .status-line {
      grid-column: 1 / -1;
    }
  }
  .main {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .media {
    min-width: 0;
    aspect-ratio: 16 / 9;
    background: #000;
    border-radius: var(--lesson-radius);
    overflow: hidden;
  }
  .media:focus-visible {
    outline: 3px solid var(--lesson-accent);
    outline-offset: 2px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .current-chapter {
    margin: 0;
    font-size: 1em;
  }
  /* The audio description toggle in Vidstack's control bar: "AD" drawn like its caption icon, filled when on. */
  .lesson-ad-button[hidden] {
    display: none;
  }
  .lesson-ad-mark {
    font: 700 0.8rem/1 system-ui, sans-serif;
    border: 2px solid currentColor;
    border-radius: 4px;
    padding: 2px 3px;
  }
  .lesson-ad-button[aria-pressed='true'] .lesson-ad-mark {
    background: #fff;
    border-color: #fff;
    color: #000;
  }
  .tabs {
    display: none;
  }
  /* The fill layout (embed.html) in a narrow frame: one of video, chapters, transcript, notes at a time. */
  @container (max-width: 1023.98px) {
    .lesson[data-layout='fill'][data-status='ready'] {
      height: 100%;
      grid-template-rows: auto minmax(0, 1fr);
      gap: 0;
    }
    .lesson[data-layout='fill'] .tabs {
      display: flex;
      overflow-x: auto;
      border-block-end: 1px solid var(--lesson-border);
    }
    .tabs [role='tab'] {
      flex: 1 0 auto;
      min-height: 44px;
      padding: 0.25em 0.75em;
      font: inherit;
      color: var(--lesson-color);
      background: transparent;
      border: 0;
      border-block-end: 4px solid transparent;
      cursor: pointer;
    }
    .tabs [role='tab'][aria-selected='true'] {
      font-weight: 700;
      border-block-end-color: var(--lesson-accent);
    }
    .tabs [role='tab']:focus-visible {
      outline: 3px solid var(--lesson-accent);
      outline-offset: -3px;
    }
    .lesson[data-layout='fill'] :is(.main, .side, .notes) {
      min-height: 0;
      overflow: auto;
    }
    .lesson[data-layout='fill'] .main {
      grid-template-rows: minmax(0, 1fr) auto;
      gap: 0.25em;
    }
    .lesson[data-layout='fill'] .media {
      height: 100%;
      max-width: 100%;
      justify-self: center;
    }
    .lesson[data-layout='fill'] .media media-player {
      height: 100%;
    }
    .lesson[data-layout='fill'] .toolbar {
      padding-inline: 0.5em;
    }
    .lesson[data-layout='fill'] :is(.side, .notes, .chapters) {
      padding: 0.5em;
    }
    .lesson[data-layout='fill'][data-tab='chapters'] .main {
      grid-template-rows: auto;
    }
    .lesson[data-layout='fill']:not([data-tab='video']) :is(.media, .toolbar),
    .lesson[data-layout='fill']:not([data-tab='chapters']) .chapters,
    .lesson[data-layout='fill']:not([data-tab='transcript']) .side,
    .lesson[data-layout='fill']:not([data-tab='notes']) .notes,
    .lesson[data-layout='fill'][data-tab='transcript'] .main,
    .lesson[data-layout='fill'][data-tab='notes'] .main {
      display: none;
    }
  }
  .current-chapter .label {
    color: var(--lesson-muted-color);
  }
  .current-chapter .label::after {
    content: ' —';
  }
  .current-chapter .title {
    font-weight: 700;
  }
  .loading,
  .failed {
    margin: 0;
  }
  .failed {
    font-weight: 700;
    color: var(--lesson-error);
  }
`;
