import { describe, expect, it } from 'vitest';
import { upstreamToGraphQL } from '../../../src/connect/upstream-to-graphql.ts';
import { UpstreamError, type UpstreamErrorOptions, type UpstreamFailure } from '../../../src/upstream/upstream-error.ts';

const CALL = { method: 'GET', url: 'http://10.9.8.7:8080/api/products?ids=1' };
const failed = (kind: UpstreamFailure, options: UpstreamErrorOptions = {}) => new UpstreamError(kind, CALL, 'a reason for the log', options);
const shown = (error: UpstreamError) => JSON.parse(JSON.stringify(upstreamToGraphQL(error))) as unknown;
const UNAVAILABLE = 'The origin is unavailable; try again later.';

describe('upstreamToGraphQL: the one mapping of a transport error to what the client sees', () => {
  it.each<[string, string, string, UpstreamError]>([
    ['a timeout', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('timeout')],
    ['a network error', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('network', { cause: new Error('connect ECONNREFUSED 10.9.8.7:8080') })],
    ['a 2xx that is not JSON', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('not-json', { status: 200, data: '<html>' })],
    ['a batch answer that is no list', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('unexpected-shape')],
    ['a 500', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('status', { status: 500, data: { error: { message: 'out of stock' } } })],
    ['a 410, a status the caller did not cause', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, failed('status', { status: 410 })],
    ['JSON nested too deep', 'ORIGIN_INVALID_VALUE', "The origin's answer cannot be mapped.", failed('too-deep', { status: 200 })],
    ['a body too large', 'ORIGIN_BODY_TOO_LARGE', "The origin's answer is too large.", failed('too-large', { status: 200 })],
    ['a refused redirect', 'ORIGIN_REDIRECT_REFUSED', 'The origin answered with a redirect that the gateway does not follow.', failed('redirect-refused', { status: 302 })],
    ['a 404 without a message', 'NOT_FOUND', 'The origin has no such resource.', failed('status', { status: 404 })],
    ['a 401 with an empty message', 'UNAUTHENTICATED', 'The origin did not accept the credentials.', failed('status', { status: 401, data: { error: { message: '' } } })],
  ])('%s: %s', (_, code, message, error) => {
    expect(shown(error)).toEqual({ message, extensions: { code } });
  });

  it.each<[string, string, string, number, UpstreamError]>([
    ["the origin's 429", 'ORIGIN_RATE_LIMITED', 'The origin is rate-limiting requests; retry later.', 7, failed('status', { status: 429, retryAfter: 7 })],
    ["the shield holding off for the origin's pause", 'ORIGIN_RATE_LIMITED', 'The origin is rate-limiting requests; retry later.', 3, failed('shield-paused', { retryAfter: 3 })],
    ['no shield slot in time', 'ORIGIN_BUSY', 'The origin is busy; retry shortly.', 1, failed('shield-busy', { retryAfter: 1 })],
    ['the breaker open', 'ORIGIN_UNAVAILABLE', UNAVAILABLE, 2, failed('shield-open', { retryAfter: 2 })],
  ])('%s: %s with retryAfter', (_, code, message, retryAfter, error) => {
    expect(shown(error)).toEqual({ message, extensions: { code, retryAfter } });
  });

  it("a caller's status shows the origin's own message when it names nothing of the origin, else the status's", () => {
    const conflict = (message: string) => failed('status', { status: 409, data: { error: { message } } });
    expect(shown(conflict('not enough stock for product "1"'))).toEqual({ message: 'not enough stock for product "1"', extensions: { code: 'CONFLICT' } });
    expect(shown(conflict('lock held by 10.1.2.3:6379'))).toEqual({ message: "The request conflicts with the origin's current state.", extensions: { code: 'CONFLICT' } });
  });

  it('keeps the transport error as its cause, for logs, and never as an originalError the masking would hide', () => {
    const error = failed('status', { status: 503 });
    const graphql = upstreamToGraphQL(error);
    expect(graphql.cause).toBe(error);
    expect(graphql.originalError).toBeUndefined();
    expect(JSON.stringify(graphql)).not.toMatch(/10\.9\.8\.7|a reason for the log|503/);
  });
});
