import { env, exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchWorker, origin, resetAll } from './helpers.ts';

const BROWSER = { accept: 'text/html,application/xhtml+xml' };

async function fetchWith(vars: Partial<Env>, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetchWorker({ ...env, ...vars }, path, { headers });
}

describe('Worker entry', () => {
  beforeEach(() => resetAll());

  it('answers /healthz without touching the origin', async () => {
    await origin.fault({ mode: 'down' });
    const response = await exports.default.fetch('http://gateway.test/healthz');
    await origin.fault({ mode: 'none' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await origin.stats()).total).toBe(0);
  });

  it('serves the bundled GraphiQL to a browser at /graphql, opened on the example query', async () => {
    const response = await exports.default.fetch('http://gateway.test/graphql', { headers: BROWSER });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).toContain('query Products(');
    // Everything is inline: no script or stylesheet from another host.
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it('runs a GET query for a client that asks for JSON', async () => {
    const query = encodeURIComponent('{ product(id: "1") { id } }');
    const response = await exports.default.fetch(`http://gateway.test/graphql?query=${query}`, {
      headers: { accept: 'application/graphql-response+json', 'x-graphql-csrf': '1' },
    });
    expect(await response.json()).toEqual({ data: { product: { id: '1' } } });
  });

  it('redirects / to /graphql in development', async () => {
    const response = await exports.default.fetch('http://gateway.test/', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://gateway.test/graphql');
  });

  it('answers 404 with JSON for any other path', async () => {
    const response = await exports.default.fetch('http://gateway.test/api/products');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining('/graphql') });
  });

  it('keeps GraphiQL off in production', async () => {
    const response = await fetchWith({ ENVIRONMENT: 'production' }, '/graphql', BROWSER);
    expect(await response.text()).not.toContain('YogaGraphiQL');
    expect((await fetchWith({ ENVIRONMENT: 'production' }, '/')).status).toBe(404);
  });

  it('refuses to start with a bad ORIGIN_URL or ORIGIN_TIMEOUT_MS', async () => {
    await expect(fetchWith({ ORIGIN_URL: 'ftp://nope' }, '/graphql')).rejects.toThrow(/\[config\] ORIGIN_URL/);
    await expect(fetchWith({ ORIGIN_TIMEOUT_MS: '-5' }, '/graphql')).rejects.toThrow(/\[config\] ORIGIN_TIMEOUT_MS/);
  });
});
