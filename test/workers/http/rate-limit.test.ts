import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { origin, resetAll } from '../helpers.ts';
import { codes, postJson, type Answer } from '../../support/answers.ts';
import { envWith, fetchWith } from './guard-helpers.ts';

/**
 * With TIGHT_RATE_LIMITER (5 requests per 60 s per key) as RATE_LIMITER. The
 * limiter's counts outlive a test, so every test uses its own tokens and
 * addresses.
 */

const { TIGHT_RATE_LIMITER } = env as Env & { TIGHT_RATE_LIMITER: RateLimit };
const LIMIT = 5;
const tight = envWith({ RATE_LIMITER: TIGHT_RATE_LIMITER });

const uniqueToken = () => `token-xyz-${crypto.randomUUID()}`;
const uniqueIp = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
};

function send(headers: Record<string, string>, query = '{ __typename }'): Promise<Answer> {
  return fetchWith(tight, '/graphql', postJson({ query }, headers));
}

async function sendMany(count: number, headers: Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send(headers)).status);
  return statuses;
}

function expectLimited(result: Answer): void {
  expect(result.status).toBe(429);
  expect(codes(result.body)).toEqual(['RATE_LIMITED']);
  const retryAfter = Number(result.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(result.headers.get('cache-control')).toBe('no-store');
}

describe('rate limit', () => {
  beforeEach(() => resetAll());

  it('lets one client (one token) make 5 requests, then answers the 6th with 429 RATE_LIMITED and Retry-After', async () => {
    const auth = { authorization: `Bearer ${uniqueToken()}` };
    expect(await sendMany(LIMIT, auth)).toEqual(Array(LIMIT).fill(200));
    expectLimited(await send(auth));
    expectLimited(await send(auth));
  });

  it('counts another token apart, even from the same address', async () => {
    const ip = uniqueIp();
    const first = { authorization: `Bearer ${uniqueToken()}`, 'cf-connecting-ip': ip };
    const second = { authorization: `Bearer ${uniqueToken()}`, 'cf-connecting-ip': ip };
    await sendMany(LIMIT, first);
    expectLimited(await send(first));

    const other = await send(second);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('keys a token client by its token, not its address', async () => {
    const auth = { authorization: `Bearer ${uniqueToken()}` };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await send({ ...auth, 'cf-connecting-ip': uniqueIp() })).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    expectLimited(await send({ ...auth, 'cf-connecting-ip': uniqueIp() }));
  });

  it('keys anonymous clients by cf-connecting-ip', async () => {
    const ip = uniqueIp();
    expect(await sendMany(LIMIT, { 'cf-connecting-ip': ip })).toEqual(Array(LIMIT).fill(200));
    expectLimited(await send({ 'cf-connecting-ip': ip }));

    // Another address is counted apart, and so is a token sent from the limited address.
    expect((await send({ 'cf-connecting-ip': uniqueIp() })).status).toBe(200);
    expect((await send({ 'cf-connecting-ip': ip, authorization: `Bearer ${uniqueToken()}` })).status).toBe(200);
  });

  it('makes no origin call for a limited request, whatever it asks', async () => {
    const auth = { authorization: `Bearer ${uniqueToken()}` };
    await sendMany(LIMIT, auth);
    await origin.resetCounters();

    const limited = await send(auth, '{ products(first: 3) { totalCount nodes { id inventory { available } } } }');
    expectLimited(limited);
    expect(limited.text).not.toContain('totalCount');
    expect((await origin.stats()).total).toBe(0);

    // The same query from someone else does reach the origin: the limit, not the query, stopped it.
    const allowed = await send({ authorization: `Bearer ${uniqueToken()}` }, '{ products(first: 3) { totalCount nodes { id inventory { available } } } }');
    expect(allowed.status).toBe(200);
    expect((await origin.stats()).total).toBeGreaterThan(0);
  });

  it('counts requests the CSRF guard would refuse, and limits them before it', async () => {
    const ip = uniqueIp();
    const blocked: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const result = await fetchWith(tight, '/graphql?query=%7B__typename%7D', { headers: { 'cf-connecting-ip': ip } });
      blocked.push(result.status);
    }
    expect(blocked).toEqual(Array(LIMIT).fill(403));
    expectLimited(await send({ 'cf-connecting-ip': ip }));
  });
});
