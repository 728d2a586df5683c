import { describe, expect, it } from 'vitest';
import { Waiters } from '../../../src/single-flight/waiters.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PENDING = 'still pending';
async function within(promise: PromiseLike<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, sleep(ms).then(() => PENDING)]);
}
const timeout = () => 'timeout';

describe('Waiters', () => {
  it('a waiter gets the timeout result when its time runs out, and leaves', async () => {
    const waiters = new Waiters<string>();
    const waiting = waiters.wait(30, timeout, undefined);
    expect(waiters.size).toBe(1);
    expect(await waiting).toBe('timeout');
    expect(waiters.size).toBe(0);
  });

  it('a waiter whose signal aborts leaves at once with the timeout result; one already aborted never waits', async () => {
    const waiters = new Waiters<string>();
    const stop = new AbortController();
    const waiting = waiters.wait(5000, timeout, undefined, { signal: stop.signal });
    expect(await within(waiting, 20)).toBe(PENDING);
    stop.abort();
    expect(await within(waiting, 20)).toBe('timeout');

    expect(await within(waiters.wait(5000, timeout, undefined, { signal: AbortSignal.abort() }), 20)).toBe('timeout');
    expect(waiters.size).toBe(0);
  });

  it('settle hands the result to the waiters of its tag only, or to all without one', async () => {
    const waiters = new Waiters<string, string>();
    const a = [waiters.wait(5000, timeout, 'a'), waiters.wait(5000, timeout, 'a')];
    const b = waiters.wait(5000, timeout, 'b');
    waiters.settle('for a', 'a');
    expect(await Promise.all(a)).toEqual(['for a', 'for a']);
    expect(await within(b, 20)).toBe(PENDING);
    waiters.settle('for all');
    expect(await b).toBe('for all');
  });

  it('first() is the longest waiting; settling it leaves the others waiting', async () => {
    const waiters = new Waiters<string>();
    const first = waiters.wait(5000, timeout, undefined);
    const second = waiters.wait(5000, timeout, undefined);
    waiters.first()?.settle('one');
    expect(await first).toBe('one');
    expect(await within(second, 20)).toBe(PENDING);
    waiters.first()?.settle('two');
    expect(await second).toBe('two');
    expect(waiters.first()).toBeUndefined();
  });

  it('retag: every waiter waits for the new tag, not the old one', async () => {
    const waiters = new Waiters<string, string>();
    const waiting = waiters.wait(5000, timeout, 'old');
    waiters.retag('new');
    waiters.settle('old result', 'old');
    expect(await within(waiting, 20)).toBe(PENDING);
    waiters.settle('new result', 'new');
    expect(await waiting).toBe('new result');
  });

  it('onLeave runs once per waiter, whichever way it leaves first; a second settle does nothing', async () => {
    const waiters = new Waiters<string>();
    let left = 0;
    const stop = new AbortController();
    const waiting = waiters.wait(30, timeout, undefined, { signal: stop.signal, onLeave: () => left++ });
    const waiter = waiters.first();
    waiter?.settle('first');
    waiter?.settle('second');
    stop.abort();
    await sleep(50);
    expect(await waiting).toBe('first');
    expect(left).toBe(1);
  });
});
