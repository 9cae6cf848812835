/** Links to a moment of the lesson, without the DOM. */
import { timeFragment } from './deep-link.ts';

/**
 * The page's address with `#t=<seconds>` in place of its fragment: opening it starts the lesson at that moment.
 * Any other fragment is dropped, since a `#chapter=` left in it would win over the time.
 */
export function momentLink(pageHref: string, seconds: number): string {
  const hash = pageHref.indexOf('#');
  const base = hash < 0 ? pageHref : pageHref.slice(0, hash);
  return `${base}#${timeFragment(seconds)}`;
}
