/**
 * Storage that refuses to be touched. Imported by vidstack-adapter.ts BEFORE vidstack: Vidstack reads
 * `localStorage` while its modules load (saved caption styles) and later from its menus, without a try/catch.
 * Where the browser refuses storage to the page — `window.localStorage` throws a SecurityError (cookies blocked,
 * a sandboxed or third-party frame, some private modes) — that read would kill the player's module and the lesson.
 *
 * Only in that case, the page gets an in-memory `localStorage` instead: settings last until the page closes, which
 * is all the page could have had. A page whose storage works keeps it untouched. A full storage (setItem throwing
 * QuotaExceededError) needs nothing here: Vidstack only writes from menu choices, where the error stays in that one
 * handler and the choice still applies in the page.
 */

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(String(key)) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(String(key));
  }
  setItem(key: string, value: string): void {
    this.#items.set(String(key), String(value));
  }
}

/** True when the page may not use `localStorage` at all (reading the property throws). */
function storageRefused(): boolean {
  try {
    void globalThis.localStorage;
    return false;
  } catch {
    return true;
  }
}

export function guardLocalStorage(): void {
  if (typeof window === 'undefined' || !storageRefused()) return;
  try {
    Object.defineProperty(window, 'localStorage', { value: new MemoryStorage(), configurable: true, enumerable: true, writable: false });
  } catch {
    // Not configurable in this browser: nothing more can be done here; Vidstack will report its own error.
  }
}

guardLocalStorage();
