/**
 * The Vidstack implementation of MediaAdapter: the only module that imports vidstack.
 *
 * Vidstack's own caption overlay decodes entity-escaped markup in cue text into innerHTML. So caption and subtitle
 * tracks are handed to Vidstack with empty cue text: its menus (on/off, language, caption styles) keep working, and
 * the lesson's own overlay, built from text nodes, shows the words.
 */
// Before vidstack: its modules assign static markup to innerHTML as they load (see trusted-types.ts).
import './trusted-types.ts';
// Before vidstack: it reads localStorage as it loads, which throws where storage is refused (see storage-guard.ts).
import './storage-guard.ts';
import 'vidstack/player';
import 'vidstack/player/layouts/default';
import 'vidstack/player/ui';
import type { MediaPlayerElement } from 'vidstack/elements';
import themeCss from 'vidstack/player/styles/default/theme.css?inline';
import videoLayoutCss from 'vidstack/player/styles/default/layouts/video.css?inline';
import { HLS_MEDIA_TYPE } from '../core/manifest.ts';
import { streamFaults, type StreamFaultSignal } from '../core/stream-faults.ts';
import { configureHlsProvider } from './hls-library.ts';
import { mediaA11yStyles } from './media-a11y-styles.ts';
import { timeSliderStyles } from './time-slider-styles.ts';
import type { MediaAdapter, MediaSetup, MediaState } from './media-adapter.ts';
import { keepFocusedControlsShown } from './focused-controls.ts';
import { keepSubmenuInSettings } from './settings-submenu.ts';
import { respeakTimes, speakTimesIn } from './spoken-time.ts';

/** Styles the player library needs, for the shadow root that hosts it, plus the overlay's place under Vidstack's controls. */
export const mediaStyles = `${themeCss}\n${videoLayoutCss}
media-player { display: block; width: 100%; }
media-player .lesson-media-overlay { position: absolute; inset: 0; z-index: 1; pointer-events: none; }
media-player[data-controls] .lesson-media-overlay { --lesson-captions-lift: var(--lesson-controls-height, 3.5em); }
media-player .vds-captions { display: none !important; }
/* The Google Cast button, unless the site asked for it (setCast): out of sight, of the tab order and of the
   accessibility tree, so it can never be pressed. */
media-player:not([data-lesson-cast]) .vds-google-cast-tooltip { display: none !important; }
/* Vidstack's templates set these inline; trusted-types.ts drops the inline styles (CSP style-src 'self'). The small
   layout's play row lets clicks through to the video: !important as its inline style was, above the layout's rules. */
media-player video { max-width: unset; }
media-player .lesson-pass-through { pointer-events: none !important; }
${timeSliderStyles}
${mediaA11yStyles}`;

