/**
 * Base of the views (transcript, chapters, notes, captions): finds the player's controller — given by the player,
 * or through `for="player-id"` like a label's `for` — subscribes to the changes it shows, and picks its UI strings.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { uiStrings, type UiStrings } from '../../i18n/strings.ts';
import type { LessonChange, LessonController } from '../../state/lesson-controller.ts';

interface ControllerHost extends HTMLElement {
  controller?: LessonController;
}

export abstract class LessonView extends LitElement {
  /** The id of the `<lesson-player>` this view follows, when it stands outside it. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Set by the player for the views inside it; found through `for` otherwise. */
  @property({ attribute: false }) controller: LessonController | null = null;

  /** Which controller changes make this view render. */
  protected abstract readonly watches: readonly LessonChange[];

  @state() protected strings: UiStrings = uiStrings('fr');

  #unsubscribe: (() => void) | null = null;
  #lookup: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#findPlayer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#lookup?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.#findPlayer();
    if (changed.has('controller')) {
      this.#unsubscribe?.();
      this.#unsubscribe = this.controller?.subscribe((changes) => this.onLessonChange(changes)) ?? null;
      this.onControllerChanged();
    }
    this.strings = uiStrings(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  /** Called with each change; re-renders by default when the view watches one of them. */
  protected onLessonChange(changes: ReadonlySet<LessonChange>): void {
    if (this.watches.some((c) => changes.has(c))) this.requestUpdate();
  }

  /** Called when the controller is set or replaced. */
  protected onControllerChanged(): void {}

  #findPlayer(): void {
    this.#lookup?.abort();
    if (!this.htmlFor) return;
    const lookup = (this.#lookup = new AbortController());
    const root = this.getRootNode() as Document | ShadowRoot;
    const connect = () => {
      const player = (root.getElementById?.(this.htmlFor) ?? document.getElementById(this.htmlFor)) as ControllerHost | null;
      if (player?.controller) this.controller = player.controller;
      return Boolean(player?.controller);
    };
    if (connect()) return;
    // The player may be defined or added later: look again when any player announces itself.
    document.addEventListener('lesson-player-connected', () => connect() && lookup.abort(), { signal: lookup.signal });
    customElements.whenDefined('lesson-player').then(() => !lookup.signal.aborted && connect() && lookup.abort());
  }
}
