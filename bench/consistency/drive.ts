import { seeded } from '../seeded-random.ts';
import type { Observation } from './observation.ts';

export interface DriveOptions {
  /** One GraphQL endpoint per isolate. */
  urls: string[];
  purgeToken: string;
  durationMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Products 1..products; product N holds sku SKU-0000N. */
  products: number;
  /** Users u1..users, each with its token (`token-uN`). */
  users: number;
}

const READ = 'query Stock($id: ID!) { product(id: $id) { id inventory { sku available } } }';
const VIEWER = 'query Viewer { viewer { id } }';
const WRITE = 'mutation Restock($sku: ID!, $available: Int!) { setInventory(sku: $sku, available: $available) { sku available } }';

const now = () => performance.timeOrigin + performance.now();
const skuOf = (product: number) => `SKU-${String(product).padStart(5, '0')}`;

/** The entry's creation time, which the gateway writes into its ETag (base 36 milliseconds). */
function createdAtOf(etag: string | null): number | undefined {
  const stamp = etag?.match(/^(?:W\/)?"([0-9a-z]+)-/)?.[1];
  return stamp ? parseInt(stamp, 36) : undefined;
}

function directive(cacheControl: string | null, name: string): number | undefined {
  const value = cacheControl?.match(new RegExp(`(?:^|,\\s*)${name}=(\\d+)`))?.[1];
  return value === undefined ? undefined : Number(value);
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json().catch(() => undefined)) as { data?: Record<string, unknown>; errors?: unknown[] } | undefined;
  const ok = response.status === 200 && !body?.errors?.length;
  return { response, data: ok ? body?.data : undefined, status: ok ? response.status : response.status || 0 };
}

/**
 * Drives a seeded mix across the isolates for `durationMs` and records every
 * request: public reads of stock (70%), private reads of the viewer (10%),
 * `setInventory` (13%, one writer per sku at a time, each value larger than
 * any before), and purges of a sku's inventory (7%, half of them soft).
 */
export async function drive(options: DriveOptions): Promise<Observation[]> {
  const random = seeded(20261125);
  const log: Observation[] = [];
  const writing = new Set<string>();
  let nextValue = 1_000_000;
  const until = now() + options.durationMs;
  const pick = (n: number) => Math.floor(random() * n);

  async function once(): Promise<void> {
    const isolate = pick(options.urls.length);
    const url = options.urls[isolate]!;
    const roll = random();
    const sku = skuOf(1 + pick(options.products));
    const sentAt = now();
    if (roll < 0.7) {
      const { response, data, status } = await graphql(url, READ, { id: sku.replace(/^SKU-0*/, '') });
      const inventory = (data?.product as { inventory?: { available: number } } | undefined)?.inventory;
      const cacheControl = response.headers.get('cache-control');
      log.push({
        kind: 'read',
        isolate,
        sentAt,
        receivedAt: now(),
        status,
        sku,
        available: inventory?.available,
        createdAt: createdAtOf(response.headers.get('etag')),
        cache: response.headers.get('x-cache'),
        maxAgeS: directive(cacheControl, 'max-age'),
        staleWhileRevalidateS: directive(cacheControl, 'stale-while-revalidate'),
      });
    } else if (roll < 0.8) {
      const user = `u${1 + pick(options.users)}`;
      const { data, status } = await graphql(url, VIEWER, {}, `token-${user}`);
      log.push({ kind: 'private', isolate, sentAt, receivedAt: now(), status, user, viewerId: (data?.viewer as { id?: string } | undefined)?.id });
    } else if (roll < 0.93) {
      if (writing.has(sku)) return;
      writing.add(sku);
      const available = nextValue++;
      const { status } = await graphql(url, WRITE, { sku, available }, 'token-admin');
      writing.delete(sku);
      log.push({ kind: 'write', isolate, sentAt, receivedAt: now(), status, sku, available });
    } else {
      const soft = random() < 0.5;
      const response = await fetch(url.replace(/\/graphql$/, '/admin/purge'), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.purgeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ entities: [`Inventory:${sku}`], soft }),
      });
      await response.text();
      log.push({ kind: 'purge', isolate, sentAt, receivedAt: now(), status: response.status, sku, soft });
    }
  }

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (now() < until) await once();
    }),
  );
  return log;
}