export function createVidstackAdapter(setup: MediaSetup): MediaAdapter {
  const player = document.createElement('media-player') as MediaPlayerElement;
  player.setAttribute('playsinline', '');
  player.setAttribute('crossorigin', '');
  player.setAttribute('lang', setup.lang);
  player.title = setup.title;
  player.artist = setup.artist ?? '';
  player.setAttribute('aria-label', regionLabel(setup));
  player.keyTarget = 'player';
  player.toggleAttribute('data-lesson-cast', setup.cast ?? false);
  const provider = document.createElement('media-provider');
  player.append(provider);
  if (setup.poster) {
    const poster = document.createElement('media-poster');
    poster.className = 'vds-poster';
    poster.setAttribute('src', setup.poster);
    poster.setAttribute('alt', '');
    provider.append(poster);
  }
  if (setup.overlay) {
    setup.overlay.classList.add('lesson-media-overlay');
    player.append(setup.overlay);
  }
  const layout = document.createElement('media-video-layout');
  // Menus stay inside the player (and its shadow root), not appended to document.body.
  Object.assign(layout, {
    translations: setup.translations,
    menuContainer: player,
    // The thumbnails wait for the video (below).
    thumbnails: null,
    colorScheme: 'dark',
  });
  player.append(layout);
  const placeControl = keepControlBesideCaptions(layout, setup.control);
  // The player, not the layout: the settings menu's items are moved into it (`menuContainer`) when they open.
  const settingsSubmenu = keepSubmenuInSettings(player, setup.settingsSubmenu ?? (() => null));
  const stopKeepingFocusedControls = keepFocusedControlsShown(player);
  // HLS plays through hls.js wherever Media Source Extensions work (Vidstack's choice: it gives the quality menu and
  // the recovery below), natively only where they do not (iPhone). hls.js comes from this build, never from the CDN
  // Vidstack defaults to (its provider preconnects to that URL as soon as it exists, so this is set at once).
  const onProviderChange = (event: Event) => {
    const provider = (event as CustomEvent<({ type?: string } & Parameters<typeof configureHlsProvider>[0]) | null>).detail;
    if (provider?.type === 'hls') configureHlsProvider(provider);
  };
  player.addEventListener('provider-change', onProviderChange);
  const setSources = (sources: readonly MediaSetup['sources'][number][]) => {
    player.src = sources.map((s) => ({ src: s.src, type: s.type })) as MediaPlayerElement['src'];
  };
  setSources(setup.sources);

  addTextTracks(player, setup.textTracks);
  let currentTranslations = setup.translations;
  const vidstackWords = translateVidstackWords(player, () => currentTranslations);

  const listeners = new Set<(state: MediaState) => void>();
  let state: MediaState = { paused: true, ended: false, duration: 0, currentTime: 0, canPlay: false, seeking: false, captionsLanguage: null, error: null };
  // Set by onSeekRequest below (declared here: Vidstack calls the subscriber at once).
  let seekFrom: number | null = null;
  let seekTo: number | null = null;
  let wasSeeking = false;
  // Set by onError and the stream's faults below (declared here: Vidstack calls the subscriber at once).
  const failed = new Set<string>();
  const nextSources = () => setup.sources.filter((s) => !failed.has(s.src));
  let loadError: string | null = null;
  let streamFallback: MediaState['streamFallback'] = null;
  // The stream's faults (below): its media faults, counted once each, and the resumption pending after a fallback.
  const currentStream = () => setup.sources.find((s) => s.src === player.state.source?.src);
  let faultReason = 'decode error';
  const mediaFaults = streamFaults({
    recover: () => (player.provider as { instance?: { recoverMediaError(): void } } | null)?.instance?.recoverMediaError(),
    leave: () => {
      const stream = currentStream();
      if (stream) leaveStream(stream, faultReason);
    },
  });
  const mediaFault = (signal: StreamFaultSignal, reason: string) => {
    faultReason = reason;
    mediaFaults.fault(signal);
  };
  // Vidstack keeps a media error in its state, and calls its subscribers again with it: counted once.
  let seenDecodeError: unknown = null;
  let stopResume: (() => void) | null = null;
  let posterError: string | null = null;
  let thumbnailsWaiting = Boolean(setup.thumbnails);
  const unsubscribe = player.subscribe(({ paused, ended, duration, currentTime, canPlay, seeking, textTrack, error, source }) => {
    // The error of a stream being left for the next source (below) is not the lesson's: the next source plays.
    if (error && typeof source?.src === 'string' && failed.has(source.src) && nextSources().length) error = null;
    // A segment the browser cannot decode, while streaming: hls.js's recovery once, then the next source.
    if (error?.code === 3 && source?.type === HLS_MEDIA_TYPE) {
      if (error !== seenDecodeError) queueMicrotask(() => mediaFault('element', 'decode error'));
      seenDecodeError = error;
      error = null;
    }
    const captionsLanguage =
      textTrack && (textTrack.kind === 'captions' || textTrack.kind === 'subtitles') ? textTrack.language || null : null;
    state = {
      paused,
      ended,
      duration: Number.isFinite(duration) ? duration : 0,
      currentTime,
      canPlay,
      seeking,
      seekFrom,
      seekTo,
      captionsLanguage,
      error: error ? error.message || 'media error' : null,
      // MEDIA_ERR_DECODE (3) is a file that loaded but is broken; aborted, network and unsupported ones did not load.
      errorReason: error ? (error.code === 3 ? 'decode' : 'load') : undefined,
    };
    // The seek bar's thumbnails (a sprite of about 100 kB, its WebVTT read twice by the layout) come once the video
    // can play: on a slow network they would share it with the video's first frame.
    if (canPlay && thumbnailsWaiting) {
      thumbnailsWaiting = false;
      queueMicrotask(() => Object.assign(layout, { thumbnails: setup.thumbnails }));
    }
    // A seek that ended: the next one starts afresh.
    if (!seeking && wasSeeking) seekFrom = seekTo = null;
    wasSeeking = seeking;
    emit();
  });

  // Load failures Vidstack does not report: it puts only the first playable source in a <source> element, whose
  // error (404, 500, network, not a video) leaves video.error null. Try the next source; when none is left, report
  // them all. The poster's <img> error is reported the same way. Error events do not bubble: listen in capture.
  const absolute = (src: string) => new URL(src, document.baseURI).href;
  const onError = (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLImageElement && target.closest('media-poster')) {
      posterError = 'the poster image could not be loaded';
      return emit();
    }
    if (!(target instanceof HTMLSourceElement) && !(target instanceof HTMLVideoElement && target.networkState === target.NETWORK_NO_SOURCE)) return;
    const url = target instanceof HTMLSourceElement ? target.src : target.currentSrc || target.src;
    const source = setup.sources.find((s) => absolute(s.src) === url);
    // The stream's playlist failing in a <source>: with hls.js, it says so itself once it has set up (leaving now
    // would race its setup, which then takes the video back); played natively, this is the only word of it.
    if (source?.type === HLS_MEDIA_TYPE) return player.provider?.type === 'hls' ? undefined : leaveStream(source, 'playlist not loaded');
    if (source) failed.add(source.src);
    if (source && nextSources().length) return setSources(nextSources());
    loadError = 'none of the media sources could be loaded';
    emit();
  };
  player.addEventListener('error', onError, true);

  // The adaptive stream's faults: a playlist or segment that cannot be loaded (after hls.js's retry), or a second
  // segment that cannot be demuxed or decoded (after one recovery: see stream-faults.ts) make the next source play
  // from where the stream stopped, and the learner is told (state.streamFallback).
  const onStreamError = (event: Event) => {
    const fault = (event as CustomEvent<{ fatal?: boolean; type?: string; details?: string }>).detail;
    const reason = fault?.details ?? fault?.type ?? 'error';
    if (fault?.type === 'mediaError' && (fault.fatal || fault.details === 'mediaSourceRequiresReset')) {
      return mediaFault(fault.fatal ? 'fatal' : 'reset', reason);
    }
    const stream = fault?.fatal ? currentStream() : undefined;
    if (stream) leaveStream(stream, reason);
  };
  const onStreamAttached = () => mediaFaults.attached();
  function leaveStream(stream: MediaSetup['sources'][number], reason: string) {
    if (failed.has(stream.src)) return;
    failed.add(stream.src);
    if (!nextSources().length) {
      loadError = 'none of the media sources could be loaded';
      return emit();
    }
    streamFallback = { src: stream.src, reason };
    stopResume?.();
    stopResume = resumeAfterFallback(player, video()?.currentTime ?? player.currentTime, !player.state.paused);
    setSources(nextSources());
    emit();
  }
  player.addEventListener('hls-error', onStreamError);
  player.addEventListener('hls-media-attached', onStreamAttached);

  // Vidstack keeps the last 'seeking' event of the first player on the page for the life of the page (a module-level
  // effect of its caption settings closes over that player, whose seeking throttle holds its last call). An event
  // keeps the path it was dispatched along, up through our shadow root to the <lesson-player>: dispatched again on
  // a lone node when the media goes, it no longer reaches the removed player.
  // The latest few only (Vidstack's own event and the video's native one it was triggered by).
  const seekEvents: Event[] = [];
  const onSeekEvent = (event: Event) => {
    seekEvents.splice(0, seekEvents.push(event) - 4);
    // The video's own 'seeking': its clock is the target now (Vidstack's state reports it later, played on).
    if (event.type === 'seeking' && event.target instanceof HTMLVideoElement) seekTo = event.target.currentTime;
  };
  for (const type of SEEK_EVENTS) player.addEventListener(type, onSeekEvent, true);
  // The time slider and the keys ask Vidstack to seek with request events: heard in capture, before Vidstack sets
  // the video's clock, they say where the seek starts (the lesson's xAPI `seeked` and its watched time need it).
  const onSeekRequest = () => {
    const at = video()?.currentTime;
    if (seekFrom === null && at !== undefined) seekFrom = at;
  };
  for (const type of SEEK_REQUESTS) player.addEventListener(type, onSeekRequest, true);
  function emit() {
    state = {
      ...state,
      ...(loadError && !state.error ? { error: loadError, errorReason: 'load' as const, failedSources: [...failed] } : {}),
      posterError,
      streamFallback,
    };
    for (const listener of listeners) listener(state);
  }

  const video = () => player.querySelector('video');
  let marks: HTMLElement | null = null;
  /** Plays asked for before the media could play, each waiting for it (settled by destroy). */
  const waitingPlays = new Set<() => void>();

  return {
    element: player,
    get currentTime() {
      return video()?.currentTime ?? player.currentTime;
    },
    // Vidstack's state follows the media's \`ratechange\`: read every frame while playing, it spares a DOM query.
    get playbackRate() {
      return player.state.playbackRate;
    },
    get state() {
      return state;
    },
    seek(seconds) {
      seekFrom = seekTo = null; // the lesson's own seek: the store knows where it started and where it goes
      player.currentTime = seconds;
    },
    play() {
      const element = video();
      // Vidstack pauses its video when it leaves the page, even when it is put back in the same task (a move), and
      // its state hears of it only with the 'pause' event, later: until then its play() does nothing.
      if (player.state.canPlay && element?.paused && !player.state.paused) return element.play();
      if (player.state.canPlay) return player.play();
      // Vidstack loads the media once the player is visible (load="visible"): a play asked for before that (a
      // player below the fold, driven by the page's script) starts the loading, and plays once it can.
      player.startLoading();
      return new Promise<void>((resolve, reject) => {
        let stop: (() => void) | null = null;
        let started = false;
        const finish = (settle: () => void) => {
          stop?.();
          stop = null;
          waitingPlays.delete(release);
          settle();
        };
        const release = () => finish(resolve);
        waitingPlays.add(release);
        stop = player.subscribe(({ canPlay }) => {
          if (!canPlay || started) return;
          started = true;
          // Out of Vidstack's effect (and after `stop` is set) before asking it to play.
          queueMicrotask(() => player.play().then(release, (error: unknown) => finish(() => reject(error))));
        });
      });
    },
    pause() {
      void player.pause();
    },
    relabel({ title, artist, lang, translations, textTracks }) {
      player.title = title;
      player.artist = artist ?? '';
      player.setAttribute('lang', lang);
      player.setAttribute('aria-label', regionLabel({ title, translations }));
      Object.assign(layout, { translations: (currentTranslations = translations) });
      vidstackWords.apply();
      const showing = state.captionsLanguage;
      // The new tracks before the old ones go: with no caption track for a moment, Vidstack renders its settings menu
      // again and that menu stays empty once opened (seen after every language change).
      const old = player.textTracks.toArray();
      addTextTracks(player, textTracks);
      for (const track of old) player.textTracks.remove(track);
      if (showing) this.setCaptions(showing);
    },
    setCaptions(language) {
      for (const track of player.textTracks.toArray()) {
        if (track.kind !== 'captions' && track.kind !== 'subtitles') continue;
        if (language !== null && track.language === language) track.mode = 'showing';
        else if (track.mode === 'showing') track.mode = 'disabled';
      }
    },
    refreshSettingsSubmenu: settingsSubmenu.refresh,
    setCast(enabled) {
      player.toggleAttribute('data-lesson-cast', enabled);
    },
    setSliderMarks(fractions, label) {
      const slider = player.querySelector('media-time-slider');
      if (!slider) return;
      if (!marks) {
        marks = document.createElement('div');
        marks.className = 'lesson-slider-marks';
        marks.setAttribute('aria-hidden', 'true');
      }
      if (marks.parentElement !== slider) slider.append(marks);
      marks.title = label;
      marks.replaceChildren(
        ...fractions.map((f) => {
          const mark = document.createElement('span');
          mark.style.left = `${Math.min(100, Math.max(0, f * 100))}%`;
          return mark;
        }),
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    destroy() {
      unsubscribe();
      waitingPlays.forEach((release) => release());
      player.removeEventListener('error', onError, true);
      player.removeEventListener('hls-error', onStreamError);
      player.removeEventListener('hls-media-attached', onStreamAttached);
      stopResume?.();
      player.removeEventListener('provider-change', onProviderChange);
      for (const type of SEEK_EVENTS) player.removeEventListener(type, onSeekEvent, true);
      for (const type of SEEK_REQUESTS) player.removeEventListener(type, onSeekRequest, true);
      vidstackWords.disconnect();
      placeControl.disconnect();
      settingsSubmenu.disconnect();
      stopKeepingFocusedControls();
      listeners.clear();
      // Out of the page, Vidstack destroys its player itself, after its pending frame: destroying it here could
      // run while a frame callback of its time slider is pending ('e is not a function').
      player.remove();
      const lone = document.createElement('span');
      seekEvents.forEach((event) => lone.dispatchEvent(event));
      seekEvents.length = 0;
    },
  };
}

const SEEK_EVENTS = ['seeking', 'seeked'] as const;
const SEEK_REQUESTS = ['media-seeking-request', 'media-seek-request'] as const;

/** Once the next source can play: back to where the stream stopped, playing if it was. Returns its cancel. */
function resumeAfterFallback(player: MediaPlayerElement, time: number, playing: boolean): () => void {
  let done = false;
  const stop = player.subscribe(({ canPlay, source }) => {
    if (done || !canPlay || typeof source?.src !== 'string' || source.type === HLS_MEDIA_TYPE) return;
    done = true;
    // Out of Vidstack's effect before moving it.
    queueMicrotask(() => {
      stop();
      if (time > 0) player.currentTime = time;
      // A play the browser refuses leaves the video paused where it was: the learner's play button resumes it.
      if (playing) void player.play().catch(() => undefined);
    });
  });
  return () => {
    done = true;
    stop();
  };
}

/**
 * The name of Vidstack's region. Vidstack names it in English whatever its translations ("Video Player - title"),
 * so it is set here, in the UI language.
 */
function regionLabel({ title, translations }: Pick<MediaSetup, 'title' | 'translations'>): string {
  const player = translations['Video Player'] ?? 'Video Player';
  return title ? `${player} - ${title}` : player;
}

/**
 * Words Vidstack writes outside its translations: the time slider's value ("1 min 5 sec out of 10 min", which the
 * build has Vidstack ask spoken-time.ts for), the remote playback buttons' state ("AirPlay Disconnected"), the caption
 * font and shadow choices ("Drop Shadow") and the quality rungs' bitrates ("0.92 Mbps"). They are rewritten in the UI
 * language as soon as Vidstack sets them ("AirPlay Déconnecté", "Ombre portée"); `apply` says them all again when the
 * language changes (their English kept on them).
 */
function translateVidstackWords(player: HTMLElement, translations: () => Record<string, string>) {
  const stopSpeakingTimes = speakTimesIn(player, translations);
  // A remote playback button's state: Vidstack's English word is kept on the button, since Vidstack sets its label
  // again only when the state changes ("Google Cast" and "AirPlay" are the same in every language); not in
  // `data-remote-state`, Vidstack's own on the player (whose name then lost its last word to "disconnected").
  const remoteState = (element: Element) => {
    if (!(element instanceof HTMLElement)) return;
    const value = element.getAttribute('aria-label') ?? '';
    const state = / (Connected|Connecting|Disconnected)$/.exec(value);
    if (state) element.dataset.lessonRemoteState = state[1];
    const english = element.dataset.lessonRemoteState;
    if (english) {
      const label = value.replace(/ \S+$/, ` ${translations()[english] ?? english}`);
      if (label !== value) element.setAttribute('aria-label', label);
    }
  };
  const choice = (label: HTMLElement) => {
    label.dataset.english ??= label.textContent!.trim();
    const text = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (text) text.textContent = translations()[label.dataset.english] ?? label.dataset.english;
  };
  // A quality rung's bitrate, "0.92 Mbps": the SI symbol and the language's decimal mark ("0,92 Mbit/s").
  const bitrate = (hint: HTMLElement) => {
    const english = /^(\d+(?:\.\d+)?) Mbps$/.exec(hint.textContent!.trim());
    if (english) hint.dataset.mbps = english[1];
    if (!english && !hint.dataset.mbps) return;
    const number = new Intl.NumberFormat(player.getAttribute('lang') ?? undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const text = `${number.format(Number(hint.dataset.mbps))} Mbit/s`;
    if (hint.textContent !== text) hint.textContent = text;
  };
  const apply = (root: Element) => {
    for (const element of [root, ...root.querySelectorAll('[aria-label]')]) remoteState(element);
    for (const label of root.querySelectorAll<HTMLElement>('.vds-radio-label')) choice(label);
    for (const hint of root.querySelectorAll<HTMLElement>('.vds-quality-radio .vds-radio-hint')) bitrate(hint);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') remoteState(record.target as Element);
      else if (record.target instanceof HTMLElement && record.target.matches('.vds-quality-radio .vds-radio-hint')) bitrate(record.target);
      else for (const node of record.addedNodes) if (node instanceof Element) apply(node);
    }
  });
  observer.observe(player, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  const applyAll = () => {
    apply(player);
    respeakTimes(player);
  };
  const disconnect = () => {
    observer.disconnect();
    stopSpeakingTimes();
  };
  return { apply: applyAll, disconnect };
}

/** Hands the tracks to Vidstack for its menus and chapter markers; caption text stays out of its innerHTML overlay. */
function addTextTracks(player: MediaPlayerElement, tracks: MediaSetup['textTracks']): void {
  for (const track of tracks) {
    const textOf = track.kind === 'chapters' ? (text: string) => text : () => '';
    player.textTracks.add({
      kind: track.kind,
      language: track.language,
      label: track.label,
      default: track.default ?? false,
      type: 'json',
      content: { cues: track.cues.map((c) => ({ id: c.id, startTime: c.start, endTime: c.end, text: textOf(c.text) })) },
    } as never);
  }
}

/**
 * The default layout has no slot for a button of ours (its React version has): the control goes right after the
 * captions button's tooltip, at the same level as play (EN 301 549 7.3), and back there whenever the layout
 * renders its control bar again (switching between its small and large forms).
 */
function keepControlBesideCaptions(layout: HTMLElement, control: HTMLElement | undefined): { disconnect(): void } {
  if (!control) return { disconnect: () => undefined };
  const place = () => {
    const captions = layout.querySelector('media-caption-button')?.closest('media-tooltip');
    if (captions && captions.nextElementSibling !== control) captions.after(control);
  };
  const observer = new MutationObserver(place);
  observer.observe(layout, { childList: true, subtree: true });
  place();
  return { disconnect: () => observer.disconnect() };
}
