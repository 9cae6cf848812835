/**
 * A Lit reactive controller that gives a view the learner session of its player and re-renders the view when the
 * session changes what it shows. A view calls `link.session(controller)` in `render()`: the first call (or a new
 * controller) subscribes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LessonController } from '../state/lesson-controller.ts';
import { learnerFor, type LearnerChange, type LearnerSession } from './learner-session.ts';

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

  session(controller: LessonController | null): LearnerSession | null {
    const session = controller ? learnerFor(controller) : null;
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
