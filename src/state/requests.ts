/**
 * One-shot requests and facts a store hands to whoever listens at that moment ("open this chapter's note", "say
 * this"): not state that views would diff with sequence counters. A request nobody listens to is dropped.
 */
export class Requests<Types extends object> {
  #handlers = new Map<keyof Types, Set<(detail: never) => void>>();

  on<K extends keyof Types>(type: K, handler: (detail: Types[K]) => void): () => void {
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    set.add(handler as (detail: never) => void);
    return () => set.delete(handler as (detail: never) => void);
  }

  emit<K extends keyof Types>(type: K, detail: Types[K]): void {
    for (const handler of [...(this.#handlers.get(type) ?? [])]) (handler as (detail: Types[K]) => void)(detail);
  }

  /** How many handlers are registered (tests check that disposing a view leaves none). */
  get size(): number {
    let count = 0;
    for (const set of this.#handlers.values()) count += set.size;
    return count;
  }

  clear(): void {
    this.#handlers.clear();
  }
}
