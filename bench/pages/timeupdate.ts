/**
 * Sync-lag baseline: the player's own lesson store, Vidstack adapter and <lesson-transcript>, wired as
 * <lesson-player> wires them, except that the media clock the controller reads only moves on `timeupdate`
 * (what a player that listens to the media's events instead of reading its clock each frame sees).
 */
import '../../src/components/lesson-transcript/lesson-transcript.ts';
import { uiStrings } from '../../src/i18n/strings.ts';
import type { MediaAdapter } from '../../src/media/media-adapter.ts';
import { createVidstackAdapter, mediaStyles } from '../../src/media/vidstack-adapter.ts';
import { browserEnvironment } from '../../src/state/browser-environment.ts';
import { LessonStore } from '../../src/state/lesson-store.ts';

const host = document.createElement('div');
document.body.append(host);
const style = new CSSStyleSheet();
style.replaceSync(mediaStyles);
document.adoptedStyleSheets = [style];

const controller = new LessonStore(browserEnvironment(host));
const transcript = document.createElement('lesson-transcript');
transcript.controller = controller;
host.append(transcript);

/** The adapter, with a clock that only moves when the media fires `timeupdate`. */
function timeupdateClock(adapter: MediaAdapter): MediaAdapter {
  let clock = 0;
  const video = () => adapter.element.querySelector('video');
  const listen = () => {
    const element = video();
    if (!element) return requestAnimationFrame(listen);
    const read = () => (clock = element.currentTime);
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata']) element.addEventListener(type, read);
    return 0;
  };
  listen();
  return Object.create(adapter, {
    currentTime: { get: () => clock },
    seek: { value: (seconds: number) => ((clock = seconds), adapter.seek(seconds)) },
  });
}

let mounted = false;
controller.subscribe((changes) => {
  if (!changes.has('model') || !controller.model || mounted) return;
  mounted = true;
  const { manifest } = controller.model;
  const adapter = createVidstackAdapter({
    title: manifest.id,
    sources: manifest.media,
    poster: manifest.poster,
    lang: 'fr',
    translations: uiStrings('fr').media,
    textTracks: [],
  });
  document.getElementById('media')!.append(adapter.element);
  controller.attach(timeupdateClock(adapter));
});
void controller.load(new URLSearchParams(location.search).get('lesson') ?? '/lessons/survivre-en-milieu-hostile.json');
