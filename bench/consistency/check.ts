import type { Observation, Purge, Read, Violation, Write } from './observation.ts';

export interface Bounds {
  /** How long after a write's or purge's answer another isolate may still show what it replaced: `CACHE_MEMORY_TTL_MS` + one lookup. */
  otherIsolatesMs: number;
  /** Slack for whole-second ages and the two clocks' reading of "now". */
  clockMs: number;
}

/**
 * The README's consistency promises, checked over a log of requests:
 * - read-your-writes: a read sent through the isolate that ran a write, after
 *   the write's answer, never shows an earlier value of that sku;
 * - a read through any isolate sent more than `otherIsolatesMs` after a
 *   write's answer never shows an earlier value either;
 * - a read sent more than `otherIsolatesMs` after a purge's answer shows data
 *   read after the purge was sent, or, for a soft purge, the old data marked
 *   STALE (served while one request refreshes it), never as a HIT;
 * - no answer is older than its max-age + stale-while-revalidate (the origin
 *   never fails here, so staleIfError never applies);
 * - a private answer is the asking user's.
 * Writes to one sku are made one at a time with increasing values, so "an
 * earlier value" is any value of a write answered before, or the seed.
 */
export function check(log: Observation[], bounds: Bounds): Violation[] {
  const violations: Violation[] = [];
  const writes = log.filter((o): o is Write => o.kind === 'write' && o.status === 200);
  const purges = log.filter((o): o is Purge => o.kind === 'purge' && o.status === 200);
  const reads = log.filter((o): o is Read => o.kind === 'read' && o.status === 200 && o.available !== undefined);
  const order = writeOrder(writes);

  for (const read of reads) {
    const seen = order.get(read.sku)?.get(read.available!) ?? -1;
    for (const write of writes) {
      if (write.sku !== read.sku || read.sentAt <= write.receivedAt) continue;
      const position = order.get(write.sku)!.get(write.available)!;
      if (seen >= position) continue;
      if (read.isolate === write.isolate) {
        violations.push({ rule: 'read-your-writes', detail: `${describe(read)} showed ${read.available} after write ${write.available} through the same isolate answered at ${Math.round(write.receivedAt)}` });
      } else if (read.sentAt > write.receivedAt + bounds.otherIsolatesMs) {
        violations.push({ rule: 'write-visible-everywhere', detail: `${describe(read)} showed ${read.available}, ${read.sentAt - write.receivedAt} ms after write ${write.available} answered through isolate ${write.isolate}` });
      }
    }
    for (const purge of purges) {
      if (purge.sku !== read.sku || read.sentAt <= purge.receivedAt + bounds.otherIsolatesMs || read.createdAt === undefined) continue;
      if (read.createdAt >= purge.sentAt - bounds.clockMs) continue;
      if (purge.soft && read.cache === 'STALE') continue;
      violations.push({ rule: 'purge-visible-everywhere', detail: `${describe(read)} was a ${read.cache} of data read at ${read.createdAt}, ${read.sentAt - purge.receivedAt} ms after a ${purge.soft ? 'soft' : 'hard'} purge sent at ${purge.sentAt} answered` });
    }
    if (read.createdAt !== undefined && read.maxAgeS !== undefined) {
      const allowedMs = (read.maxAgeS + (read.staleWhileRevalidateS ?? 0)) * 1000 + bounds.clockMs;
      if (read.receivedAt - read.createdAt > allowedMs) {
        violations.push({ rule: 'too-old', detail: `${describe(read)} carried data ${read.receivedAt - read.createdAt} ms old, over max-age + stale-while-revalidate` });
      }
    }
  }
  for (const read of log) {
    if (read.kind === 'private' && read.status === 200 && read.viewerId !== read.user) {
      violations.push({ rule: 'other-identity', detail: `a private read for ${read.user} through isolate ${read.isolate} at ${read.sentAt} showed viewer ${read.viewerId}` });
    }
  }
  return violations;
}

/** Per sku, each written value's place in the order its writes were answered (a read of a value unwritten, the seed, is -1). */
function writeOrder(writes: Write[]): Map<string, Map<number, number>> {
  const order = new Map<string, Map<number, number>>();
  for (const write of [...writes].sort((a, b) => a.receivedAt - b.receivedAt)) {
    const values = order.get(write.sku) ?? new Map<number, number>();
    values.set(write.available, values.size);
    order.set(write.sku, values);
  }
  return order;
}

const describe = (read: Read) =>
  `a read of ${read.sku} through isolate ${read.isolate} sent at ${Math.round(read.sentAt)} (${read.cache}, data read at ${read.createdAt ?? 'unknown'})`;
