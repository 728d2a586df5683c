import { describe, expect, it } from 'vitest';
import { check, type Bounds } from '../../../bench/consistency/check.ts';
import type { Observation, PrivateRead, Purge, PurgeBody, Read, Write } from '../../../bench/consistency/observation.ts';

const BOUNDS: Bounds = { otherIsolatesMs: 1250, clockMs: 50 };
const T = 1_000_000;

const write = (isolate: number, available: number, sentAt: number, receivedAt: number, sku = 'SKU-00001'): Write => ({
  kind: 'write',
  isolate,
  sentAt,
  receivedAt,
  status: 200,
  error: undefined,
  sku,
  available,
});
const read = (isolate: number, available: number, sentAt: number, extra: Partial<Read> = {}): Read => ({
  kind: 'read',
  isolate,
  sentAt,
  receivedAt: sentAt + 5,
  status: 200,
  error: undefined,
  stock: [{ productId: '1', sku: 'SKU-00001', available }],
  createdAt: sentAt - 100,
  cache: 'HIT',
  maxAgeS: 5,
  staleWhileRevalidateS: 60,
  ...extra,
});
const purge = (isolate: number, body: PurgeBody): Purge => ({ kind: 'purge', isolate, sentAt: T, receivedAt: T + 30, status: 200, error: undefined, body });
const viewer = (user: string, viewerId: string, orderIds: string[] = []): PrivateRead => ({
  kind: 'private',
  isolate: 0,
  sentAt: T,
  receivedAt: T + 5,
  status: 200,
  error: undefined,
  user,
  field: 'viewer',
  viewerId,
  orderIds,
  cache: 'MISS',
});
/** A read of `me` as `user` that showed `meId`; a HIT by default, as a shared answer would come. */
const me = (user: string, meId: string | undefined, cache = 'HIT'): PrivateRead => ({ ...viewer(user, ''), field: 'me', viewerId: meId, cache });

const rules = (log: Observation[]) => check(log, BOUNDS).map((violation) => violation.rule);

