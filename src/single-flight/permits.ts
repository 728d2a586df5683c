/** The right to do one piece of work, until it is released or `expiresAt`. */
export interface Permit {
  id: string;
  expiresAt: number;
}

/**
 * Permits that expire: a holder that dies or hangs without releasing its
 * permit loses it when it expires, so a slot is never lost for good. `M` is
 * what an owner keeps with each permit (whether it is the breaker's probe,
 * say). A key's lease is the one permit of that key; the origin shield's
 * permits are up to N of them.
 */
export class Permits<M extends object = object> {
  readonly #held = new Map<string, Permit & M>();
  #watch: ReturnType<typeof setTimeout> | undefined;

  get size(): number {
    // Permits held, expired ones included until they are reaped, released or cleared.
    return this.#held.size;
  }

  [Symbol.iterator](): IterableIterator<Permit & M> {
    return this.#held.values();
  }

  hasRoom(now: number, max: number): boolean {
    // Whether fewer than `max` permits are unexpired at `now`: one more may be granted.
    let live = 0;
    for (const permit of this.#held.values()) if (permit.expiresAt > now) live++;
    return live < max;
  }

  grant(now: number, ms: number, extra: M): Permit & M {
    const permit = { ...extra, id: crypto.randomUUID(), expiresAt: now + ms };
    this.#held.set(permit.id, permit);
    return permit;
  }

  restore(permit: Permit & M): void {
    // A permit kept elsewhere (storage, across a restart) is held again.
    this.#held.set(permit.id, permit);
  }

  has(id: string): boolean {
    return this.#held.has(id);
  }

  release(id: string): (Permit & M) | undefined {
    // The permit, if it was still held.
    const permit = this.#held.get(id);
    this.#held.delete(id);
    return permit;
  }

  clear(): void {
    // Drops every permit, whoever holds it.
    this.#held.clear();
  }

  reap(now: number): (Permit & M)[] {
    // Drops the permits expired at `now`, and answers them.
    const expired = [...this.#held.values()].filter((permit) => permit.expiresAt <= now);
    for (const permit of expired) this.#held.delete(permit.id);
    return expired;
  }

  watchExpiry(expired: () => void): void {
    // Runs `expired` once, when the first held permit expires: for an owner
    // whose callers wait on a slot that a dead holder may never release. One
    // watch at a time (a second call while one is set does nothing), none
    // while no permit is held; `expired` may watch again.
    const next = this.#nextExpiry();
    if (this.#watch || next === undefined) return;
    this.#watch = setTimeout(
      () => {
        this.#watch = undefined;
        expired();
      },
      Math.max(0, next - Date.now()),
    );
  }

  unwatch(): void {
    clearTimeout(this.#watch);
    this.#watch = undefined;
  }

  #nextExpiry(): number | undefined {
    // When the first held permit expires, if any is held.
    let next: number | undefined;
    for (const permit of this.#held.values()) if (next === undefined || permit.expiresAt < next) next = permit.expiresAt;
    return next;
  }
}
