import { succeeded, type Observation, type PrivateRead, type Purge, type Read, type Stock, type Violation, type Write } from './observation.ts';

export interface Bounds {
  /** How long after a write's or purge's answer another isolate may still show what it replaced: `CACHE_MEMORY_TTL_MS` + `STAND_IN_MS` + one lookup. */
  otherIsolatesMs: number;
  /** Slack between the checker's clock and the gateway's, which stamps an entry's creation. */
  clockMs: number;
}

/**
 * The consistency promises of docs/caching/consistency.md, checked over a log of requests (failed
 * ones are left out):
 * - read-your-writes: a read sent through the isolate that ran a write, after
 *   the write's answer, never shows an earlier (smaller) value of that sku;
 * - a read through any isolate sent more than `otherIsolatesMs` after a
 *   write's answer never shows an earlier value either;
 * - read-your-purges: a read through the isolate that ran a purge, sent after
 *   its answer, never shows data read before the purge was sent, unless the
 *   purge was soft and the answer says STALE (a soft purge marks entries
 *   stale, served while one request refreshes them, rather than deleting);
 * - the same through any isolate once `otherIsolatesMs` has passed;
 * - no answer is older than its max-age + stale-while-revalidate (the origin
 *   never fails here, so stale-if-error never applies), and no HIT is older
 *   than its max-age;
 * - a private answer is the asking user's: its viewer, and orders nobody else
 *   was shown;
 * - an answer of `me` is the asking user's too: its hint says PUBLIC, but its
 *   connector forwards the caller's Authorization, which makes the answer
 *   private to that caller whatever the hint says.
 * Each read breaks each rule at most once per sku: the latest write or purge
 * it contradicts is the one described.
 */
export function check(log: Observation[], bounds: Bounds): Violation[] {
  const ok = log.filter(succeeded);
  const writes = new Map<string, Write[]>();
  for (const write of ok.filter((o): o is Write => o.kind === 'write').sort((a, b) => a.receivedAt - b.receivedAt)) {
    const bySku = writes.get(write.sku) ?? [];
    bySku.push(write);
    writes.set(write.sku, bySku);
  }
  const purges = ok.filter((o): o is Purge => o.kind === 'purge').sort((a, b) => a.receivedAt - b.receivedAt);
  const reads = ok.filter((o): o is Read => o.kind === 'read');
  const start = log.reduce((earliest, o) => Math.min(earliest, o.sentAt), Infinity);
  const at: At = (ms) => `+${Math.round(ms - start)} ms`;
  return [
    ...reads.flatMap((read) => [...againstWrites(read, writes, bounds, at), ...againstPurges(read, purges, bounds, at), ...tooOld(read, bounds, at)]),
    ...identities(ok.filter((o): o is PrivateRead => o.kind === 'private'), at),
  ];
}

/** A time on the checker's clock, as an offset from the first request sent, for descriptions. */
type At = (ms: number) => string;

/** `writes` by sku, each in the order of their answers. */
function againstWrites(read: Read, writes: Map<string, Write[]>, bounds: Bounds, at: At): Violation[] {
  return read.stock.flatMap((stock) => {
    let own: Write | undefined;
    let other: Write | undefined;
    for (const write of writes.get(stock.sku) ?? []) {
      if (write.receivedAt >= read.sentAt) break;
      if (stock.available >= write.available) continue;
      if (write.isolate === read.isolate) own = write;
      else if (read.sentAt > write.receivedAt + bounds.otherIsolatesMs) other = write;
    }
    const shown = (write: Write, how: string) =>
      `${describe(read, at)} showed ${stock.sku} = ${stock.available}, ${Math.round(read.sentAt - write.receivedAt)} ms after write ${stock.sku} = ${write.available} (sent at ${at(write.sentAt)}) ${how} was answered at ${at(write.receivedAt)}`;
    return [
      ...(own ? [{ rule: 'read-your-writes' as const, detail: shown(own, 'through the same isolate') }] : []),
      ...(other ? [{ rule: 'write-visible-everywhere' as const, detail: shown(other, `through isolate ${other.isolate}`) }] : []),
    ];
  });
}

