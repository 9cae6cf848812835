/**
 * The time slider's spoken value ("1 min 5 s sur 10 min") in the UI language. Vidstack writes it in English
 * ("1 min 5 sec out of 10 min") at every frame of playback, and again whenever the attribute differs from its own
 * text: a translation written after it (a MutationObserver) was undone at the next frame, two writes of
 * `aria-valuetext` per frame while the video played. The build (vite.vidstack-spoken-time.ts) makes Vidstack ask
 * this module for the text, so it writes the UI language's text itself, once a second; the adapter gives each
 * player its words.
 */
import { formatDuration } from '../core/time.ts';

type Words = () => Record<string, string>;
/** Vidstack's English wording of a duration ("1 min 5 sec"). */
type EnglishTime = (seconds: number) => string;

const wordsOf = new WeakMap<Element, Words>();
/** What each slider spoke last, to say it again in another language. */
const spoken = new WeakMap<Element, [time: number, duration: number, english: EnglishTime]>();

/** `player`'s time sliders speak in `words()` ("out of" among them) until the returned function is called. */
export function speakTimesIn(player: Element, words: Words): () => void {
  wordsOf.set(player, words);
  return () => wordsOf.delete(player);
}

/** The text of a time slider's `aria-valuetext` at `time` of `duration` seconds. */
export function spokenTimeRange(slider: Element | null | undefined, time: number, duration: number, english: EnglishTime): string {
  if (slider) spoken.set(slider, [time, duration, english]);
  const player = slider?.closest('media-player');
  const outOf = player ? wordsOf.get(player)?.()['out of'] : undefined;
  return outOf ? `${formatDuration(time)} ${outOf} ${formatDuration(duration)}` : `${english(time)} out of ${english(duration)}`;
}

/** Every time slider of `player` says its value again, in the player's words of now (after a language change). */
export function respeakTimes(player: Element): void {
  for (const slider of player.querySelectorAll('[aria-valuetext]')) {
    const last = spoken.get(slider);
    if (last) slider.setAttribute('aria-valuetext', spokenTimeRange(slider, ...last));
  }
}
