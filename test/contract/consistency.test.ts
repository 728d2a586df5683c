import { describe, expect, inject, it } from 'vitest';
import { STAND_IN_MS } from '../../src/response-cache/memory-tier.ts';
import { check } from '../../bench/consistency/check.ts';
import { drive } from '../../bench/consistency/drive.ts';
import { LOOKUP_ALLOWANCE_MS } from '../../bench/consistency/run.ts';
import { CONTRACT_PURGE_TOKEN, MANY_ISOLATES, MANY_ISOLATES_MEMORY_TTL_MS } from './setup.ts';

/**
 * The consistency checker of `npm run bench` (bench/consistency), briefly,
 * against the many-isolate server: its memory TTL of 100 ms makes the bound
 * for other isolates tight.
 */
describe(`consistency under load, ${MANY_ISOLATES} isolates`, () => {
  it("5 s of reads, private reads, writes and purges break none of the documented bounds (docs/caching/consistency.md)", async () => {
    const { gatewayUrls } = inject('manyIsolates');
    const log = await drive({ urls: gatewayUrls.map((url) => `${url}/graphql`), purgeToken: CONTRACT_PURGE_TOKEN, durationMs: 5000, concurrency: 16, products: 20, users: 5 });
    const violations = check(log, { otherIsolatesMs: MANY_ISOLATES_MEMORY_TTL_MS + STAND_IN_MS + LOOKUP_ALLOWANCE_MS, clockMs: 50 });
    const count = (kind: string) => log.filter((o) => o.kind === kind && o.status === 200).length;
    const meReads = log.filter((o) => o.kind === 'private' && o.field === 'me' && o.status === 200).length;
    console.log(`[consistency] ${count('read')} reads, ${count('private')} private reads (${meReads} of me), ${count('write')} writes, ${count('purge')} purges, ${violations.length} violations`);

    expect(violations.slice(0, 5)).toEqual([]);
    expect(log.filter((o) => o.status !== 200)).toEqual([]);
    for (const kind of ['read', 'private', 'write', 'purge']) expect(count(kind)).toBeGreaterThan(0);
    expect(meReads).toBeGreaterThan(0);
  }, 60_000);
});
