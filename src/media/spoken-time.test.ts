// The time slider's spoken value, in Node: players and sliders are stand-ins with the two DOM methods it uses.
import { describe, expect, it } from 'vitest';
import { respeakTimes, speakTimesIn, spokenTimeRange } from './spoken-time.ts';

/** Vidstack's English wording of a duration (formatSpokenTime). */
const english = (seconds: number) => `${Math.trunc(seconds / 60)} min ${Math.trunc(seconds % 60)} sec`;

function fakePlayer() {
  const slider = {
    attributes: new Map<string, string>(),
    closest: (selector: string) => (selector === 'media-player' ? player : null),
    setAttribute(name: string, value: string) {
      this.attributes.set(name, value);
    },
  };
  const player = { querySelectorAll: () => [slider] };
  return { player: player as unknown as Element, slider: slider as unknown as Element & { attributes: Map<string, string> } };
}

describe('the time slider’s spoken value', () => {
  it('is in the player’s words, with the lesson’s durations, once the adapter gave them', () => {
    const { player, slider } = fakePlayer();
    expect(spokenTimeRange(slider, 65.9, 229.4, english)).toBe('1 min 5 sec out of 3 min 49 sec');
    const stop = speakTimesIn(player, () => ({ 'out of': 'sur' }));
    expect(spokenTimeRange(slider, 65.9, 229.4, english)).toBe('1 min 5 s sur 3 min 49 s');
    stop();
    expect(spokenTimeRange(slider, 65.9, 229.4, english)).toBe('1 min 5 sec out of 3 min 49 sec');
  });

  it('stays Vidstack’s English where the words have no "out of", or the slider is outside a player', () => {
    const { player, slider } = fakePlayer();
    speakTimesIn(player, () => ({}));
    expect(spokenTimeRange(slider, 3, 10, english)).toBe('0 min 3 sec out of 0 min 10 sec');
    expect(spokenTimeRange(null, 3, 10, english)).toBe('0 min 3 sec out of 0 min 10 sec');
  });

  it('is said again in the new words when the language changes, at the value it had', () => {
    const { player, slider } = fakePlayer();
    let words: Record<string, string> = { 'out of': 'sur' };
    speakTimesIn(player, () => words);
    spokenTimeRange(slider, 125, 229.4, english);
    words = {};
    respeakTimes(player);
    expect(slider.attributes.get('aria-valuetext')).toBe('2 min 5 sec out of 3 min 49 sec');
    words = { 'out of': 'sur' };
    respeakTimes(player);
    expect(slider.attributes.get('aria-valuetext')).toBe('2 min 5 s sur 3 min 49 s');
  });
});
