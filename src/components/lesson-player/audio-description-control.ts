/**
 * The audio description control of `<lesson-player>`: a toggle button in the video's control bar, right after the
 * captions button (EN 301 549 7.3: at the same level as play), with its state in its name and `aria-pressed`; and
 * its settings (delivery, voice rate, extended description, spoken subtitles) as a submenu of the player's settings
 * menu, beside the captions' own, in the player's UI language. A reactive controller: it follows the store while its
 * host is connected, and says once when speech fell back to announcing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { descriptionStrings } from '../../i18n/description-strings.ts';
import type { SettingsSubmenu } from '../../media/media-adapter.ts';
import { descriptionSettingsMenu } from '../../state/description-settings-menu.ts';
import type { LessonModel } from '../../state/lesson-loader.ts';
import type { LessonStore } from '../../state/lesson-store.ts';

export class AudioDescriptionControl implements ReactiveController {
  /** Handed to the media adapter, which keeps it beside the captions button. */
  readonly button = document.createElement('button');
  #stop: (() => void) | null = null;
  #toldFallback = false;
  #model: LessonModel | null = null;

  /** `settingsChanged`: the submenu's description changed (the player asks its media adapter to show it again). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: LessonStore,
    private readonly settingsChanged: () => void,
  ) {
    host.addController(this);
    this.button.type = 'button';
    this.button.className = 'vds-button lesson-ad-button';
    const mark = document.createElement('span');
    mark.className = 'lesson-ad-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = 'AD';
    this.button.append(mark);
    this.button.addEventListener('click', () => this.store.descriptions.set(!this.store.snapshot.descriptions.language));
    this.#sync();
  }

  hostConnected(): void {
    this.#stop = this.store.subscribe((changes, { model }) => {
      // Another lesson, not the same one's notes arriving (a 'model' change too): the settings menu may be open,
      // and its submenu is not redrawn for nothing.
      const anotherLesson = changes.has('model') && model !== this.#model;
      this.#model = model;
      if (!changes.has('descriptions') && !changes.has('lang') && !anotherLesson) return;
      this.#sync();
      this.settingsChanged();
      this.host.requestUpdate();
    });
    this.#sync();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = null;
  }

  #sync(): void {
    const { descriptions, lang } = this.store.snapshot;
    const words = descriptionStrings(lang);
    const on = descriptions.language !== null;
    this.button.hidden = descriptions.available.length === 0;
    this.button.setAttribute('aria-pressed', String(on));
    this.button.setAttribute('aria-label', words.button(on));
    this.button.title = words.button(on);
    if (descriptions.fallback && !this.#toldFallback) {
      this.#toldFallback = true;
      this.store.announce(words.fallback(descriptions.fallback));
    }
  }

  /** The settings submenu, when the lesson has a description track. */
  settingsSubmenu(): SettingsSubmenu | null {
    const { descriptions, lang } = this.store.snapshot;
    return descriptionSettingsMenu(descriptions, lang, this.store.descriptions.configure.bind(this.store.descriptions));
  }
}
