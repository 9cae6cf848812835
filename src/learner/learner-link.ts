/**
 * A Lit reactive controller that gives a view the learner session of its player's store and re-renders the view
 * when the session changes what it shows. A view calls `link.session(store)` in `render()`: the first call (or a
 * new store) subscribes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LessonStore } from '../state/lesson-store.ts';
import type { LearnerChange, LearnerSession } from './learner-session.ts';

export class LearnerLink implements ReactiveController {
  #session: LearnerSession | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly watches: readonly LearnerChange[],
    private readonly onChange?: (changes: ReadonlySet<LearnerChange>) => void,
  ) {
    host.addController(this);
  }

  session(store: LessonStore | null): LearnerSession | null {
    const session = store?.learner ?? null;
    if (session !== this.#session) {
      this.#unsubscribe?.();
      this.#session = session;
      this.#unsubscribe = session?.subscribe((changes) => this.#changed(changes)) ?? null;
    }
    return session;
  }

  #changed(changes: ReadonlySet<LearnerChange>): void {
    this.onChange?.(changes);
    if (this.watches.some((c) => changes.has(c))) this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.#session && !this.#unsubscribe) this.#unsubscribe = this.#session.subscribe((changes) => this.#changed(changes));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
