import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, errorCodes, fetchWorker, resetAll, sleep, type GraphQLBody } from '../helpers.ts';
import { originAdmin } from '../../support/simulator-admin.ts';

const PRODUCT = 'query($id: ID!) { product(id: $id) { id name } }';

/** The gateway over the fragile origin (at most 8 requests at once, 100 ms each): one isolate's state for the file. */
const fragile = { ...env, ORIGIN_URL: env.SHIELD_ORIGIN_URL };

async function send(vars: Env, id: number): Promise<{ status: number; headers: Headers; body: GraphQLBody<{ product: { id: string } | null }> }> {
  const response = await fetchWorker(vars, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PRODUCT, variables: { id: String(id) } }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody<{ product: { id: string } | null }> };
}

/** The fragile origin's own view, bypassing the gateway. */
const fragileOrigin = originAdmin(env.SHIELD_ORIGIN_URL);

describe('origin shield: the origin never sees more than ORIGIN_MAX_CONCURRENCY requests', () => {
  beforeEach(async () => {
    await resetAll();
    await fragileOrigin.reset();
  });

  it('100 concurrent distinct queries: the origin\'s maxInFlight stays at most 8, it rejects none, every client gets data', async () => {
    const answers = await concurrently(100, (i) => send(fragile, 101 + i));
    const stats = await fragileOrigin.stats();

    expect(stats.rejected).toBe(0);
    expect(stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.total).toBe(100);
    answers.forEach((answer, i) => expect(answer.body.data?.product?.id).toBe(String(101 + i)));
  });

  it('with a short queue, the overflow gets ORIGIN_BUSY with Retry-After instead of an origin call, and the origin still rejects none', async () => {
    const impatient = { ...fragile, ORIGIN_QUEUE_TIMEOUT_MS: '150' };
    const answers = await concurrently(100, (i) => send(impatient, 201 + i));
    const stats = await fragileOrigin.stats();
    const busy = answers.filter((answer) => errorCodes(answer.body).includes('ORIGIN_BUSY'));
    const served = answers.filter((answer) => answer.body.data?.product);

    expect(stats.rejected).toBe(0);
    expect(stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(busy.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    expect(busy.length + served.length).toBe(100);
    expect(stats.total).toBe(served.length);
    expect(busy.every((answer) => answer.status < 500 && Number(answer.headers.get('retry-after')) > 0)).toBe(true);
  });
});

describe('circuit breaker', () => {
  // Three consecutive failures open it for a second.
  const guarded = { ...fragile, ORIGIN_BREAKER_FAILURES: '3', ORIGIN_BREAKER_COOLDOWN_MS: '1000' };

  beforeEach(async () => {
    await resetAll();
    await fragileOrigin.reset();
  });

  it('opens after consecutive failures: the origin is skipped, clients fail fast; after the cooldown one probe closes it', async () => {
    await fragileOrigin.fault({ mode: 'error' });
    for (let id = 301; id < 304; id++) expect(errorCodes((await send(guarded, id)).body)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect((await fragileOrigin.stats()).total).toBe(3);

    const skipped = await concurrently(10, (i) => send(guarded, 310 + i));
    expect(skipped.every((answer) => errorCodes(answer.body).join() === 'ORIGIN_UNAVAILABLE')).toBe(true);
    expect(skipped.every((answer) => Number(answer.headers.get('retry-after')) > 0)).toBe(true);
    expect((await fragileOrigin.stats()).total).toBe(3);

    await fragileOrigin.fault({ mode: 'none' });
    await sleep(1100);
    const probe = await send(guarded, 320);
    expect(probe.body.data?.product?.id).toBe('320');
    const after = await concurrently(5, (i) => send(guarded, 330 + i));
    expect(after.every((answer, i) => answer.body.data?.product?.id === String(330 + i))).toBe(true);
    expect((await fragileOrigin.stats()).total).toBe(3 + 1 + 5);
  });

  it('a failed probe opens it again without letting anyone else through', async () => {
    await fragileOrigin.fault({ mode: 'error' });
    for (let id = 401; id < 404; id++) await send(guarded, id);
    await sleep(1100);
    const probe = await send(guarded, 404);
    expect(errorCodes(probe.body)).toEqual(['ORIGIN_UNAVAILABLE']);
    const skipped = await concurrently(5, (i) => send(guarded, 410 + i));
    expect(skipped.every((answer) => errorCodes(answer.body).join() === 'ORIGIN_UNAVAILABLE')).toBe(true);
    expect((await fragileOrigin.stats()).total).toBe(4);
    await fragileOrigin.fault({ mode: 'none' });
    await sleep(1100);
    expect((await send(guarded, 420)).body.data?.product?.id).toBe('420');
  });
});
