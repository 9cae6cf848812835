/**
 * `<lesson-embed>`: the "Intégrer / Embed" button and its dialog, with copyable snippets — an `<iframe>` of
 * `embed.html` and the web component's script and tag — optionally starting at the current moment.
 *
 * A native modal `<dialog>`: focus moves into it, Tab stays inside, Escape closes it, and focus returns to the
 * button.
 *
 * @attr for - id of the `<lesson-player>` to follow, when placed outside it (inside, the player sets `controller`).
 * @attr lesson - absolute URL of the lesson manifest (the player sets it).
 * @attr embed-src - URL of `embed.html` (default: next to the library, `../embed.html` from its script).
 * @attr script-src - URL of the library script (default: `../lib/lesson-player.js` from its script).
 *
 * @prop {LessonStore|null} controller - set by the player; found through `for` otherwise.
 *
 * @csspart button - the "Embed" button.
 * @csspart dialog - the `<dialog>`.
 * @csspart code - each snippet's text area.
 *
 * @cssprop --lesson-font - font family.
 * @cssprop --lesson-color - text colour.
 * @cssprop --lesson-background - dialog background.
 * @cssprop --lesson-accent - buttons and focus ring.
 * @cssprop --lesson-radius - corner radius.
 */
import { css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatTime } from '../../core/time.ts';
import { componentSnippet, embedUrl, iframeSnippet } from '../../embed/snippets.ts';
import type { LessonChange } from '../../state/lesson-store.ts';
import { LessonView } from '../lesson-view/lesson-view.ts';
import { lessonTitle } from '../../core/lesson-title.ts';
import { copyText } from '../browser-helpers.ts';

/** Where the built site keeps the library and the embed page, relative to any of its scripts (assets/, lib/). */
const HERE = import.meta.url;
const relativeToLibrary = (path: string) => new URL(path, HERE).href;

@customElement('lesson-embed')
export class LessonEmbed extends LessonView {
  static override styles = css`
    :host {
      display: inline-block;
      font-family: var(--lesson-font, system-ui, sans-serif);
      color: var(--lesson-color, #161616);
    }
    :host([hidden]) {
      display: none;
    }
    * {
      box-sizing: border-box;
    }
    button {
      min-height: 2.25em;
      padding: 0.25em 0.9em;
      font: inherit;
      color: var(--lesson-accent, #000091);
      background: var(--lesson-background, #fff);
      border: 1px solid currentColor;
      border-radius: var(--lesson-radius, 4px);
      cursor: pointer;
    }
    button:focus-visible,
    textarea:focus-visible,
    input:focus-visible {
      outline: 3px solid var(--lesson-accent, #000091);
      outline-offset: 2px;
    }
    dialog {
      width: min(40em, calc(100vw - 2em));
      max-height: calc(100vh - 2em);
      padding: 1em 1.25em;
      color: var(--lesson-color, #161616);
      background: var(--lesson-background, #fff);
      border: 1px solid var(--lesson-border, #929292);
      border-radius: var(--lesson-radius, 4px);
      line-height: 1.5;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    h2 {
      margin: 0 0 0.25em;
      font-size: 1.25em;
    }
    p {
      margin: 0 0 0.75em;
    }
    .start {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
    }
    .start input {
      width: 1.25em;
      height: 1.25em;
      margin: 0;
      accent-color: var(--lesson-accent, #000091);
    }
    .snippet {
      margin-block: 0.75em;
    }
    .snippet label {
      display: block;
      font-weight: 700;
    }
    textarea {
      display: block;
      width: 100%;
      margin-block: 0.25em;
      padding: 0.5em;
      font: 0.875em/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
      color: inherit;
      background: var(--lesson-surface, #f6f6f6);
      border: 1px solid var(--lesson-border, #929292);
      border-radius: var(--lesson-radius, 4px);
      resize: vertical;
    }
    .actions {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1em;
    }
  `;

  /** Absolute URL of the manifest. */
  @property() lesson = '';
  @property({ attribute: 'embed-src' }) embedSrc = '';
  @property({ attribute: 'script-src' }) scriptSrc = '';

  @state() private fromNow = false;
  @state() private openedAt = 0;
  @state() private status = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.open') private opener!: HTMLButtonElement;

  protected readonly watches: readonly LessonChange[] = ['status', 'model'];

  #open(): void {
    this.openedAt = Math.floor(this.controller?.currentTime ?? 0);
    this.fromNow = false;
    this.status = '';
    this.dialog.showModal();
  }

  async #copy(event: Event): Promise<void> {
    const area = (event.currentTarget as HTMLElement).closest('.snippet')!.querySelector('textarea')!;
    if (await copyText(area.value)) {
      this.status = this.strings.embed.copied;
    } else {
      area.focus();
      area.select();
      this.status = this.strings.embed.copyFailed;
    }
  }

  protected override render() {
    const s = this.strings.embed;
    const model = this.controller?.model;
    const title = model ? (lessonTitle(model.manifest, model.contentLang)) : '';
    const start = this.fromNow ? this.openedAt : undefined;
    const lang = this.strings.lang === 'en' ? 'en' : undefined;
    const manifest = this.lesson;
    const iframe = manifest
      ? iframeSnippet(embedUrl({ embedPage: this.embedSrc || relativeToLibrary('../embed.html'), manifest, start, lang }), title)
      : '';
    const component = manifest ? componentSnippet(this.scriptSrc || relativeToLibrary('../lib/lesson-player.js'), manifest, start, lang) : '';
    return html`
      <button class="open" part="button" type="button" aria-haspopup="dialog" @click=${this.#open}>${s.open}</button>
      <dialog part="dialog" aria-labelledby="embed-title" @close=${() => this.opener?.focus()}>
        <h2 id="embed-title">${s.title}</h2>
        <p>${s.intro}</p>
        <label class="start">
          <input type="checkbox" .checked=${this.fromNow} @change=${(e: Event) => (this.fromNow = (e.target as HTMLInputElement).checked)} />
          ${s.startAt(formatTime(this.openedAt))}
        </label>
        <div class="snippet">
          <label for="embed-iframe">${s.iframe}</label>
          <textarea id="embed-iframe" part="code" readonly rows="4" .value=${iframe}></textarea>
          <button type="button" aria-label=${s.copy(s.iframe)} @click=${this.#copy}>${s.copyButton}</button>
        </div>
        <div class="snippet">
          <label for="embed-component">${s.component}</label>
          <textarea id="embed-component" part="code" readonly rows="3" .value=${component}></textarea>
          <button type="button" aria-label=${s.copy(s.component)} @click=${this.#copy}>${s.copyButton}</button>
        </div>
        <div class="actions">
          <p role="status" aria-live="polite">${this.status}</p>
          <button type="button" class="close" @click=${() => this.dialog.close()}>${s.close}</button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-embed': LessonEmbed;
  }
}
