import { css } from 'lit';

/**
 * Colours: the defaults give ≥ 4.5:1 for text on the background, on the current-line highlight and on both
 * search marks; the accent (focus ring, current-line bar) is ≥ 3:1 against both backgrounds.
 */
export const transcriptStyles = css`
  :host {
    --_accent: var(--lesson-accent, #000091);
    --_color: var(--lesson-color, #161616);
    --_background: var(--lesson-background, #ffffff);
    --_highlight: var(--lesson-highlight, #e3e3fd);
    --_radius: var(--lesson-radius, 0.25rem);
    --_muted: color-mix(in srgb, var(--_color) 82%, var(--_background));
    display: block;
    font-family: var(--lesson-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_color);
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .title {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  /* ——— Search ——— */
  .search {
    margin-bottom: 0.5rem;
  }
  .search label {
    display: block;
    margin-bottom: 0.25rem;
    font-size: 0.875rem;
  }
  .search-row {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    flex-wrap: wrap;
  }
  input[type='search'] {
    flex: 1 1 10rem;
    min-width: 0;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    font: inherit;
    color: var(--_color);
    background: var(--_background);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  /* Our own clear button replaces the browser's, which the keyboard cannot reach. */
  input[type='search']::-webkit-search-cancel-button {
    display: none;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0;
    font: inherit;
    color: var(--_color);
    background: var(--_background);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .icon-button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  .icon-button svg,
  .copy svg {
    width: 1.125rem;
    height: 1.125rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .search-status {
    flex: 0 0 auto;
    min-width: 6ch;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  /* ——— Lines ——— */
  .body {
    position: relative;
  }
  .scroller {
    max-height: var(--lesson-transcript-height, 28rem);
    overflow-y: auto;
    /* Reaching the end of the transcript must not start scrolling the page. */
    overscroll-behavior: contain;
    border: 1px solid color-mix(in srgb, var(--_color) 25%, var(--_background));
    border-radius: var(--_radius);
  }
  .chapter {
    /* A long lesson renders only the chapters near the view; the size estimate is set per chapter. */
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  /* A windowed (long) transcript builds only the blocks of lines near the view: no need to skip rendering. */
  .windowed .chapter {
    content-visibility: visible;
  }
  /* A description of what is on screen: set apart from the speech, and not a line to play. */
  .description {
    margin: 0.25em 0 0.5em;
    padding: 0.2em 0.5em;
    border-inline-start: 3px solid var(--lesson-muted-color, #555);
    color: var(--lesson-muted-color, #555);
    font-style: italic;
  }
  .chapter-title {
    margin: 0;
    padding: 0.75rem 0.75rem 0.25rem;
    font-size: 1rem;
    line-height: 1.3;
  }
  .lines {
    margin: 0;
    padding: 0 0 0.25rem;
    list-style: none;
  }
  .row {
    position: relative;
    display: flex;
    align-items: flex-start;
    /* Room for the copy button, which only some rows have: it never reflows the text when it comes. */
    padding-right: 2.25rem;
    border-radius: var(--_radius);
  }
  .line {
    flex: 1 1 auto;
    display: flex;
    gap: 0.75rem;
    min-height: 1.75rem;
    padding: 0.3rem 0.5rem 0.3rem 0.75rem;
    line-height: 1.45;
    border-radius: var(--_radius);
    cursor: pointer;
    /* The bar of the current line is drawn inside the box: it never moves the text. */
    box-shadow: inset 0.25rem 0 0 transparent;
  }
  .line:hover {
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
  }
  .time {
    flex: 0 0 auto;
    min-width: 3.5ch;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  /* Prose: a caption's line breaks are spaces here (the captions over the video keep them), and a line of text
     stays within a comfortable reading width at every size. */
  .text {
    flex: 1 1 auto;
    max-width: 70ch;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .cue-v[data-voice]::before {
    content: attr(data-voice) '\\00a0: ';
    font-style: italic;
  }
  /* The speaker's name shows when the speaker changes, not on each of their lines. */
  .text .cue-v.voice-continues::before {
    content: none;
  }
  /* The passage opened from a link: a band of its own, under the current line's highlight when they meet. */
  .row.in-passage {
    background: var(--lesson-passage-highlight, #fdf2c4);
  }
  .row.is-active {
    background: var(--_highlight);
  }
  .row.is-active .line {
    box-shadow: inset 0.25rem 0 0 var(--_accent);
  }
  .line:focus {
    outline: none;
  }
  .line:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
  }
  .copy {
    position: absolute;
    top: 0.1rem;
    right: 0.25rem;
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    margin: 0;
    padding: 0;
    color: var(--_color);
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
    /* Only the current line, the tab stop's and the hovered one have the button; shown where it is useful. */
    opacity: 0;
  }
  .row:hover .copy,
  .row:focus-within .copy,
  .row.is-active .copy,
  .copy:focus-visible {
    opacity: 1;
  }
  .copy:hover {
    border-color: var(--_muted);
  }
  .copy:focus-visible,
  .icon-button:focus-visible,
  .resume:focus-visible,
  input[type='search']:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (hover: none) {
    .copy {
      opacity: 1;
    }
  }

  /* Search matches. Without the highlight API, the lines holding a match get a side mark instead. */
  ::highlight(lesson-transcript-match) {
    background-color: #ffe552;
    color: #161616;
  }
  ::highlight(lesson-transcript-current-match) {
    background-color: #000091;
    color: #ffffff;
  }
  :host([data-no-highlight-api]) .row.has-match .text,
  :host([data-no-highlight-api]) .description.has-match span {
    text-decoration: underline wavy;
  }
  :host([data-no-highlight-api]) .row.is-current-match .text,
  :host([data-no-highlight-api]) .description.is-current-match span {
    outline: 2px solid var(--_accent);
  }

  /* Screen readers get the keys from aria-keyshortcuts; sighted keyboard users see them while in the list. */
  .keys-hint {
    display: none;
    margin: 0.25rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .transcript:has(.line:focus-visible) .keys-hint {
    display: block;
  }

  /* ——— Follow mode ——— */
  .resume {
    position: absolute;
    left: 50%;
    bottom: 0.75rem;
    transform: translateX(-50%);
    min-height: 2.25rem;
    padding: 0.35rem 0.9rem;
    font: inherit;
    font-size: 0.875rem;
    color: #ffffff;
    background: var(--_accent);
    border: 2px solid #ffffff;
    border-radius: 999px;
    box-shadow: 0 0.125rem 0.5rem rgb(0 0 0 / 0.3);
    cursor: pointer;
  }
  .passage-shared {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
  }
  .passage-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .passage-actions button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    font-size: 0.875rem;
    color: var(--_color);
    background: var(--_background);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .passage-actions button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .fallback {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  .fallback input {
    display: block;
    width: 100%;
    min-height: 2rem;
    margin-top: 0.25rem;
    font: inherit;
  }

  @media (forced-colors: active) {
    .row.in-passage {
      outline: 1px dashed CanvasText;
    }
    .row.is-active .line {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    .row.is-active .time {
      color: HighlightText;
    }
    .line:focus-visible,
    .copy:focus-visible,
    .icon-button:focus-visible,
    .resume:focus-visible {
      outline-color: CanvasText;
    }
    .row.is-active .line:focus-visible {
      outline-color: HighlightText;
      outline-offset: -5px;
    }
    .copy {
      opacity: 1;
    }
    .resume {
      border-color: ButtonText;
    }
    ::highlight(lesson-transcript-match) {
      background-color: Mark;
      color: MarkText;
    }
    ::highlight(lesson-transcript-current-match) {
      background-color: CanvasText;
      color: Canvas;
    }
  }
`;
