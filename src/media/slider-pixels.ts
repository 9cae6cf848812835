/**
 * The time slider's fill is written when it moves by a whole pixel. While the video plays, the library writes its
 * fill (`--slider-fill` on the slider, `--chapter-fill` on the chapter being filled) at every animation frame, by a
 * few hundredths of a pixel for a lesson of minutes: each write had Chromium recompute the slider's styles and layout
 * at every frame, although time-slider-styles.ts shows the fill in whole pixels. The build
 * (vite.vidstack-slider-pixels.ts) makes the library write through `setPercentVar`, which skips a value that lands
 * on the pixel already shown. Until an element's width is known, and for 0 % and 100 %, every value is written.
 */

/** Width in CSS pixels of each element written to, kept by one ResizeObserver while the element is in a document. */
const widths = new WeakMap<Element, number>();
/** The whole pixel each custom property last stood for, per element: `${width}:${pixel}`. */
const shown = new WeakMap<Element, Map<string, string>>();
let resizes: ResizeObserver | undefined;

function widthOf(element: Element): number | undefined {
  if (!widths.has(element) && typeof ResizeObserver === 'function') {
    resizes ??= new ResizeObserver((entries) => {
      for (const { target, contentRect } of entries) {
        // Removed from its document: no longer watched (put back, it is watched again at its next write).
        if (target.isConnected) widths.set(target, contentRect.width);
        else {
          resizes!.unobserve(target);
          widths.delete(target);
        }
      }
    });
    widths.set(element, Number.NaN);
    resizes.observe(element);
  }
  const width = widths.get(element);
  return width && width > 0 ? width : undefined;
}

/** Sets `name` to `percent`% on `element`'s inline style, unless it would show the same whole pixel as now. */
export function setPercentVar(element: HTMLElement | null | undefined, name: string, percent: number): void {
  if (!element) return;
  const width = widthOf(element);
  const pixel = width === undefined || percent <= 0 || percent >= 100 ? `exact:${percent}` : `${width}:${Math.round((percent / 100) * width)}`;
  let last = shown.get(element);
  if (!last) shown.set(element, (last = new Map()));
  if (last.get(name) === pixel) return;
  last.set(name, pixel);
  element.style.setProperty(name, `${percent}%`);
}
