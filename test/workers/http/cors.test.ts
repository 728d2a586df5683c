import { beforeEach, describe, expect, it } from 'vitest';
import { resetAll } from '../helpers.ts';
import { postJson } from '../../support/answers.ts';
import { createCors } from '../../../src/http/cors.ts';
import { envWith, fetchGateway, fetchWith } from './guard-helpers.ts';

const SHOP = 'https://shop.example.com';
const QUERY = { query: '{ product(id: "1") { id } }' };

describe('CORS: a frontend on another origin can call the gateway, hits and misses alike', () => {
  beforeEach(() => resetAll());

  it('answers a preflight with the methods and headers a GraphQL client sends', async () => {
    const preflight = await fetchGateway('/graphql', {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the page read a MISS and a HIT, and the cache headers', async () => {
    const miss = await fetchGateway('/graphql', postJson(QUERY, { origin: SHOP }));
    const hit = await fetchGateway('/graphql', postJson(QUERY, { origin: SHOP }));
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    for (const answer of [miss, hit]) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-cache/);
    }
  });

  it('with CORS_ORIGINS set, allows those origins only, and says the answer varies by origin', async () => {
    const strict = envWith({ CORS_ORIGINS: `${SHOP}, https://admin.example.com` });
    const allowed = await fetchWith(strict, '/graphql', postJson(QUERY, { origin: SHOP }));
    const other = await fetchWith(strict, '/graphql', postJson(QUERY, { origin: 'https://evil.example' }));
    const preflight = await fetchWith(strict, '/graphql', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });

    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a page to send the headers the connectors forward, once each', () => {
    const preflight = createCors('*', ['x-tenant', 'authorization']).preflight(new Request('https://gateway.example/graphql', { method: 'OPTIONS', headers: { origin: SHOP } }));
    const allowed = preflight.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toContain('x-tenant');
    expect(allowed.filter((name) => name === 'authorization')).toHaveLength(1);
  });

  it('refuses a CORS_ORIGINS that is not a list of origins', async () => {
    await expect(fetchWith(envWith({ CORS_ORIGINS: 'shop.example.com/path' }), '/graphql', postJson(QUERY))).rejects.toThrow(/\[config\] CORS_ORIGINS/);
  });
});
