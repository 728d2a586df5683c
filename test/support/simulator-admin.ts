import type { OriginFault, OriginStats } from '../../simulator/types.ts';

/**
 * The admin API every simulator of the project serves under `/__NAME/`
 * (simulator/admin-routes.ts: `/__origin/`; examples/blog and examples/galaxy:
 * `/__blog/`, `/__galaxy/`), called directly, bypassing the gateway: what
 * the gateway really asked of it, and a fresh start. The one client the
 * tests and the benchmark use; plain fetch, so that the workers pool, the
 * Node tests and the benchmark alike can. A call the simulator refuses
 * throws, with its status and body.
 */
export function simulatorAdmin<Stats>(baseUrl: string, name: string) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/__${name}/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${name} admin ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    call,
    stats: () => call<Stats>('stats'),
    /** `body` as the simulator's reset reads it; `{}` is its default. */
    reset: (body: unknown = {}) => call<{ ok: true }>('reset', body),
  };
}

/** The shop's origin simulator (origin/): its admin API, and changes to its data behind the gateway's back. */
export function originAdmin(baseUrl: string) {
  const admin = simulatorAdmin<OriginStats>(baseUrl, 'origin');
  return {
    stats: admin.stats,
    /** Back to the seed, with the counters at zero and no fault. */
    reset: () => admin.reset({ reseed: true }),
    /** Zeroes the counters and clears faults, keeping the data as it is. */
    resetCounters: () => admin.reset({}),
    fault: (fault: OriginFault) => admin.call<{ ok: true }>('faults', fault),
    /** Changes stock at the origin behind the gateway's back: only a refresh can show it. */
    async setInventory(sku: string, available: number): Promise<void> {
      const response = await fetch(`${baseUrl}/api/inventory/${sku}`, {
        method: 'PUT',
        headers: { authorization: 'Bearer token-admin', 'content-type': 'application/json' },
        body: JSON.stringify({ available }),
      });
      if (!response.ok) throw new Error(`origin PUT inventory: ${response.status}`);
    },
    /** A direct read of the origin's data, bypassing the gateway. */
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`);
      return (await response.json()) as T;
    },
  };
}
