import { DurableObject } from 'cloudflare:workers';
import { Permits } from '../single-flight/permits.ts';
import { Waiters } from '../single-flight/waiters.ts';

export interface ShieldOptions {
  /** Origin requests in flight at once, across every isolate. */
  maxConcurrency: number;
  /** How long a request may queue for a slot. */
  queueTimeoutMs: number;
  /** A permit not released by then (its isolate died) is reclaimed. */
  permitMs: number;
  /** Consecutive failures that open the breaker. */
  breakerFailures: number;
  /** How long an open breaker skips the origin before one probe decides. */
  breakerCooldownMs: number;
}

export type Grant =
  | { status: 'granted'; permit: string }
  /** The queue wait ran out. */
  | { status: 'busy' }
  /** The breaker is open: fail fast, the origin is not asked. */
  | { status: 'open'; retryAfterMs: number }
  /** The origin asked for a pause (a 429's `Retry-After`): likewise, until it ends. */
  | { status: 'paused'; retryAfterMs: number };

/** How a call went, for the breaker: `ok` (a usable answer, a 4xx or 429 included) or `failed` (no usable answer: see origin-shield.ts). */
export type CallOutcome = 'ok' | 'failed';

/**
 * The origin shield: a semaphore over the origin's requests, with leased
 * permits, a bounded queue and a circuit breaker, in one object for the whole
 * gateway, so that the origin never sees more than `maxConcurrency` requests
 * whatever the number of isolates (nginx's upstream `max_conns` with a queue).
 * `#heldUntil`: until when the origin asked not to be called (a 429's
 * `Retry-After`).
 */
export class OriginShieldObject extends DurableObject<Env> {
  readonly #permits = new Permits<{ probe: boolean }>();
  readonly #queue = new Waiters<Grant>();
  #failures = 0;
  #openUntil = 0;
  #probing = false;
  #heldUntil = 0;

  acquire(options: ShieldOptions): Grant | Promise<Grant> {
    const now = Date.now();
    this.#reap(now);
    if (now < this.#heldUntil) return { status: 'paused', retryAfterMs: this.#heldUntil - now };
    if (this.#openUntil) {
      if (now < this.#openUntil || this.#probing) return { status: 'open', retryAfterMs: Math.max(1000, this.#openUntil - now) };
      this.#probing = true;
      return this.#grant(now, options, true);
    }
    if (this.#permits.hasRoom(now, options.maxConcurrency) && !this.#queue.size) return this.#grant(now, options, false);
    const queued = this.#queue.wait(options.queueTimeoutMs, () => ({ status: 'busy' }), undefined);
    this.#watchExpiry(options);
    return queued;
  }

  release(permit: string, outcome: CallOutcome, options: ShieldOptions, holdOffMs = 0): void {
    // `holdOffMs`: the origin asked for a pause; until it ends, `acquire` answers `paused`, and the queue is refused now.
    const now = Date.now();
    if (holdOffMs > 0) {
      this.#heldUntil = Math.max(this.#heldUntil, now + holdOffMs);
      this.#refuseQueued({ status: 'paused', retryAfterMs: this.#heldUntil - now });
    }
    const held = this.#permits.release(permit);
    if (!held) return;
    if (outcome === 'ok') {
      this.#failures = 0;
      if (held.probe) this.#close();
    } else {
      this.#failures++;
      if (held.probe || this.#failures >= options.breakerFailures) this.#open(now, options);
    }
    this.#drain(options);
  }

  #grant(now: number, options: ShieldOptions, probe: boolean): Grant {
    return { status: 'granted', permit: this.#permits.grant(now, options.permitMs, { probe }).id };
  }

  #drain(options: ShieldOptions): void {
    const now = Date.now();
    this.#reap(now);
    for (let next = this.#queue.first(); next && this.#permits.hasRoom(now, options.maxConcurrency); next = this.#queue.first()) {
      next.settle(this.#openUntil ? { status: 'open', retryAfterMs: Math.max(1000, this.#openUntil - now) } : this.#grant(now, options, false));
    }
    this.#watchExpiry(options);
  }

  #watchExpiry(options: ShieldOptions): void {
    // A permit held by a dead isolate frees its slot when it expires: whoever still queues may have it then.
    if (this.#queue.size) this.#permits.watchExpiry(() => this.#drain(options));
  }

  #open(now: number, options: ShieldOptions): void {
    this.#openUntil = now + options.breakerCooldownMs;
    this.#probing = false;
    this.#refuseQueued({ status: 'open', retryAfterMs: options.breakerCooldownMs });
  }

  #refuseQueued(refusal: Extract<Grant, { retryAfterMs: number }>): void {
    // Everyone queued fails fast now rather than waiting to.
    this.#queue.settle(refusal);
  }

  #close(): void {
    this.#openUntil = 0;
    this.#probing = false;
    this.#failures = 0;
  }

  #reap(now: number): void {
    // An expired probe's isolate died before it could report: the next caller after the cooldown probes again.
    for (const expired of this.#permits.reap(now)) if (expired.probe) this.#probing = false;
  }
}
