import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { createOriginShield } from '../../../src/upstream/origin-shield.ts';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../../src/upstream/retry-after.ts';
import { errorCodes, resetAll } from '../helpers.ts';
import { gqlWith, originFailure, scriptedOrigin } from './scripted-origin.ts';

const main = scriptedOrigin('main');
const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('Retry-After: seconds or an HTTP date, from 1 to 60', () => {
  it.each<[string | null, number]>([
    ['7', 7],
    [' 12 ', 12],
    ['3600', MAX_RETRY_AFTER_SECONDS],
    ['99999999999999999999999', MAX_RETRY_AFTER_SECONDS],
    ['0', 1],
    [new Date(NOW + 30_000).toUTCString(), 30],
    [new Date(NOW + 3_600_000).toUTCString(), MAX_RETRY_AFTER_SECONDS],
    [new Date(NOW - 60_000).toUTCString(), 1],
    [null, 1],
    ['', 1],
    ['soon', 1],
  ])('%j → %i s', (header, seconds) => {
    expect(retryAfterSeconds(header, NOW)).toBe(seconds);
  });
});

/** A shield of its own per test: a pause one test asks for must not reach the next. */
function guardedClient() {
  const shield = createOriginShield({
    namespace: env.ORIGIN_SHIELD,
    name: `rate-limited-${crypto.randomUUID()}`,
    maxConcurrency: 4,
    queueTimeoutMs: 1000,
    permitMs: 5000,
    // Never opened here: what refuses calls is the pause alone.
    breakerFailures: 1000,
    breakerCooldownMs: 60_000,
  });
  return createOriginClient({ timeoutMs: 1000, shieldFor: () => shield });
}

describe('origin 429', () => {
  it('is ORIGIN_RATE_LIMITED with the origin\'s Retry-After, and a GET is not retried', async () => {
    await main.script({ 'GET /busy': { status: 429, reason: 'Slow down, see http://10.9.8.7/', headers: { 'retry-after': '7' }, body: '{"error":{"message":"quota of tenant 42 at 10.9.8.7:6379"}}' } });
    const error = await originFailure(createOriginClient({ timeoutMs: 1000 }).request({ method: 'GET', url: `${main.url}/busy` }));
    expect(error.code).toBe('ORIGIN_RATE_LIMITED');
    expect(error.extensions.retryAfter).toBe(7);
    expect(error.status).toBe(429);
    expect(error.message).not.toMatch(/10\.9\.8\.7|tenant/);
    expect(await main.requests()).toHaveLength(1);
  });

  it('holds the shield off that origin for as long: every path is refused without a request', async () => {
    await main.script({ 'GET /busy': { status: 429, headers: { 'retry-after': '30' } }, 'GET /other': { body: '{}' } });
    const client = guardedClient();

    const first = await originFailure(client.request({ method: 'GET', url: `${main.url}/busy` }));
    expect(first.code).toBe('ORIGIN_RATE_LIMITED');
    expect(first.extensions.retryAfter).toBe(30);

    for (const path of ['/busy', '/other']) {
      const held = await originFailure(client.request({ method: 'GET', url: `${main.url}${path}` }));
      expect(held.code).toBe('ORIGIN_RATE_LIMITED');
      expect(held.extensions.retryAfter).toBeGreaterThan(0);
      expect(held.extensions.retryAfter).toBeLessThanOrEqual(30);
    }
    expect((await main.requests()).map((request) => request.url)).toEqual(['/busy']);
  });

  it('an origin cannot hold the shield off for more than 60 s', async () => {
    await main.script({ 'GET /busy': { status: 429, headers: { 'retry-after': '86400' } } });
    const client = guardedClient();
    expect((await originFailure(client.request({ method: 'GET', url: `${main.url}/busy` }))).extensions.retryAfter).toBe(MAX_RETRY_AFTER_SECONDS);
    const held = await originFailure(client.request({ method: 'GET', url: `${main.url}/busy` }));
    expect(held.extensions.retryAfter).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS);
  });

  it('a 4xx does not hold the shield off', async () => {
    await main.script({ 'GET /missing': { status: 404, body: '{"error":{"message":"no such thing"}}' } });
    const client = guardedClient();
    for (let i = 0; i < 2; i++) expect((await originFailure(client.request({ method: 'GET', url: `${main.url}/missing` }))).code).toBe('NOT_FOUND');
    expect(await main.requests()).toHaveLength(2);
  });
});

describe('origin 429 through the gateway', () => {
  const limited = scriptedOrigin('limited');
  // This origin is held off once this file has run: no other test uses it.
  const gateway = { ...env, ORIGIN_URL: limited.url };
  beforeEach(() => resetAll());

  it('the client gets ORIGIN_RATE_LIMITED with the Retry-After header, then fails fast, with the same code, while the origin is held off', async () => {
    await limited.script({ 'GET /api/products': { status: 429, headers: { 'retry-after': '9' } } });

    const first = await gqlWith(gateway, '{ product(id: "rl-1") { id } }');
    expect(first.body.data).toEqual({ product: null });
    expect(errorCodes(first.body)).toEqual(['ORIGIN_RATE_LIMITED']);
    expect(first.headers.get('retry-after')).toBe('9');

    const second = await gqlWith(gateway, '{ product(id: "rl-2") { id } }');
    expect(errorCodes(second.body)).toEqual(['ORIGIN_RATE_LIMITED']);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(9);
    expect(await limited.requests()).toHaveLength(1);
  });
});
