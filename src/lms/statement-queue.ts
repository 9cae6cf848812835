/**
 * The road from the player to a Learning Record Store: statements wait in a queue kept in Web Storage (so a
 * reload or a closed tab loses none of them), and go in batches (one POST of up to 50) a moment after the first
 * one is added. Nothing waits on them: playback never does.
 *
 * - The LRS unreachable, or answering 5xx or 429: the batch is sent again after 2 s, 4 s, 8 s… up to a minute.
 * - A batch the LRS rejects (4xx): the statements go one by one to find which; a statement rejected three times is
 *   logged with the LRS's answer and dropped. 409 (the LRS has a statement with that id: ours, sent by a request
 *   whose answer the page did not live to read) counts as delivered.
 * - `flush({ keepalive: true })` on `pagehide`: what is left goes with `fetch` `keepalive` (the browser finishes
 *   the request after the page is gone, up to 64 KiB); it stays stored until an answer says it arrived, so the
 *   next visit sends it again (the LRS keeps one statement per id).
 */
import type { XapiStatement } from '../core/xapi-video.ts';
import type { StorageLike } from '../learner/learner-storage.ts';
import type { Scheduler, TimerId } from '../state/environment.ts';

export const XAPI_VERSION = '1.0.3';
export const BATCH_DELAY_MS = 1000;
export const MAX_BATCH = 50;
export const RETRY_FIRST_MS = 2000;
export const RETRY_MAX_MS = 60_000;
export const MAX_REJECTIONS = 3;
/** A keepalive request's body may not pass 64 KiB: room is left for the headers. */
const KEEPALIVE_BYTES = 60_000;

export interface LrsConnection {
  /** The LRS's base URL, ending with `/`. */
  endpoint: string;
  /** The `Authorization` header's value, or null for an LRS that asks for none. */
  authorization: string | null;
}

export interface StatementQueueOptions {
  fetch: typeof fetch;
  scheduler: Scheduler;
  storage: StorageLike | null;
  /** Where the queue is kept: one per LRS and lesson. */
  storageKey: string;
  warn(message: string): void;
}

interface Entry {
  statement: XapiStatement;
  rejections: number;
}

type Outcome = 'sent' | 'retry' | 'rejected';

export class StatementQueue {
  readonly #options: StatementQueueOptions;
  #connection: LrsConnection | null = null;
  #entries: Entry[];
  #timer: TimerId | undefined;
  #sending = false;
  #failures = 0;
  /** After a rejected batch, one at a time until the queue is empty. */
  #batchSize = MAX_BATCH;

  constructor(options: StatementQueueOptions) {
    this.#options = options;
    this.#entries = this.#load();
  }

  /** Statements waiting (those kept from a previous visit included). */
  get pending(): readonly XapiStatement[] {
    return this.#entries.map((entry) => entry.statement);
  }

  /** Whether a request is on its way (its answer not read yet). */
  get sending(): boolean {
    return this.#sending;
  }

  /** Whether a send is scheduled (tests check that stopping leaves nothing). */
  get scheduled(): boolean {
    return this.#timer !== undefined;
  }

  /** Where to send: statements wait until it is known (cmi5: after the token is fetched). */
  connect(connection: LrsConnection): void {
    this.#connection = connection;
    if (this.#entries.length) this.#schedule(0);
  }

  add(statement: XapiStatement): void {
    this.#entries.push({ statement, rejections: 0 });
    this.#save();
    if (this.#failures === 0) this.#schedule(BATCH_DELAY_MS);
  }

  /** Sends what waits now; with `keepalive`, in requests that outlive the page. */
  flush({ keepalive = false } = {}): void {
    if (!this.#connection || !this.#entries.length) return;
    if (!keepalive) return this.#schedule(0, true);
    const batch: Entry[] = [];
    let bytes = 2;
    for (const entry of this.#entries) {
      const size = JSON.stringify(entry.statement).length + 1;
      if (bytes + size > KEEPALIVE_BYTES) break;
      batch.push(entry);
      bytes += size;
    }
    // The answer may never be read: what it confirms is dropped if it comes, else sent again next visit.
    if (batch.length) void this.#post(batch, true).then((outcome) => outcome === 'sent' && this.#remove(batch));
  }

  /** The player left the page: no more timers (what waits stays stored). */
  stop(): void {
    this.#options.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(delay: number, now = false): void {
    if (!this.#connection || this.#sending) return;
    if (this.#timer !== undefined && !now) return;
    this.#options.scheduler.clearTimeout(this.#timer);
    this.#timer = this.#options.scheduler.setTimeout(() => {
      this.#timer = undefined;
      void this.#sendBatch();
    }, delay);
  }

  async #sendBatch(): Promise<void> {
    if (this.#sending || !this.#entries.length) return;
    this.#sending = true;
    const batch = this.#entries.slice(0, this.#batchSize);
    const outcome = await this.#post(batch, false);
    this.#sending = false;
    if (outcome === 'sent') {
      this.#failures = 0;
      this.#remove(batch);
      if (!this.#entries.length) this.#batchSize = MAX_BATCH;
      else this.#schedule(0);
      return;
    }
    if (outcome === 'rejected' && batch.length > 1) {
      this.#batchSize = 1;
      return this.#schedule(0);
    }
    if (outcome === 'rejected') {
      const entry = batch[0]!;
      entry.rejections++;
      if (entry.rejections >= MAX_REJECTIONS) {
        this.#remove(batch);
        return this.#schedule(0);
      }
      this.#save();
    }
    this.#failures++;
    this.#schedule(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.#failures - 1)));
  }

  async #post(batch: readonly Entry[], keepalive: boolean): Promise<Outcome> {
    const connection = this.#connection!;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION };
    if (connection.authorization) headers['Authorization'] = connection.authorization;
    let response: Response;
    try {
      response = await this.#options.fetch(`${connection.endpoint}statements`, {
        method: 'POST',
        headers,
        body: JSON.stringify(batch.map((entry) => entry.statement)),
        keepalive,
        credentials: 'omit',
      });
    } catch {
      return 'retry';
    }
    if (response.ok || (response.status === 409 && batch.length === 1)) return 'sent';
    if (response.status >= 500 || response.status === 429 || response.status === 408) return 'retry';
    if (batch.length === 1 && batch[0]!.rejections + 1 >= MAX_REJECTIONS) {
      const answer = (await response.text().catch(() => '')).slice(0, 500);
      this.#options.warn(`the LRS rejected the xAPI statement ${batch[0]!.statement.id} (${batch[0]!.statement.verb.display['en-US']}) ${MAX_REJECTIONS} times and it was dropped: ${response.status} ${answer}`);
    }
    return 'rejected';
  }

  #remove(batch: readonly Entry[]): void {
    const sent = new Set(batch.map((entry) => entry.statement.id));
    this.#entries = this.#entries.filter((entry) => !sent.has(entry.statement.id));
    this.#save();
  }

  #load(): Entry[] {
    try {
      const stored: unknown = JSON.parse(this.#options.storage?.getItem(this.#options.storageKey) ?? '[]');
      return Array.isArray(stored) ? stored.filter((entry: Entry) => entry && typeof entry.statement?.id === 'string') : [];
    } catch {
      return [];
    }
  }

  #save(): void {
    try {
      if (this.#entries.length) this.#options.storage?.setItem(this.#options.storageKey, JSON.stringify(this.#entries));
      else this.#options.storage?.removeItem(this.#options.storageKey);
    } catch {
      // Storage full or refused: the queue lives in memory for this visit.
    }
  }
}
