/**
 * Accessibility fixes for the player library's default video layout, as it runs inside the lesson player's shadow
 * root with its menus kept in the player (`menuContainer`). Plain CSS, no import of the library: the adapter stays
 * its only importer. Checked by tests/e2e/a11y-keyboard.spec.ts and tests/e2e/a11y-visual.spec.ts.
 */
export const mediaA11yStyles = `
/* The menus' container is a div.vds-video-layout without data-match: inside a player the library hides every such
   element (display: none !important), so menus opened invisible, took no focus and ignored arrows and Escape. */
media-player[data-media-player] > div.vds-video-layout:not([data-match]) { display: contents !important; }

/* Focus: a two-tone ring (dark inside, white outside) stays ≥ 3:1 against any video frame or control (WCAG C40).
   The library draws it as a box-shadow; the same colours are set as an outline on the elements it leaves bare. */
media-player {
  --video-focus-ring-color: #ffffff;
  --video-focus-ring: 0 0 0 2px #161616, 0 0 0 5px #ffffff;
}
media-player[data-media-player]:focus-visible {
  outline: 3px solid #ffffff;
  outline-offset: -5px;
  box-shadow: inset 0 0 0 2px #161616, inset 0 0 0 5px #ffffff, inset 0 0 0 7px #161616;
}
media-player .vds-slider:focus-visible,
media-player .vds-slider[data-focus] {
  outline: 2px solid #ffffff;
  outline-offset: -2px;
  box-shadow: inset 0 0 0 4px #161616;
  border-radius: 4px;
}

/* The volume slider opened only on hover: keep it open while it (or the mute button beside it) has the focus. */
media-player .vds-volume:focus-within .vds-volume-slider {
  margin-left: 10px;
  opacity: 1;
  visibility: visible;
  max-width: 72px;
}

/* Target size (WCAG 2.5.8): at least 24 × 24 CSS px for every control, menus included. */
media-player .vds-button { min-width: 24px; min-height: 24px; }
media-player .vds-menu-items { --media-menu-item-height: 40px; }
media-player .vds-radio, media-player .vds-menu-item { min-height: 24px; }
media-player .vds-menu-checkbox { min-width: 40px; min-height: 24px; }
media-player .vds-color-picker { min-width: 24px; min-height: 24px; }

@media (prefers-reduced-motion: reduce) {
  media-player *, media-player *::before, media-player *::after {
    transition-duration: 0s !important;
    animation-duration: 0s !important;
    scroll-behavior: auto !important;
  }
}
@media (forced-colors: active) {
  media-player[data-media-player]:focus-visible,
  media-player .vds-slider:focus-visible,
  media-player .vds-slider[data-focus] { outline-color: Highlight; }
  media-player .vds-button:focus-visible,
  media-player .vds-button[data-focus],
  media-player .vds-menu-item:focus-visible,
  media-player .vds-radio:focus-visible { outline: 3px solid Highlight; outline-offset: -3px; }
}
`;
