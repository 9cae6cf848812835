/**
 * The audio description control of `<lesson-player>`: a toggle button in the video's control bar, right after the
 * captions button (EN 301 549 7.3: at the same level as play), with its state in its name and `aria-pressed`; and
 * its settings (delivery, voice rate, extended description, spoken subtitles) under the video, in the player's UI
 * language. A reactive controller: it follows the store while its host is connected, and says once when speech
 * fell back to announcing.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DescriptionDelivery } from '../../core/description-scheduler.ts';
import { descriptionStrings } from '../../i18n/description-strings.ts';
import { RATES } from '../../state/audio-description.ts';
import type { LessonStore } from '../../state/lesson-store.ts';

export class AudioDescriptionControl implements ReactiveController {
  /** Handed to the media adapter, which keeps it beside the captions button. */
  readonly button = document.createElement('button');
  #stop: (() => void) | null = null;
  #toldFallback = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: LessonStore,
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
    this.#stop = this.store.subscribe((changes) => {
      if (!changes.has('descriptions') && !changes.has('lang') && !changes.has('model')) return;
      this.#sync();
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

  /** The settings, under the video, when the lesson has a description track. */
  renderSettings() {
    const { descriptions, lang } = this.store.snapshot;
    if (!descriptions.available.length) return nothing;
    const words = descriptionStrings(lang);
    const configure = this.store.descriptions.configure.bind(this.store.descriptions);
    const delivery = (value: DescriptionDelivery, label: string) =>
      html`<label><input type="radio" name="ad-delivery" .checked=${descriptions.delivery === value} @change=${() => configure({ delivery: value })} /> ${label}</label>`;
    return html`<details class="ad-settings">
      <summary>${words.settings}</summary>
      <fieldset>
        <legend>${words.delivery}</legend>
        ${delivery('announce', words.announce)} ${delivery('speech', words.speech)}
      </fieldset>
      <label
        >${words.rate}
        <select @change=${(e: Event) => configure({ rate: Number((e.target as HTMLSelectElement).value) })}>
          ${RATES.map((rate) => html`<option value=${rate} ?selected=${rate === descriptions.rate}>${rate.toLocaleString(lang)} ×</option>`)}
        </select></label
      >
      <label><input type="checkbox" .checked=${descriptions.extended} @change=${(e: Event) => configure({ extended: (e.target as HTMLInputElement).checked })} /> ${words.extended}</label>
      <label
        ><input type="checkbox" .checked=${descriptions.spokenSubtitles} @change=${(e: Event) => configure({ spokenSubtitles: (e.target as HTMLInputElement).checked })} />
        ${words.spokenSubtitles}</label
      >
    </details>`;
  }
}
