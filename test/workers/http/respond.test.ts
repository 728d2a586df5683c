import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../../src/analytics/records.ts';
import { BUSY, type Served } from '../../../src/response-cache/answer.ts';
import { createCors } from '../../../src/http/cors.ts';
import { respond } from '../../../src/http/respond.ts';
import type { Refusal } from '../../../src/shared/refusal.ts';
import { createTrace, FAILED_OVER, NOTHING_RAN } from '../../../src/shared/trace.ts';
import type { CacheEntry } from '../../../src/single-flight/entry.ts';

const options = { cors: createCors('*'), logRequests: false, analytics: { request() {} } };
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

describe('respond: one analytics record per request', () => {
  function recorded(served: Served | Refusal): RequestRecord {
    const records: RequestRecord[] = [];
    respond(request, served, Date.now(), { ...options, analytics: { request: (record) => void records.push(record) } });
    expect(records).toHaveLength(1);
    return records[0]!;
  }

  it('a refusal, before the cache or by it, is REFUSED with its code', () => {
    expect(recorded({ status: 429, code: 'RATE_LIMITED', message: 'Slow down.' })).toMatchObject({ state: 'REFUSED', errorCodes: ['RATE_LIMITED'], operationName: null });
    expect(recorded({ refusal: BUSY, cache: 'MISS', operationName: 'Products', trace: NOTHING_RAN })).toMatchObject({ state: 'REFUSED', errorCodes: ['ORIGIN_BUSY'], operationName: 'Products' });
  });

  it('a stored entry served because the origin failed: STALE, its body length, and stale on failure', () => {
    const entry: CacheEntry = { body: '{"data":{"a":1}}', etag: '"e"', createdAt: Date.now(), policy: { maxAge: 1, staleWhileRevalidate: 0, staleIfError: 60, scope: 'PUBLIC' }, entities: [] };
    expect(recorded({ entry, cache: 'STALE', operationName: 'A', trace: FAILED_OVER })).toMatchObject({ state: 'STALE', bytes: 16, staleOnFailure: true, errorCodes: [] });
  });

  it("an answer Yoga made: its cache status, Content-Length, and the trace's origin calls", () => {
    const trace = createTrace();
    trace.originCalls = 3;
    const response = new Response('{"data":{}}', { headers: { 'content-length': '11' } });
    expect(recorded({ response, cache: 'MISS', operationName: 'B', trace })).toMatchObject({ state: 'MISS', bytes: 11, originCalls: 3, staleOnFailure: false });
  });
});
