import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gateway } from './gateway.ts';

const BROWSER = { accept: 'text/html,application/xhtml+xml' };

describe('routes on the production build', () => {
  it('development settings: GraphiQL is a page at /graphql, and / leads to it', async () => {
    const development = gateway('development');
    const page = await development.send('/graphql', { headers: BROWSER });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toMatch(/graphiql/i);
    const root = await fetch(`${development.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe(`${development.url}/graphql`);
  });

  it('development settings: GraphiQL opens on the shop\'s example query (client/operations/products.graphql)', async () => {
    const page = await gateway('development').send('/graphql', { headers: BROWSER });
    // The query's whole text, as the page's options carry it: a JSON string.
    expect(page.text).toContain(JSON.stringify(readFileSync(new URL('../../client/operations/products.graphql', import.meta.url), 'utf8')));
  });

  it('production settings: no GraphiQL, no redirect, and nothing else but the routes', async () => {
    const production = gateway('production');
    const page = await production.send('/graphql', { headers: BROWSER });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect((await production.send('/')).status).toBe(404);
    expect((await production.send('/healthz')).body).toEqual({ status: 'ok' });
    expect((await production.send('/admin/stats')).status).toBe(401);
  });

  it('answers a CORS preflight itself', async () => {
    const preflight = await gateway('production').send('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });
});
