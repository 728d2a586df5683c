/**
 * The field cache's shards as its client reaches them: `field-0` to
 * `field-<shards - 1>`, each key in the one its hash picks; a call over keys
 * of several shards goes to each of them at once.
 */
import type { FieldCacheObject } from './field-cache-object.ts';
import { shardOf } from '../shared/hash.ts';
import { logFailure } from '../shared/log-event.ts';

/** A key this caller fills: under `lease`, or without one. */
interface Leased {
  key: string;
  lease?: string;
}

export function createFieldShards(namespace: DurableObjectNamespace<FieldCacheObject>, shards: number, leaseMs: number) {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`[field-cache] shards must be a positive integer, got ${shards}`);
  const stub = (shard: number) => namespace.getByName(`field-${shard}`);

  function byShard<T extends { key: string }>(items: Iterable<T>): Map<number, T[]> {
    const groups = new Map<number, T[]>();
    for (const item of items) {
      const shard = shardOf(item.key, shards);
      const group = groups.get(shard);
      if (group) group.push(item);
      else groups.set(shard, [item]);
    }
    return groups;
  }

  /** The leases held, by shard. */
  const leasesByShard = (claims: Leased[]) =>
    [...byShard(claims.filter((claim) => claim.lease))].map(([shard, group]) => ({ shard, leases: Object.fromEntries(group.map((claim) => [claim.key, claim.lease!])) }));

  return {
    stub,
    byShard,

    release(claims: Leased[]): Promise<void> {
      // Gives leases back unfilled after a failure: a waiter gets the value that stands in for errors, or one of them the lead.
      return settleAll(leasesByShard(claims).map(({ shard, leases }) => stub(shard).release(leases, { leaseMs })), 'field-release-failed');
    },

    dismiss(claims: Leased[]): Promise<void> {
      // Gives leases back for values that will not be kept: every waiter fetches its own at once.
      return settleAll(leasesByShard(claims).map(({ shard, leases }) => stub(shard).dismiss(leases)), 'field-dismiss-failed');
    },

    async purge(keys: string[] | 'all'): Promise<void> {
      // Forgets keys, or every key of every shard.
      if (keys === 'all') {
        await Promise.all(Array.from({ length: shards }, (_, shard) => stub(shard).purge('all', { leaseMs })));
        return;
      }
      await Promise.all([...byShard(keys.map((key) => ({ key })))].map(([shard, group]) => stub(shard).purge(group.map(({ key }) => key), { leaseMs })));
    },
  };
}

/** Waits for every call; one that failed is logged, not thrown. */
async function settleAll(calls: Promise<unknown>[], event: string): Promise<void> {
  for (const outcome of await Promise.allSettled(calls)) {
    if (outcome.status === 'rejected') logFailure(event, outcome.reason);
  }
}
