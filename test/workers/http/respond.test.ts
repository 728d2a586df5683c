import { describe, expect, it } from 'vitest';
import { BUSY, type Served } from '../../../src/response-cache/answer.ts';
import { createCors } from '../../../src/http/cors.ts';
import { respond } from '../../../src/http/respond.ts';
import type { Refusal } from '../../../src/shared/refusal.ts';
import { createTrace, NOTHING_RAN } from '../../../src/shared/trace.ts';

const options = { cors: createCors('*'), logRequests: false };
const request = new Request('http://gateway.test/graphql', { method: 'POST' });

function answer(served: Served | Refusal): Response {
  return respond(request, served, Date.now(), options);
}

describe('respond: every refusal becomes its response in one place', () => {
  it('a refusal of the http stage: its status and GraphQL error, no-store, Allow when it names methods, and no x-cache (the cache never saw it)', async () => {
    const response = answer({ status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Use GET or POST.', allow: 'GET, POST' });

    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ errors: [{ message: 'Use GET or POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(response.headers.get('x-cache')).toBeNull();
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('Retry-After from the refusal itself', () => {
    const response = answer({ status: 429, code: 'RATE_LIMITED', message: 'Slow down.', retryAfter: 60 });
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '60']);
  });

  it('a refusal of the response cache carries its cache status: the origin busy is a MISS told to retry in a second', async () => {
    const response = answer({ refusal: BUSY, cache: 'MISS', operationName: null, trace: NOTHING_RAN, key: 'k' });

    expect(response.status).toBe(503);
    expect((await response.json()) as unknown).toMatchObject({ errors: [{ extensions: { code: 'ORIGIN_BUSY' } }] });
    expect(response.headers.get('x-cache')).toBe('MISS');
    expect(response.headers.get('x-cache-key')).toBe('k');
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('Retry-After from the trace when the origin shield refused a call, on an answer Yoga made', () => {
    const trace = createTrace();
    trace.retryAfter = 7;
    const response = answer({ response: new Response('{}', { headers: { 'x-cache': 'BYPASS' } }), cache: 'BYPASS', operationName: null, trace });
    expect([response.status, response.headers.get('retry-after'), response.headers.get('x-cache')]).toEqual([200, '7', 'BYPASS']);
  });
});
