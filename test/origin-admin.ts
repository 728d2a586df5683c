import type { OriginFault, OriginStats } from '../origin/types.ts';

/**
 * The origin simulator's admin API at `baseUrl`, and direct calls to it that
 * bypass the gateway: how many calls the gateway really made, faults, and
 * changes behind the gateway's back. Plain fetch, for the workers pool and
 * the contract suite alike.
 */
export function originAdmin(baseUrl: string) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/__origin/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`origin admin ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    stats: () => call<OriginStats>('stats'),
    reset: () => call<{ ok: true }>('reset', { reseed: true }),
    /** Zeroes the counters and clears faults, keeping the data as it is. */
    resetCounters: () => call<{ ok: true }>('reset', {}),
    fault: (fault: OriginFault) => call<{ ok: true }>('faults', fault),
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
