import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { createOriginShield } from '../../../src/upstream/origin-shield.ts';
import { errorCodes, resetAll } from '../helpers.ts';
import { gqlWith, originFailure, scriptedOrigin } from './scripted-origin.ts';

const main = scriptedOrigin('main');
const LIMIT = 64 * 1024;
const origin = createOriginClient({ timeoutMs: 1000, maxBodyBytes: LIMIT });
const get = (path: string) => origin.request({ method: 'GET', url: `${main.url}${path}` });
/** For answers that are large on purpose. */
const wide = createOriginClient({ timeoutMs: 1000, maxBodyBytes: 1024 * 1024 });
/** A JSON string of `bytes` bytes in all, quotes included. */
const jsonOfBytes = (bytes: number) => `"${'a'.repeat(bytes - 2)}"`;

describe('origin bodies: read as a stream, at most ORIGIN_MAX_BODY_BYTES decompressed', () => {
  it('a body of exactly the limit is read', async () => {
    await main.script({ 'GET /exact': { body: jsonOfBytes(LIMIT) } });
    expect(((await get('/exact')).body as string).length).toBe(LIMIT - 2);
  });

  it('one byte over, without a Content-Length: ORIGIN_BODY_TOO_LARGE, not retried', async () => {
    await main.script({ 'GET /over': { body: jsonOfBytes(LIMIT + 1) } });
    const error = await originFailure(get('/over'));
    expect(error.code).toBe('ORIGIN_BODY_TOO_LARGE');
    expect(await main.requests()).toHaveLength(1);
  });

  it('a gzip bomb (16 KB that expands to 16 MiB) stops at the limit of decompressed bytes', async () => {
    await main.script({ 'GET /bomb': { body: '0', repeat: 16 * 1024 * 1024, gzip: true } });
    const error = await originFailure(get('/bomb'));
    expect(error.code).toBe('ORIGIN_BODY_TOO_LARGE');
    expect(error.message).toBe("The origin's answer is too large.");
    expect(await main.requests()).toHaveLength(1);
  });

  it('a gzipped body within the limit is read decompressed', async () => {
    await main.script({ 'GET /small-gzip': { body: '[1,2,3]', gzip: true } });
    expect((await get('/small-gzip')).body).toEqual([1, 2, 3]);
  });

  it('a Content-Length over the limit is refused before reading: the body that never comes is not waited for', async () => {
    await main.script({ 'GET /declared': { headers: { 'content-length': String(LIMIT + 1) }, stall: true } });
    const error = await originFailure(get('/declared'));
    // Reading would have ended in the timeout, as ORIGIN_UNAVAILABLE.
    expect(error.code).toBe('ORIGIN_BODY_TOO_LARGE');
    expect(error.detail).toContain(`Content-Length ${LIMIT + 1}`);
  });

  it('decodes UTF-8 characters split between chunks', async () => {
    const text = 'é€𝄞'.repeat(20_000);
    await main.script({ 'GET /utf8': { body: JSON.stringify(text) } });
    expect((await wide.request({ method: 'GET', url: `${main.url}/utf8` })).body).toBe(text);
  });

  it('counts as the origin\'s failure in the circuit breaker', async () => {
    await main.script({ 'GET /over': { body: jsonOfBytes(LIMIT + 1) } });
    const shield = createOriginShield({
      namespace: env.ORIGIN_SHIELD,
      name: `too-large-${crypto.randomUUID()}`,
      maxConcurrency: 4,
      queueTimeoutMs: 1000,
      permitMs: 5000,
      breakerFailures: 2,
      breakerCooldownMs: 60_000,
    });
    const guarded = createOriginClient({ timeoutMs: 1000, maxBodyBytes: LIMIT, shieldFor: () => shield });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await originFailure(guarded.request({ method: 'GET', url: `${main.url}/over` }))).code);
    expect(codes).toEqual(['ORIGIN_BODY_TOO_LARGE', 'ORIGIN_BODY_TOO_LARGE', 'ORIGIN_UNAVAILABLE']);
    expect(await main.requests()).toHaveLength(2);
  });
});

describe('no content', () => {
  it.each<[string, { status: number; body?: string }]>([
    ['204', { status: 204 }],
    ['205 with a body', { status: 205, body: '{"ignored":true}' }],
    ['200 with an empty body', { status: 200, body: '' }],
  ])('%s answers null', async (_, answer) => {
    await main.script({ 'PUT /thing': answer });
    expect((await origin.request({ method: 'PUT', url: `${main.url}/thing`, body: { n: 1 } })).body).toBeNull();
  });
});

describe('JSON nested deeper than 512 levels', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('512 levels are mapped', async () => {
    await main.script({ 'GET /deep': { body: nested(512) } });
    expect((await get('/deep')).body).toBeInstanceOf(Array);
  });

  it.each<[string, string]>([
    ['513 levels of arrays', nested(513)],
    ['100,000 levels of arrays', nested(100_000)],
    ['600 levels of objects under a list', `[1, {"a": ${'{"a":'.repeat(600)}1${'}'.repeat(600)}}]`],
  ])('%s: ORIGIN_INVALID_VALUE, not retried', async (_, body) => {
    await main.script({ 'GET /deep': { body } });
    const error = await originFailure(wide.request({ method: 'GET', url: `${main.url}/deep` }));
    expect(error.code).toBe('ORIGIN_INVALID_VALUE');
    expect(await main.requests()).toHaveLength(1);
  });
});

describe('ORIGIN_MAX_BODY_BYTES', () => {
  const tight = { ...env, ORIGIN_MAX_BODY_BYTES: '200' };
  beforeEach(() => resetAll());

  it('reaches the client: a page of products over 200 bytes is ORIGIN_BODY_TOO_LARGE', async () => {
    const { body } = await gqlWith(tight, '{ products(first: 20) { nodes { id } } }');
    expect(errorCodes(body)).toEqual(['ORIGIN_BODY_TOO_LARGE']);
  });
});
