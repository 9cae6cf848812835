/**
 * Styles of the player library's time slider, inside the lesson player's shadow root: the chapter marks the adapter
 * adds, and the fill snapped to whole pixels. Plain CSS, no import of the library: the adapter stays its only importer.
 */
export const timeSliderStyles = `
.lesson-slider-marks { position: absolute; inset: 0; pointer-events: none; z-index: 1; }
.lesson-slider-marks span { position: absolute; top: 50%; width: 4px; height: 12px; margin-left: -2px; transform: translateY(-50%);
  background: var(--lesson-mark-color, #ffe600); border: 1px solid #000; border-radius: 1px; }

/* While the video plays, the library moves the fill at every animation frame, by a few hundredths of a pixel for a
   lesson of minutes: each frame was painted and composited again over the video. Snapped to whole pixels, the fill
   changes only when a learner could see it: with the controls shown during playback, the processor time of Chromium's
   software compositing halved (4.5 → 2.1 s per 5 s of playback, the page's own process 1.9 → 1.3 s; measured with
   /proc). round() is guarded: where it is unknown, the library's own rules apply. The library also writes the fill
   only when it moves to another pixel (slider-pixels.ts), which spares the style and layout work of every frame. */
/* The library asks for a compositing layer for each part of the time slider (will-change on the chapters, their fills
   and buffered bars, the thumb, the preview): some thirty layers above the video, composited again with each of its
   frames. Where Chromium composites in software (no GPU acceleration, as on many virtual desktops), 5 s of playback
   with the controls shown cost its compositor 1.27 s of processor time, and 0.81 s without these layers (/proc per
   thread). The fill changes once per pixel, so painting it with the rest of the controls costs less. */
media-player .vds-time-slider, media-player .vds-time-slider * { will-change: auto; }

@supports (width: round(50%, 1px)) {
  media-player .vds-time-slider .vds-slider-track-fill { width: round(var(--slider-fill, 0%), 1px); }
  media-player .vds-time-slider .vds-slider-chapter .vds-slider-track-fill { width: round(var(--chapter-fill, 0%), 1px); }
  media-player .vds-time-slider .vds-slider-thumb { left: round(var(--slider-fill, 0%), 1px); }
}
`;
