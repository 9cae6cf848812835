/**
 * Base of the views (transcript, chapters, notes, captions): finds the player's lesson store — from the player
 * around it (`@lit/context`), or through `for="player-id"` like a label's `for` — subscribes to the changes it
 * shows, and speaks the store's language (the player's, whatever the page around the view says).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { uiStrings, type UiStrings } from '../../i18n/strings.ts';
import type { LessonChange, LessonStore } from '../../state/lesson-store.ts';
import { pageLanguage } from '../page-language.ts';
import { lessonStoreContext } from './lesson-store-context.ts';

interface ControllerHost extends HTMLElement {
  controller?: LessonStore;
}

export abstract class LessonView extends LitElement {
  /** The id of the `<lesson-player>` this view follows, when it stands outside it. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** The player's lesson store: from the player around the view, or found through `for`. */
  @property({ attribute: false }) controller: LessonStore | null = null;

  /** Which controller changes make this view render. */
  protected abstract readonly watches: readonly LessonChange[];

  @state() protected strings: UiStrings = uiStrings('fr');

  #unsubscribe: (() => void) | null = null;
  #lookup: AbortController | null = null;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: lessonStoreContext,
      subscribe: true,
      callback: (store) => {
        if (store && !this.htmlFor) this.controller = store;
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page with the same store: follow it again (disconnecting unsubscribed).
    if (this.controller && !this.#unsubscribe && this.hasUpdated) this.#subscribe();
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
      this.#subscribe();
      this.onControllerChanged(changed.get('controller') ?? null);
    }
    this.strings = uiStrings(this.controller?.lang ?? pageLanguage(this));
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    const store = this.controller;
    if (!store) return void (this.#unsubscribe = null);
    const stops = [store.subscribe((changes) => this.onLessonChange(changes)), ...this.listenToRequests(store)];
    this.#unsubscribe = () => stops.forEach((stop) => stop());
  }

  /** A view listening to the store's one-shot requests registers here: released with the subscription. */
  protected listenToRequests(_store: LessonStore): (() => void)[] {
    return [];
  }

  /** Called with each change; re-renders by default when the view watches one of them, and for a new language. */
  protected onLessonChange(changes: ReadonlySet<LessonChange>): void {
    if (changes.has('lang') || this.watches.some((c) => changes.has(c))) this.requestUpdate();
  }

  /** Called when the store is set or replaced (after subscribing to the new one). */
  protected onControllerChanged(_previous: LessonStore | null): void {}

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
