import { createMix, type Step } from './mix.ts';
import type { Observation, Stock } from './observation.ts';

export interface DriveOptions {
  /** One GraphQL endpoint per isolate. */
  urls: string[];
  purgeToken: string;
  durationMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Products 1..products. */
  products: number;
  /** Users u1..users. */
  users: number;
}

const VIEWER = 'query Viewer { viewer { id orders(first: 3) { id } } }';
/** `me` is PUBLIC by its own hint, but its connector forwards the caller's Authorization. */
const ME = 'query Me { me { id name } }';
const WRITE = 'mutation Restock($sku: ID!, $available: Int!) { setInventory(sku: $sku, available: $available) { sku available } }';
/** The origin simulator's token that may write (`setInventory` needs it). */
const WRITER_TOKEN = 'token-admin';

const now = () => performance.timeOrigin + performance.now();

/** The entry's creation time, which the gateway writes into its ETag (base 36 milliseconds). */
function createdAtOf(etag: string | null): number | undefined {
  const stamp = etag?.match(/^(?:W\/)?"([0-9a-z]+)-/)?.[1];
  return stamp ? parseInt(stamp, 36) : undefined;
}

function directive(cacheControl: string | null, name: string): number | undefined {
  const value = cacheControl?.match(new RegExp(`(?:^|,\\s*)${name}=(\\d+)`))?.[1];
  return value === undefined ? undefined : Number(value);
}

interface ProductStock {
  id: string;
  inventory: { sku: string; available: number };
}

interface Answer {
  data?: {
    product?: ProductStock | null;
    productsByIds?: (ProductStock | null)[];
    products?: { nodes: ProductStock[] };
    viewer?: { id: string; orders: { id: string }[] } | null;
    me?: { id: string; name: string } | null;
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  let answer: Answer;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    answer = { errors: [{ message: `not JSON: ${text.slice(0, 80)}` }] };
  }
  const first = answer.errors?.[0];
  return { response, data: answer.data, error: first && (first.extensions?.code ?? first.message) };
}

function stockOf(data: Answer['data']): Stock[] {
  const products = data?.products?.nodes ?? data?.productsByIds ?? [data?.product];
  return products.flatMap((product) => (product ? [{ productId: product.id, sku: product.inventory.sku, available: product.inventory.available }] : []));
}

/** Sends one step of the mix through its isolate and records what came back. */
async function send(step: Step, options: DriveOptions): Promise<Observation> {
  const url = options.urls[step.isolate]!;
  const sentAt = now();
  switch (step.kind) {
    case 'read': {
      const { response, data, error } = await graphql(url, step.query, step.variables);
      const cacheControl = response.headers.get('cache-control');
      return {
        kind: 'read',
        isolate: step.isolate,
        sentAt,
        receivedAt: now(),
        status: response.status,
        error,
        stock: stockOf(data),
        createdAt: createdAtOf(response.headers.get('etag')),
        cache: response.headers.get('x-cache'),
        maxAgeS: directive(cacheControl, 'max-age'),
        staleWhileRevalidateS: directive(cacheControl, 'stale-while-revalidate'),
      };
    }
    case 'private': {
      const { response, data, error } = await graphql(url, step.field === 'me' ? ME : VIEWER, {}, `token-${step.user}`);
      const shown = step.field === 'me' ? data?.me : data?.viewer;
      const orderIds = data?.viewer?.orders.map((order) => order.id) ?? [];
      return {
        kind: 'private',
        isolate: step.isolate,
        sentAt,
        receivedAt: now(),
        status: response.status,
        error,
        user: step.user,
        field: step.field,
        viewerId: shown?.id,
        orderIds,
        cache: response.headers.get('x-cache'),
      };
    }
    case 'write': {
      const { response, error } = await graphql(url, WRITE, { sku: step.sku, available: step.available }, WRITER_TOKEN);
      return { kind: 'write', isolate: step.isolate, sentAt, receivedAt: now(), status: response.status, error, sku: step.sku, available: step.available };
    }
    case 'purge': {
      const response = await fetch(url.replace(/\/graphql$/, '/admin/purge'), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.purgeToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(step.body),
      });
      await response.text();
      return { kind: 'purge', isolate: step.isolate, sentAt, receivedAt: now(), status: response.status, error: undefined, body: step.body };
    }
  }
}

/**
 * Drives the seeded mix (mix.ts) across the isolates for `durationMs`, with
 * `concurrency` requests in flight, and records every request. Writes to one
 * sku are sent one at a time, so their answers come in the order of their
 * values and "an earlier value" is a smaller one.
 */
export async function drive(options: DriveOptions): Promise<Observation[]> {
  const next = createMix({ isolates: options.urls.length, products: options.products, users: options.users });
  const log: Observation[] = [];
  const writing = new Set<string>();
  const until = now() + options.durationMs;

  async function once(): Promise<void> {
    const step = next();
    if (step.kind === 'write' && writing.has(step.sku)) return;
    if (step.kind === 'write') writing.add(step.sku);
    try {
      log.push(await send(step, options));
    } catch (error) {
      throw new Error(`[consistency] a ${step.kind} through isolate ${step.isolate} got no answer: ${String(error)}`);
    } finally {
      if (step.kind === 'write') writing.delete(step.sku);
    }
  }

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (now() < until) await once();
    }),
  );
  return log;
}
