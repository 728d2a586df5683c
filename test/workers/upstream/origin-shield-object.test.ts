import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grant, OriginShieldObject, ShieldOptions } from '../../../src/upstream/origin-shield-object.ts';

type Stub = DurableObjectStub<OriginShieldObject>;

/** A fresh shield per test: the names never repeat, so no test sees another's permits, queue or breaker. */
function shieldFor(label: string): Stub {
  return env.ORIGIN_SHIELD.getByName(`origin-shield-object.test:${label}:${crypto.randomUUID()}`);
}

/** Two slots, a queue that outlasts every test's wait, permits that stay held, a breaker at three failures. */
const OPTIONS: ShieldOptions = { maxConcurrency: 2, queueTimeoutMs: 5000, permitMs: 10_000, breakerFailures: 3, breakerCooldownMs: 300 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PENDING = 'still pending';
/** The promise's value if it settles within `ms`, else PENDING; for checking that a caller still queues. */
async function within(promise: PromiseLike<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, sleep(ms).then(() => PENDING)]);
}

/** Takes a permit, or fails the test. */
async function permit(stub: Stub, options = OPTIONS): Promise<string> {
  const grant: Grant = await stub.acquire(options);
  if (grant.status !== 'granted') throw new Error(`expected a permit, got ${grant.status}`);
  return grant.permit;
}

/** Calls that fail in a row, each under its own permit. */
async function fail(stub: Stub, times: number, options = OPTIONS): Promise<void> {
  for (let i = 0; i < times; i++) await stub.release(await permit(stub, options), 'failed', options);
}

describe('OriginShieldObject', () => {
  // The first call to an object loads the Worker's modules (seconds, on a busy machine): here, not in a test's time limit.
  beforeAll(() => shieldFor('warm-up').acquire(OPTIONS), 30_000);

  describe('permits and queue', () => {
    it('grants up to maxConcurrency permits; the next caller queues until one is released', async () => {
      const stub = shieldFor('grant');
      const first = await permit(stub);
      await permit(stub);
      const queued = stub.acquire(OPTIONS);
      expect(await within(queued, 100)).toBe(PENDING);

      await stub.release(first, 'ok', OPTIONS);
      expect(await queued).toMatchObject({ status: 'granted', permit: expect.any(String) });
    });

    it('serves the queue first come, first served', async () => {
      const stub = shieldFor('fifo');
      const held = [await permit(stub), await permit(stub)];
      const order: number[] = [];
      const queued = [0, 1].map((i) => stub.acquire(OPTIONS).then((grant) => (order.push(i), grant)));
      await sleep(50);
      for (const id of held) await stub.release(id, 'ok', OPTIONS);
      await Promise.all(queued);
      expect(order).toEqual([0, 1]);
    });

    it('answers busy to a caller whose queue wait runs out, and the slots stay held', async () => {
      const stub = shieldFor('busy');
      await permit(stub);
      await permit(stub);
      const impatient = { ...OPTIONS, queueTimeoutMs: 100 };
      expect(await stub.acquire(impatient)).toEqual({ status: 'busy' });
      const again = stub.acquire(impatient);
      expect(await within(again, 50)).toBe(PENDING);
      expect(await again).toEqual({ status: 'busy' });
    });

    it('reclaims a permit its isolate never released when it expires, and drains a queued caller into the slot', async () => {
      const stub = shieldFor('reclaim');
      const short = { ...OPTIONS, maxConcurrency: 1, permitMs: 300, queueTimeoutMs: 1000 };
      const dead = await permit(stub, short);
      const queued = stub.acquire(short);
      expect(await within(queued, 100)).toBe(PENDING);

      const grant = await queued;
      expect(grant).toMatchObject({ status: 'granted' });
      // The dead isolate's late release frees nothing: the slot is the drained caller's now.
      await stub.release(dead, 'ok', short);
      const next = stub.acquire(short);
      expect(await within(next, 100)).toBe(PENDING);
      await stub.release(grant.status === 'granted' ? grant.permit : '', 'ok', short);
      expect(await next).toMatchObject({ status: 'granted' });
    });
  });

  describe('circuit breaker', () => {
    it('opens after breakerFailures consecutive failures: callers fail fast with a retry time', async () => {
      const stub = shieldFor('open');
      await fail(stub, 2);
      const third = await permit(stub);
      await stub.release(third, 'failed', OPTIONS);
      const refused = await stub.acquire(OPTIONS);
      expect(refused).toMatchObject({ status: 'open' });
      expect(refused.status === 'open' && refused.retryAfterMs).toBeGreaterThan(0);
    });

    it('a success resets the count of consecutive failures', async () => {
      const stub = shieldFor('reset');
      await fail(stub, 2);
      await stub.release(await permit(stub), 'ok', OPTIONS);
      await fail(stub, 2);
      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'granted' });
    });

    it('refuses the queue when it opens, rather than letting it wait', async () => {
      const stub = shieldFor('open-queue');
      const one = { ...OPTIONS, maxConcurrency: 1, breakerFailures: 1 };
      const failing = await permit(stub, one);
      const queued = stub.acquire(one);
      expect(await within(queued, 50)).toBe(PENDING);
      await stub.release(failing, 'failed', one);
      expect(await queued).toMatchObject({ status: 'open' });
    });

    it('after the cooldown lets exactly one probe through; its success closes the breaker', async () => {
      const stub = shieldFor('probe-ok');
      await fail(stub, 3);
      await sleep(OPTIONS.breakerCooldownMs + 50);

      const probe = await permit(stub);
      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'open' });
      await stub.release(probe, 'ok', OPTIONS);

      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'granted' });
      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'granted' });
    });

    it('a failed probe opens it again for another cooldown', async () => {
      const stub = shieldFor('probe-failed');
      await fail(stub, 3);
      await sleep(OPTIONS.breakerCooldownMs + 50);
      await stub.release(await permit(stub), 'failed', OPTIONS);
      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'open' });
      await sleep(OPTIONS.breakerCooldownMs + 50);
      expect(await stub.acquire(OPTIONS)).toMatchObject({ status: 'granted' });
    });

    it('a probe whose isolate died lets another probe through once its permit expires', async () => {
      const stub = shieldFor('probe-dead');
      const short = { ...OPTIONS, permitMs: 200 };
      await fail(stub, 3, short);
      await sleep(short.breakerCooldownMs + 50);
      await permit(stub, short);
      expect(await stub.acquire(short)).toMatchObject({ status: 'open' });
      await sleep(short.permitMs + 50);
      expect(await stub.acquire(short)).toMatchObject({ status: 'granted' });
    });
  });

  describe('holdOff: the origin asked for a pause', () => {
    it('refuses the queue at once and answers paused until the pause ends', async () => {
      const stub = shieldFor('pause');
      const one = { ...OPTIONS, maxConcurrency: 1 };
      const held = await permit(stub, one);
      const queued = stub.acquire(one);
      expect(await within(queued, 50)).toBe(PENDING);

      await stub.release(held, 'ok', one, 300);
      const refused = await queued;
      expect(refused).toMatchObject({ status: 'paused' });
      expect(refused.status === 'paused' && refused.retryAfterMs).toBeGreaterThan(0);
      expect(await stub.acquire(one)).toMatchObject({ status: 'paused' });

      await sleep(350);
      expect(await stub.acquire(one)).toMatchObject({ status: 'granted' });
    });
  });
});
