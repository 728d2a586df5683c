import { afterEach, describe, expect, it } from 'vitest';
import type { OriginInventory, ProductPage } from '../../../simulator/types.ts';
import { call, callForError, reset, setFault, stats, useOrigin } from './helpers.ts';

/** Long enough to tell "no answer" from a loopback answer with zero latency. */
const NO_ANSWER_MS = 300;

describe('faults', () => {
  const origin = useOrigin();

  afterEach(async () => {
    await reset(origin(), true);
  });

  it.each([
    ['an unknown mode', '{"mode":"explode"}'],
    ['no mode', '{}'],
    ['slow without latencyMs', '{"mode":"slow"}'],
    ['slow with a negative latencyMs', '{"mode":"slow","latencyMs":-5}'],
    ['slow with a fractional latencyMs', '{"mode":"slow","latencyMs":1.5}'],
    ['invalid JSON', '{"mode":'],
  ])('rejects %s with 400', async (_label, body) => {
    expect(await callForError(origin(), '/__origin/faults', { method: 'POST', body })).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
  });

  it('down: drops the connection without an answer', async () => {
    await setFault(origin(), { mode: 'down' });
    await expect(fetch(`${origin().url}/api/products/1`)).rejects.toThrow(TypeError);
    await expect(fetch(`${origin().url}/api/products/1`)).rejects.toThrow(TypeError);
    const counted = await stats(origin());
    expect(counted).toMatchObject({ total: 2, inFlight: 0, routes: { 'GET /api/products/:id': 2 } });
    await reset(origin());
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
  });

  it('error: answers 500 without doing the work', async () => {
    const before = (await call<OriginInventory>(origin(), '/api/inventory/SKU-00001')).body;
    await setFault(origin(), { mode: 'error' });
    expect(await callForError(origin(), '/api/products/1')).toEqual({ status: 500, code: 'INTERNAL' });
    const order = await callForError(origin(), '/api/orders', {
      method: 'POST',
      token: 'token-u1',
      json: { items: [{ productId: '1', quantity: 1 }] },
    });
    expect(order).toEqual({ status: 500, code: 'INTERNAL' });
    await setFault(origin(), { mode: 'none' });
    expect((await call(origin(), '/api/inventory/SKU-00001')).body).toEqual(before);
    expect((await stats(origin())).routes['POST /api/orders']).toBe(1);
  });

  it('hang: never answers, even after a reset, while the admin endpoints stay responsive', async () => {
    await setFault(origin(), { mode: 'hang' });
    const hung = fetch(`${origin().url}/api/products/1`, { signal: AbortSignal.timeout(NO_ANSWER_MS) });
    const also = fetch(`${origin().url}/api/products/2`, { signal: AbortSignal.timeout(NO_ANSWER_MS) });
    await expect.poll(async () => (await stats(origin())).inFlight).toBe(2);
    expect(await stats(origin())).toMatchObject({ total: 2, maxInFlight: 2 });
    await reset(origin());
    expect(await stats(origin())).toMatchObject({ total: 0, inFlight: 2, maxInFlight: 2 });
    await expect(hung).rejects.toThrow(/timeout|aborted/i);
    await expect(also).rejects.toThrow(/timeout|aborted/i);
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
    await expect.poll(async () => (await stats(origin())).inFlight).toBe(0);
  });

  it('slow: uses the fault latency instead of the configured one', async () => {
    await setFault(origin(), { mode: 'slow', latencyMs: 400 });
    const started = performance.now();
    expect((await call(origin(), '/api/products/1')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(NO_ANSWER_MS);
    await setFault(origin(), { mode: 'none' });
    const fast = await call(origin(), '/api/products/1', { signal: AbortSignal.timeout(NO_ANSWER_MS) });
    expect(fast.status).toBe(200);
  });

  it('malformed: answers 200 with truncated JSON', async () => {
    const path = '/api/products?limit=3';
    const real = JSON.stringify((await call<ProductPage>(origin(), path)).body);
    await setFault(origin(), { mode: 'malformed' });
    const response = await fetch(`${origin().url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(real.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    const error = await fetch(`${origin().url}/api/products/nope`);
    expect(error.status).toBe(200);
    await expect(error.json()).rejects.toThrow(SyntaxError);
  });

  it('reset: sends the headers and half the body, then drops the connection', async () => {
    await setFault(origin(), { mode: 'reset' });
    const response = await fetch(`${origin().url}/api/products?limit=3`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await setFault(origin(), { mode: 'none' });
  });

  it('never delays or faults the admin endpoints', async () => {
    await setFault(origin(), { mode: 'down' });
    const { status } = await call(origin(), '/__origin/stats', { signal: AbortSignal.timeout(NO_ANSWER_MS) });
    expect(status).toBe(200);
  });
});
