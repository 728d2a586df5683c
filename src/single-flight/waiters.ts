/**
 * Callers waiting for a result that another caller is fetching, each until
 * the result comes or its own time runs out. The one waiting mechanism of the
 * single-flight core: a key's lease waiters, the origin shield's queue and an
 * isolate's coalesced lookups all wait here, so every wait ends the same way.
 *
 * `T` is what a waiter waits for (a lease id, say): `settle` hands a result
 * only to the waiters whose tag it names.
 */
export class Waiters<R, T = undefined> {
  readonly #waiting = new Set<Waiter<R, T>>();

  get size(): number {
    return this.#waiting.size;
  }

  wait(ms: number, timeout: () => R, tag: T, options: { signal?: AbortSignal; onLeave?: () => void } = {}): Promise<R> {
    // Waits for a result, at most `ms`; then, or when `signal` aborts, the
    // waiter leaves with `timeout()`. `onLeave` runs whenever a waiter leaves,
    // by any path, so that the owner can tidy up.
    const { signal, onLeave } = options;
    return new Promise<R>((resolve) => {
      const stop = () => waiter.settle(timeout());
      const timer = setTimeout(stop, ms);
      const waiter: Waiter<R, T> = {
        tag,
        settle: (result) => {
          if (!this.#waiting.delete(waiter)) return;
          clearTimeout(timer);
          signal?.removeEventListener('abort', stop);
          resolve(result);
          onLeave?.();
        },
      };
      this.#waiting.add(waiter);
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop);
    });
  }

  first(): Waiter<R, T> | undefined {
    // The longest waiting, if any: a Set's order is the order of arrival.
    const [first] = this.#waiting;
    return first;
  }

  settle(result: R, ...tag: [] | [T]): void {
    // Hands `result` to every waiter whose tag is `tag` (every waiter, when `tag` is omitted).
    for (const waiter of [...this.#waiting]) if (!tag.length || waiter.tag === tag[0]) waiter.settle(result);
  }

  retag(tag: T): void {
    // Every waiter waits for `tag` from now on (a new lease replaced the one they waited for).
    for (const waiter of this.#waiting) waiter.tag = tag;
  }
}

export interface Waiter<R, T> {
  tag: T;
  /** Ends this waiter's wait with `result`; a second call does nothing. */
  settle(result: R): void;
}
