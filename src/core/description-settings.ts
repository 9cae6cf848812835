/**
 * The learner's audio description settings and their defaults, apart from the scheduler that applies them
 * (description-scheduler.ts): the player reads and remembers them at every load, and fetches the scheduler only
 * when a learner turns description or spoken subtitles on.
 */

export type DescriptionDelivery = 'speech' | 'announce';

/** Why the player announces instead of speaking. */
export type SpeechFallback = 'no-speech' | 'no-voice' | 'error';

export interface DescriptionSettings {
  delivery: DescriptionDelivery;
  /** Speaking rate, 1 = normal. Also scales the time an announced extended description holds the video. */
  rate: number;
  /** Pause the video for a description that does not fit before the next speech. */
  extended: boolean;
}

export const DEFAULT_DESCRIPTION_SETTINGS: Readonly<DescriptionSettings> = Object.freeze({ delivery: 'announce', rate: 1, extended: true });