describe('the consistency checker', () => {
  it('finds an earlier value read through the isolate that ran the write, after its answer', () => {
    expect(rules([write(0, 10, T, T + 50), read(0, 7, T + 60)])).toEqual(['read-your-writes']);
    // Sent before the write was answered: either value is right.
    expect(rules([write(0, 10, T, T + 50), read(0, 7, T + 40)])).toEqual([]);
    expect(rules([write(0, 10, T, T + 50), read(0, 10, T + 60)])).toEqual([]);
  });

  it('lets another isolate show the earlier value within the bound, and not after it', () => {
    expect(rules([write(0, 10, T, T + 50), read(1, 7, T + 50 + 1200)])).toEqual([]);
    expect(rules([write(0, 10, T, T + 50), read(1, 7, T + 50 + 1300)])).toEqual(['write-visible-everywhere']);
    expect(rules([write(0, 10, T, T + 50), write(1, 11, T + 100, T + 150), read(1, 10, T + 200)])).toEqual(['read-your-writes']);
  });

  it('checks every sku a list shows, against that sku\'s writes only', () => {
    const list = (stock: [string, number][]) => read(2, 0, T + 60, { stock: stock.map(([sku, available], i) => ({ productId: String(i + 1), sku, available })) });
    const writes = [write(2, 10, T, T + 50, 'SKU-00001'), write(2, 20, T, T + 50, 'SKU-00002')];
    expect(rules([...writes, list([['SKU-00001', 10], ['SKU-00002', 20]])])).toEqual([]);
    expect(rules([...writes, list([['SKU-00001', 10], ['SKU-00002', 19]])])).toEqual(['read-your-writes']);
  });

  it('leaves out requests that failed', () => {
    expect(rules([write(0, 10, T, T + 50), read(0, 7, T + 60, { error: 'ORIGIN_UNAVAILABLE' })])).toEqual([]);
    expect(rules([{ ...write(0, 10, T, T + 50), status: 500 }, read(0, 7, T + 60)])).toEqual([]);
  });

  it('finds data read before a purge in the purging isolate at once, and in others after the bound', () => {
    const hard = purge(2, { entities: ['Inventory:SKU-00001'], soft: false });
    expect(rules([hard, read(2, 7, T + 40, { createdAt: T - 500 })])).toEqual(['read-your-purges']);
    expect(rules([hard, read(0, 7, T + 40, { createdAt: T - 500 })])).toEqual([]);
    expect(rules([hard, read(0, 7, T + 30 + 1300, { createdAt: T - 500 })])).toEqual(['purge-visible-everywhere']);
    expect(rules([hard, read(0, 7, T + 30 + 1300, { createdAt: T + 10 })])).toEqual([]);
  });

  it('after a soft purge lets data read before it through only as STALE', () => {
    const soft = purge(2, { entities: ['Inventory:SKU-00001'], soft: true });
    expect(rules([soft, read(2, 7, T + 40, { createdAt: T - 500, cache: 'STALE' })])).toEqual([]);
    expect(rules([soft, read(0, 7, T + 30 + 1300, { createdAt: T - 500, cache: 'STALE' })])).toEqual([]);
    expect(rules([soft, read(0, 7, T + 30 + 1300, { createdAt: T - 500, cache: 'HIT' })])).toEqual(['purge-visible-everywhere']);
  });

  it('matches a purge to a read by product, sku, type or everything', () => {
    const late = (body: PurgeBody) => rules([purge(2, body), read(0, 7, T + 30 + 1300, { createdAt: T - 500 })]);
    expect(late({ entities: ['Product:1'], soft: false })).toEqual(['purge-visible-everywhere']);
    expect(late({ types: ['Inventory'], soft: false })).toEqual(['purge-visible-everywhere']);
    expect(late({ all: true, soft: false })).toEqual(['purge-visible-everywhere']);
    expect(late({ entities: ['Product:2', 'Inventory:SKU-00002'], soft: false })).toEqual([]);
    expect(late({ types: ['User'], soft: false })).toEqual([]);
  });

  it('finds an answer older than its max-age + stale-while-revalidate, and a HIT older than its max-age', () => {
    expect(rules([read(0, 7, T, { createdAt: T - 64_000, cache: 'STALE' })])).toEqual([]);
    expect(rules([read(0, 7, T, { createdAt: T - 66_000, cache: 'STALE' })])).toEqual(['too-old']);
    expect(rules([read(0, 7, T, { createdAt: T - 4_900, cache: 'HIT' })])).toEqual([]);
    expect(rules([read(0, 7, T, { createdAt: T - 6_000, cache: 'HIT' })])).toEqual(['too-old']);
  });

  it("finds a private answer that is another user's", () => {
    expect(rules([viewer('u1', 'u1'), viewer('u2', 'u1')])).toEqual(['other-identity']);
    expect(rules([viewer('u1', 'u1', ['o1', 'o2']), viewer('u2', 'u2', ['o4']), viewer('u1', 'u1', ['o1'])])).toEqual([]);
    expect(rules([viewer('u1', 'u1', ['o1', 'o2']), viewer('u2', 'u2', ['o2'])])).toEqual(['other-identity']);
  });

  it("finds a `me` answer, PUBLIC by its hint but forwarding the caller's token, that is another user's", () => {
    expect(rules([me('u1', 'u1', 'MISS'), me('u2', 'u1')])).toEqual(['forwarded-identity']);
    expect(check([me('u1', 'u1', 'MISS'), me('u2', 'u1')], BOUNDS)[0]?.detail).toMatch(/^a private read of me for u2 .* \(HIT\) showed me u1/);
    expect(rules([me('u1', 'u1', 'MISS'), me('u2', 'u2', 'MISS'), me('u1', 'u1')])).toEqual([]);
    expect(rules([me('u2', undefined)])).toEqual(['forwarded-identity']);
    // Leaves out a failed read, and does not hold `me` to the viewer's orders rule.
    expect(rules([{ ...me('u2', 'u1'), status: 500 }, viewer('u1', 'u1', ['o1']), me('u2', 'u2')])).toEqual([]);
  });
});
