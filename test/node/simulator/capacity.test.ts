import { describe, expect, it } from 'vitest';
import type { RunningOrigin } from '../../../simulator/server.ts';
import { call, reset, stats, useOrigin } from './helpers.ts';

const LATENCY_MS = 400;

function burst(url: string, count: number): Promise<number[]> {
  return Promise.all(Array.from({ length: count }, async (_, index) => (await fetch(`${url}/api/products/${index + 1}`)).status));
}

async function untilInFlight(origin: RunningOrigin, count: number): Promise<void> {
  await expect.poll(async () => (await stats(origin)).inFlight, { interval: 10 }).toBe(count);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('max concurrency', () => {
  const origin = useOrigin({ latencyMs: LATENCY_MS, maxConcurrency: 3 });

  it('refuses requests beyond the limit with 503 and serves the rest', async () => {
    await reset(origin());
    const statuses = await burst(origin().url, 5);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 503)).toHaveLength(2);
    expect(await stats(origin())).toMatchObject({ total: 5, inFlight: 0, maxInFlight: 3, rejected: 2 });
  });

  it('answers 503 with an OVERLOADED body and recovers at once without a crash window', async () => {
    const pending = burst(origin().url, 3);
    await untilInFlight(origin(), 3);
    const refused = await call(origin(), '/api/products/9');
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'OVERLOADED' } } });
    expect(await pending).toEqual([200, 200, 200]);
    expect((await call(origin(), '/api/products/9')).status).toBe(200);
  });

  it('keeps the admin endpoints out of the limit', async () => {
    const pending = burst(origin().url, 3);
    await untilInFlight(origin(), 3);
    expect((await call(origin(), '/__origin/stats')).status).toBe(200);
    await pending;
  });
});

describe('crash window', () => {
  const CRASH_SECONDS = 1.5;
  const origin = useOrigin({ latencyMs: LATENCY_MS, maxConcurrency: 1, crashSeconds: CRASH_SECONDS });

  it('refuses everything for crashSeconds after an over-capacity refusal', async () => {
    await reset(origin());
    const crashedAt = Date.now();
    expect((await burst(origin().url, 2)).sort()).toEqual([200, 503]);
    expect((await call(origin(), '/api/products/1')).status).toBe(503);
    expect((await stats(origin())).rejected).toBe(2);

    await sleep(CRASH_SECONDS * 1000 + 100 - (Date.now() - crashedAt));
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
  });

  it('ends the crash window on reset', async () => {
    expect((await burst(origin().url, 2)).sort()).toEqual([200, 503]);
    expect((await call(origin(), '/api/products/1')).status).toBe(503);
    await reset(origin());
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
  });
});
