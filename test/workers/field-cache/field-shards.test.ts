import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldCacheObject } from '../../../src/field-cache/field-cache-object.ts';
import { createFieldShards } from '../../../src/field-cache/field-shards.ts';
import { shardOf } from '../../../src/shared/hash.ts';

const SHARDS = 4;
const LEASE_MS = 1234;
const KEYS = Array.from({ length: 24 }, (_, index) => `Product:${index}`);

/** A namespace whose objects record the calls the client sends them; `failing` shards reject every call. */
function recordingNamespace(failing: ReadonlySet<string> = new Set()) {
  const calls: { shard: string; method: string; args: unknown[] }[] = [];
  const namespace = {
    getByName: (shard: string) =>
      new Proxy(
        {},
        {
          get: (_, method: string) =>
            async (...args: unknown[]) => {
              calls.push({ shard, method, args });
              if (failing.has(shard)) throw new Error(`${shard} is down`);
            },
        },
      ),
  } as unknown as DurableObjectNamespace<FieldCacheObject>;
  return { namespace, calls };
}

afterEach(() => vi.restoreAllMocks());

describe("the field cache's shards", () => {
  it('refuses a shard count that is not a positive integer', () => {
    const { namespace } = recordingNamespace();
    for (const shards of [0, -1, 1.5]) expect(() => createFieldShards(namespace, shards, LEASE_MS)).toThrow(/shards must be a positive integer/);
  });

  it('groups keys by the shard their hash picks, in the order given', () => {
    const { namespace } = recordingNamespace();
    const groups = createFieldShards(namespace, SHARDS, LEASE_MS).byShard(KEYS.map((key) => ({ key })));
    for (const [shard, group] of groups) expect(group.map(({ key }) => key)).toEqual(KEYS.filter((key) => shardOf(key, SHARDS) === shard));
    expect([...groups.values()].flat()).toHaveLength(KEYS.length);
  });

  it("purges each shard's keys at that shard once, and every shard for a purge of all", async () => {
    const { namespace, calls } = recordingNamespace();
    const shards = createFieldShards(namespace, SHARDS, LEASE_MS);
    await shards.purge(KEYS);
    expect(calls.map(({ shard }) => shard).sort()).toEqual([...new Set(KEYS.map((key) => `field-${shardOf(key, SHARDS)}`))].sort());
    for (const { shard, method, args } of calls) {
      expect(method).toBe('purge');
      expect(args).toEqual([KEYS.filter((key) => `field-${shardOf(key, SHARDS)}` === shard), { leaseMs: LEASE_MS }]);
    }
    calls.length = 0;
    await shards.purge('all');
    expect(calls.map(({ shard, args }) => [shard, args])).toEqual(Array.from({ length: SHARDS }, (_, shard) => [`field-${shard}`, ['all', { leaseMs: LEASE_MS }]]));
  });

  it('gives back only the leases held, to their shards; a shard that fails is logged, not thrown', async () => {
    const shardName = (key: string) => `field-${shardOf(key, SHARDS)}`;
    const held = KEYS[0]!;
    const elsewhere = KEYS.find((key) => shardName(key) !== shardName(held))!;
    const unleased = KEYS.find((key) => shardName(key) !== shardName(held) && shardName(key) !== shardName(elsewhere))!;
    const { namespace, calls } = recordingNamespace(new Set([shardName(held)]));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const shards = createFieldShards(namespace, SHARDS, LEASE_MS);
    const claims = [{ key: held, lease: 'L1' }, { key: elsewhere, lease: 'L2' }, { key: unleased }];

    await expect(shards.release(claims)).resolves.toBeUndefined();
    await expect(shards.dismiss(claims)).resolves.toBeUndefined();
    expect(calls).toEqual([
      { shard: shardName(held), method: 'release', args: [{ [held]: 'L1' }, { leaseMs: LEASE_MS }] },
      { shard: shardName(elsewhere), method: 'release', args: [{ [elsewhere]: 'L2' }, { leaseMs: LEASE_MS }] },
      { shard: shardName(held), method: 'dismiss', args: [{ [held]: 'L1' }] },
      { shard: shardName(elsewhere), method: 'dismiss', args: [{ [elsewhere]: 'L2' }] },
    ]);
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)).event)).toEqual(['field-release-failed', 'field-dismiss-failed']);
  });
});
