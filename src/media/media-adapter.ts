/**
 * What the lesson needs from a media player, whichever library plays the video. The Vidstack implementation is
 * in vidstack-adapter.ts, the only module that imports vidstack: when Vidstack is folded into Video.js 10, a new
 * adapter implements this interface and nothing else changes.
 */

export interface MediaSourceInit {
  src: string;
  type: string;
}

/** A text track given to the player for its menus. Its cue text is never rendered by the player library. */
export interface MediaTextTrackInit {
  kind: 'captions' | 'subtitles' | 'chapters';
  language: string;
  label: string;
  default?: boolean;
  cues: { id: string; start: number; end: number; text: string }[];
}

export interface MediaSetup {
  title: string;
  /** The lesson's series (else its provider), shown under the title by the system's media controls. */
  artist?: string;
  sources: MediaSourceInit[];
  poster?: string;
  thumbnails?: string;
  /** UI language of the player's own controls. */
  lang: string;
  /** Words of the player's own layout, translated. */
  translations: Record<string, string>;
  textTracks: MediaTextTrackInit[];
  /** An element to show over the video, above the controls' hit area (the lesson's own caption overlay). */
  overlay?: HTMLElement;
  /** A control of the lesson's own, kept in the control bar right after the captions button (audio description). */
  control?: HTMLElement;
  /** Offer the Google Cast button (off by default: pressing it loads Google's script, see `setCast`). */
  cast?: boolean;
  /** A submenu of the lesson's own in the player's settings menu (audio description), described afresh when asked. */
  settingsSubmenu?: () => SettingsSubmenu | null;
}

/** A choice in a settings submenu: one of several values, or on/off. */
export type SettingsEntry =
  | { kind: 'radio'; label: string; value: string; options: { label: string; value: string }[]; onChange(value: string): void }
  | { kind: 'checkbox'; label: string; checked: boolean; onChange(checked: boolean): void };

/** A submenu of the settings menu: its name, its current state in a word (`hint`), and its choices. */
export interface SettingsSubmenu {
  label: string;
  hint: string;
  entries: SettingsEntry[];
}

/** A snapshot pushed by the adapter when playback state changes (not every frame: use `currentTime` for that). */
export interface MediaState {
  paused: boolean;
  ended: boolean;
  duration: number;
  /** Seconds; the media clock as last reported. */
  currentTime: number;
  canPlay: boolean;
  /** True while a seek is in flight. */
  seeking: boolean;
  /**
   * While `seeking`: where the media was when the player's own controls asked for the seek (the media clock reads
   * the target at once, before `seeking` is reported), when the adapter knows it.
   */
  seekFrom?: number | null;
  /**
   * With `seeking` and in the state that ends it: where the media was sent (its clock when it began seeking), when
   * the adapter knows it. The clock reported as the seek ends may already be past it, the video playing on.
   */
  seekTo?: number | null;
  /** Language of the caption or subtitle track showing, or null when captions are off. */
  captionsLanguage: string | null;
  /** A message when the media itself failed to load or decode. */
  error: string | null;
  /** The sources that failed, as given in the setup, when `error` is set. */
  failedSources?: string[];
  /** `decode` when the media loaded but could not be decoded; `load` when no source could be loaded. */
  errorReason?: 'load' | 'decode';
  /** Set when the poster image failed to load. */
  posterError?: string | null;
  /** Set when the adaptive stream failed and the next source (a progressive file) plays instead. */
  streamFallback?: { src: string; reason: string } | null;
}

export interface MediaAdapter {
  /** The element to put in the page. */
  readonly element: HTMLElement;
  /** The media clock, read from the media element itself: exact at the moment of the call. */
  readonly currentTime: number;
  /** The media's playback rate, as of its last `ratechange` (1 before any). */
  readonly playbackRate: number;
  readonly state: MediaState;
  seek(seconds: number): void;
  play(): Promise<void>;
  pause(): void;
  /** Shows the caption track of a language, or hides captions with null. */
  setCaptions(language: string | null): void;
  /**
   * The same media in another language: the title, the controls' words and the text tracks change, while the
   * video keeps playing where it is (and the player library is not torn down mid-frame).
   */
  relabel(setup: Pick<MediaSetup, 'title' | 'artist' | 'lang' | 'translations' | 'textTracks'>): void;
  /** The settings submenu's description changed (see `MediaSetup.settingsSubmenu`): show it again if it is open. */
  refreshSettingsSubmenu(): void;
  /**
   * Shows or removes the Google Cast button. Pressing it loads `cast_sender.js` from www.gstatic.com: a request to
   * a third party that a site must opt in to (and allow in its CSP), so the button is off unless asked for.
   */
  setCast(enabled: boolean): void;
  /** Marks on the time slider, as fractions of the duration (search matches). */
  setSliderMarks(fractions: readonly number[], label: string): void;
  /** Called with each state change. Returns an unsubscribe function. */
  subscribe(listener: (state: MediaState) => void): () => void;
  destroy(): void;
}

export type MediaAdapterFactory = (setup: MediaSetup) => MediaAdapter;
