import { describe, expect, it } from 'vitest';
import { startOrigin } from '../../../simulator/server.ts';
import { setFault, stats } from './helpers.ts';

describe('startOrigin and close', () => {
  it('listens on a free port when asked for port 0 and reports its url', async () => {
    const [a, b] = await Promise.all([startOrigin({ port: 0, latencyMs: 0 }), startOrigin({ port: 0, latencyMs: 0 })]);
    try {
      expect(a.port).toBeGreaterThan(0);
      expect(a.port).not.toBe(b.port);
      expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
      const response = await fetch(`${a.url}/api/products/1`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.each([
    { latencyMs: -1 },
    { jitterMs: 1.5 },
    { products: 0 },
    { port: 70_000 },
    { maxConcurrency: Number.NaN },
    { crashSeconds: -0.5 },
    { host: '' },
  ])('rejects invalid options %o', async (options) => {
    await expect(startOrigin(options)).rejects.toThrow(RangeError);
  });

  it('ends hung requests and idle keep-alive connections on close', async () => {
    const origin = await startOrigin({ port: 0, latencyMs: 0 });
    expect((await fetch(`${origin.url}/api/products/1`)).status).toBe(200);
    await setFault(origin, { mode: 'hang' });
    const hung = fetch(`${origin.url}/api/products/1`);
    await expect.poll(async () => (await stats(origin)).inFlight).toBe(1);

    await origin.close();
    await expect(hung).rejects.toThrow(TypeError);
    await origin.close();
    await expect(fetch(`${origin.url}/api/products/1`)).rejects.toThrow(TypeError);
  });

  it('closes promptly while requests wait out their latency', async () => {
    const origin = await startOrigin({ port: 0, latencyMs: 60_000 });
    const waiting = fetch(`${origin.url}/api/products/1`);
    await expect.poll(async () => (await stats(origin)).inFlight).toBe(1);
    await origin.close();
    await expect(waiting).rejects.toThrow(TypeError);
  });
});
