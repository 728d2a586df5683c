import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { isPublicOriginMessage } from '../../../src/connect/public-message.ts';
import { errorCodes, resetAll } from '../helpers.ts';
import { gqlWith, originFailure, scriptedOrigin } from './scripted-origin.ts';

const HOSTILE = 'bad input; see http://10.1.2.3:8080/debug stack: Error at Object.<anonymous> (/srv/app.js:1:1)';

describe('which origin messages reach the client', () => {
  it.each([
    'items[0].quantity must be an integer of at least 1',
    'not enough stock for product "1"',
    'unknown productId "999"',
    'a valid user bearer token is required',
    'body must be { "available": <integer >= 0> }',
    'the sale ends at 10:30:45 UTC',
    'use std::string or a list',
    'name and/or title is required',
    'SKU-00001 is sold out (3 left in 2 stores)',
    'x'.repeat(200),
  ])('shown: %s', (message) => {
    expect(isPublicOriginMessage(message)).toBe(true);
  });

  it.each([
    HOSTILE,
    'see https://internal.example/admin',
    'jdbc:postgresql://db/shop refused',
    'connect ECONNREFUSED 10.0.0.5',
    'upstream ::1 refused',
    'upstream fe80::1ff:fe23:4567:890a is down',
    'peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 reset',
    'redis.internal:6379 timed out',
    'localhost:5432 refused the connection',
    'ENOENT: no such file, open \'/var/lib/app/data.json\'',
    'cannot read C:\\app\\config.ini',
    'share \\\\fileserver\\orders is offline',
    'TypeError: x is undefined\n    at handler (app.js:10:5)',
    'failed at Object.<anonymous> (app)',
    'Error in app.js:10:15',
    'NullPointerException (OrderService.java:42)',
    'x'.repeat(201),
  ])('withheld: %j', (message) => {
    expect(isPublicOriginMessage(message)).toBe(false);
  });
});

describe('origin error messages through the client', () => {
  const main = scriptedOrigin('main');
  const origin = createOriginClient({ timeoutMs: 1000 });
  const post = () => origin.request({ method: 'POST', url: `${main.url}/api/orders`, body: {} });
  const error = (message: string) => JSON.stringify({ error: { message } });

  it.each<[number, string, string]>([
    [400, 'BAD_USER_INPUT', 'The origin refused the request as invalid.'],
    [413, 'BAD_USER_INPUT', 'The origin refused the request as invalid.'],
    [422, 'BAD_USER_INPUT', 'The origin refused the request as invalid.'],
    [401, 'UNAUTHENTICATED', 'The origin did not accept the credentials.'],
    [403, 'FORBIDDEN', 'The origin does not allow this.'],
    [404, 'NOT_FOUND', 'The origin has no such resource.'],
    [409, 'CONFLICT', "The request conflicts with the origin's current state."],
  ])('%i with a leaky message: %s with its fixed message; the origin\'s text stays in detail', async (status, code, message) => {
    await main.script({ 'POST /api/orders': { status, body: error(HOSTILE) } });
    const failure = await originFailure(post());
    expect(failure.code).toBe(code);
    expect(failure.message).toBe(message);
    expect(failure.detail).toContain('10.1.2.3:8080');
  });

  it('a benign message is passed on as it is', async () => {
    await main.script({ 'POST /api/orders': { status: 409, body: error('not enough stock for product "1"') } });
    expect((await originFailure(post())).message).toBe('not enough stock for product "1"');
  });

  it('the reason phrase never reaches the client, whatever it says', async () => {
    await main.script({ 'POST /api/orders': { status: 400, reason: 'Bad Request from app-7 at 10.1.2.3' } });
    const failure = await originFailure(post());
    expect(failure.message).toBe('The origin refused the request as invalid.');
    expect(failure.detail).toContain('app-7');
  });
});

describe('origin error messages through the gateway', () => {
  const main = scriptedOrigin('main');
  const gateway = { ...env, ORIGIN_URL: main.url };
  beforeEach(() => resetAll());

  it('a leaky 400 reaches the client as BAD_USER_INPUT with the fixed message, naming nothing of the origin', async () => {
    await main.script({ 'POST /api/orders': { status: 400, body: JSON.stringify({ error: { message: HOSTILE } }) } });
    const { body } = await gqlWith(gateway, 'mutation { placeOrder(input: { items: [{ productId: "1", quantity: 1 }] }) { id } }', { authorization: 'Bearer token-u1' });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toBe('The origin refused the request as invalid.');
    expect(JSON.stringify(body)).not.toMatch(/10\.1\.2\.3|app\.js|\/srv|127\.0\.0\.1/);
  });
});