function againstPurges(read: Read, purges: Purge[], bounds: Bounds, at: At): Violation[] {
  const { createdAt } = read;
  if (createdAt === undefined) return [];
  let own: Purge | undefined;
  let other: Purge | undefined;
  for (const purge of purges) {
    if (purge.receivedAt >= read.sentAt) break;
    if (!covers(purge, read.stock) || createdAt >= purge.sentAt - bounds.clockMs || (purge.body.soft && read.cache === 'STALE')) continue;
    if (purge.isolate === read.isolate) own = purge;
    else if (read.sentAt > purge.receivedAt + bounds.otherIsolatesMs) other = purge;
  }
  const shown = (purge: Purge, how: string) =>
    `${describe(read, at)}, ${Math.round(read.sentAt - purge.receivedAt)} ms after purge ${JSON.stringify(purge.body)} (sent at ${at(purge.sentAt)}) ${how} was answered at ${at(purge.receivedAt)}`;
  return [
    ...(own ? [{ rule: 'read-your-purges' as const, detail: shown(own, 'through the same isolate') }] : []),
    ...(other ? [{ rule: 'purge-visible-everywhere' as const, detail: shown(other, `through isolate ${other.isolate}`) }] : []),
  ];
}

/** Whether the purge reaches a response that holds these products' stock: it names one of them, their types, or everything. */
function covers({ body }: Purge, stock: Stock[]): boolean {
  if (stock.length === 0) return false;
  if (body.all || body.types?.some((type) => type === 'Product' || type === 'Inventory')) return true;
  return stock.some(({ productId, sku }) => body.entities?.includes(`Product:${productId}`) || body.entities?.includes(`Inventory:${sku}`));
}

function tooOld(read: Read, bounds: Bounds, at: At): Violation[] {
  const { createdAt, maxAgeS, staleWhileRevalidateS = 0 } = read;
  if (createdAt === undefined || maxAgeS === undefined) return [];
  // The gateway decides at some moment after the read was sent, so its age then was at least this.
  const ageMs = read.sentAt - createdAt;
  if (ageMs > (maxAgeS + staleWhileRevalidateS) * 1000 + bounds.clockMs) {
    return [{ rule: 'too-old', detail: `${describe(read, at)} carried data ${Math.round(ageMs)} ms old when sent, over max-age ${maxAgeS} s + stale-while-revalidate ${staleWhileRevalidateS} s` }];
  }
  if (read.cache === 'HIT' && ageMs > maxAgeS * 1000 + bounds.clockMs) {
    return [{ rule: 'too-old', detail: `${describe(read, at)} was a HIT of data ${Math.round(ageMs)} ms old when sent, over max-age ${maxAgeS} s` }];
  }
  return [];
}

function identities(reads: PrivateRead[], at: At): Violation[] {
  const violations: Violation[] = [];
  const shownTo = new Map<string, string>();
  for (const read of reads) {
    const where = `a private read of ${read.field} for ${read.user} through isolate ${read.isolate} sent at ${at(read.sentAt)} (${read.cache})`;
    if (read.field === 'me') {
      if (read.viewerId !== read.user) violations.push({ rule: 'forwarded-identity', detail: `${where} showed me ${read.viewerId}, under a PUBLIC hint` });
      continue;
    }
    if (read.viewerId !== read.user) violations.push({ rule: 'other-identity', detail: `${where} showed viewer ${read.viewerId}` });
    for (const order of read.orderIds) {
      const first = shownTo.get(order) ?? read.user;
      shownTo.set(order, first);
      if (first !== read.user) violations.push({ rule: 'other-identity', detail: `${where} showed order ${order}, already shown to ${first}` });
    }
  }
  return violations;
}

const describe = (read: Read, at: At) =>
  `a read of ${read.stock.length} products through isolate ${read.isolate} sent at ${at(read.sentAt)}, answered at ${at(read.receivedAt)} (${read.cache}, ${read.createdAt === undefined ? 'uncached' : `data read at ${at(read.createdAt)}`})`;
