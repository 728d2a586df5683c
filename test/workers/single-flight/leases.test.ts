import { describe, expect, it } from 'vitest';
import { Leases, type Lease } from '../../../src/single-flight/leases.ts';

type Result = { status: 'done'; value: string } | { status: 'lead'; lease: string } | { status: 'timeout' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PENDING = 'still pending';
async function within(promise: PromiseLike<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, sleep(ms).then(() => PENDING)]);
}

function leases(persisted = new Map<string, Lease | undefined>()): Leases<Result> {
  return new Leases<Result>({
    lead: (_, lease) => ({ status: 'lead', lease }),
    timeout: () => ({ status: 'timeout' }),
    persist: (key, lease) => void persisted.set(key, lease),
  });
}

describe('Leases', () => {
  it('grants one lease per key until it is finished or expires', () => {
    const table = leases();
    const now = Date.now();
    expect(table.isFree('a', now)).toBe(true);
    const lease = table.grant('a', now, 1000);
    expect(table.isFree('a', now)).toBe(false);
    expect(table.isFree('b', now)).toBe(true);
    expect(table.isFree('a', now + 1000)).toBe(true);
    table.finish('a', lease, { status: 'done', value: 'x' });
    expect(table.isFree('a', now)).toBe(true);
    expect(table.keys()).toEqual([]);
  });

  it('hands the leader\'s result to the waiters of its lease', async () => {
    const table = leases();
    const lease = table.grant('a', Date.now(), 10_000);
    const waiters = [table.wait('a', 5000, 10_000), table.wait('a', 5000, 10_000)];
    expect(await within(waiters[0]!, 20)).toBe(PENDING);
    table.finish('a', lease, { status: 'done', value: 'x' });
    expect(await Promise.all(waiters)).toEqual([
      { status: 'done', value: 'x' },
      { status: 'done', value: 'x' },
    ]);
  });

  it('answers the timeout result when the wait runs out, and keeps the lease', async () => {
    const table = leases();
    table.grant('a', Date.now(), 10_000);
    expect(await table.wait('a', 30, 10_000)).toEqual({ status: 'timeout' });
    expect(table.isFree('a', Date.now())).toBe(false);
  });

  it('hands over: the first waiter leads under a new lease, the others wait for it, the old leader\'s result reaches nobody', async () => {
    const table = leases();
    const old = table.grant('a', Date.now(), 10_000);
    const first = table.wait('a', 5000, 10_000);
    const second = table.wait('a', 5000, 10_000);
    table.handOver('a', Date.now(), 10_000);

    const led = await first;
    if (led.status !== 'lead') throw new Error(`expected lead, got ${led.status}`);
    expect(led.lease).not.toBe(old);
    table.finish('a', old, { status: 'done', value: 'old' });
    expect(await within(second, 20)).toBe(PENDING);
    table.finish('a', led.lease, { status: 'done', value: 'new' });
    expect(await second).toEqual({ status: 'done', value: 'new' });
  });

  it('drops the lease on a hand-over nobody waits for', () => {
    const table = leases();
    table.grant('a', Date.now(), 10_000);
    table.handOver('a', Date.now(), 10_000);
    expect(table.isFree('a', Date.now())).toBe(true);
  });

  it('takes over an expired lease: one waiter leads, once', async () => {
    const table = leases();
    table.grant('a', Date.now(), 100);
    const waiters = [table.wait('a', 5000, 100), table.wait('a', 5000, 100), table.wait('a', 5000, 100)];
    const first = await Promise.race(waiters);
    expect(first.status).toBe('lead');
    const lease = first.status === 'lead' ? first.lease : '';
    table.finish('a', lease, { status: 'done', value: 'x' });
    const results = await Promise.all(waiters);
    expect(results.filter((result) => result.status === 'lead')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'done')).toHaveLength(2);
  });

  it('withdraws a waiter whose signal aborts', async () => {
    const table = leases();
    table.grant('a', Date.now(), 10_000);
    const stop = new AbortController();
    const waiter = table.wait('a', 5000, 10_000, stop.signal);
    stop.abort();
    expect(await waiter).toEqual({ status: 'timeout' });
    // Withdrawn: a hand-over does not pick it.
    table.handOver('a', Date.now(), 10_000);
    expect(table.isFree('a', Date.now())).toBe(true);
  });

  it('persists every change of a lease, and a restored lease is held', () => {
    const persisted = new Map<string, Lease | undefined>();
    const table = leases(persisted);
    const lease = table.grant('a', Date.now(), 10_000);
    expect(persisted.get('a')).toMatchObject({ id: lease });

    const restarted = leases();
    restarted.restore('a', persisted.get('a')!);
    expect(restarted.isFree('a', Date.now())).toBe(false);
    expect(restarted.holds('a', lease)).toBe(true);

    table.finish('a', lease, { status: 'done', value: 'x' });
    expect(persisted.get('a')).toBeUndefined();
  });

  it('prunes expired leases nobody waits on', () => {
    const persisted = new Map<string, Lease | undefined>();
    const table = leases(persisted);
    const now = Date.now();
    table.grant('a', now - 2000, 1000);
    table.grant('b', now, 10_000);
    table.prune(now);
    expect(table.keys()).toEqual(['b']);
    expect(persisted.get('a')).toBeUndefined();
  });
});
