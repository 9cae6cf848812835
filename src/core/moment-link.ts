/** Links to a moment of the lesson, without the DOM. */
import { passageFragment, timeFragment } from './deep-link.ts';

/**
 * The page's address with `#t=<seconds>` in place of its fragment: opening it starts the lesson at that moment.
 * Any other fragment is dropped, since a `#chapter=` left in it would win over the time.
 */
export function momentLink(pageHref: string, seconds: number): string {
  return `${withoutFragment(pageHref)}#${timeFragment(seconds)}`;
}

/** The page's address with `#t=<start>,<end>`: opening it plays the passage and pauses once at its end. */
export function passageLink(pageHref: string, start: number, end: number): string {
  return `${withoutFragment(pageHref)}#${passageFragment(start, end)}`;
}

function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}
