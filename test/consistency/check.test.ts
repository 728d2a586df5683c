import { describe, expect, it } from 'vitest';
import { check, type Bounds } from '../../bench/consistency/check.ts';
import type { Observation, Read, Write } from '../../bench/consistency/observation.ts';

const BOUNDS: Bounds = { otherIsolatesMs: 1250, clockMs: 50 };
const T = 1_000_000;

const write = (isolate: number, available: number, sentAt: number, receivedAt: number): Write => ({ kind: 'write', isolate, sentAt, receivedAt, status: 200, sku: 'SKU-00001', available });
const read = (isolate: number, available: number, sentAt: number, extra: Partial<Read> = {}): Read => ({
  kind: 'read',
  isolate,
  sentAt,
  receivedAt: sentAt + 5,
  status: 200,
  sku: 'SKU-00001',
  available,
  createdAt: sentAt - 100,
  cache: 'HIT',
  maxAgeS: 5,
  staleWhileRevalidateS: 60,
  ...extra,
});

const rules = (log: Observation[]) => check(log, BOUNDS).map((violation) => violation.rule);

describe('the consistency checker', () => {
  it('finds an earlier value read through the isolate that ran the write, after its answer', () => {
    expect(rules([write(0, 10, T, T + 50), read(0, 7, T + 60)])).toEqual(['read-your-writes']);
    // Sent before the write was answered: either value is right.
    expect(rules([write(0, 10, T, T + 50), read(0, 7, T + 40)])).toEqual([]);
  });

  it('lets another isolate show the earlier value within the bound, and not after it', () => {
    expect(rules([write(0, 10, T, T + 50), read(1, 7, T + 50 + 1200)])).toEqual([]);
    expect(rules([write(0, 10, T, T + 50), read(1, 7, T + 50 + 1300)])).toEqual(['write-visible-everywhere']);
    expect(rules([write(0, 10, T, T + 50), write(1, 11, T + 100, T + 150), read(1, 10, T + 200)])).toEqual(['read-your-writes']);
  });

  it('after a purge and the bound, data read before the purge only as a soft purge\'s STALE answer', () => {
    const purge = (soft: boolean): Observation => ({ kind: 'purge', isolate: 2, sentAt: T, receivedAt: T + 30, status: 200, sku: 'SKU-00001', soft });
    const late = T + 30 + 1300;
    expect(rules([purge(false), read(0, 7, late, { createdAt: T - 500 })])).toEqual(['purge-visible-everywhere']);
    expect(rules([purge(true), read(0, 7, late, { createdAt: T - 500, cache: 'STALE' })])).toEqual([]);
    expect(rules([purge(true), read(0, 7, late, { createdAt: T - 500, cache: 'HIT' })])).toEqual(['purge-visible-everywhere']);
    expect(rules([purge(false), read(0, 7, late, { createdAt: T + 10 })])).toEqual([]);
  });

  it('finds an answer older than its max-age + stale-while-revalidate', () => {
    expect(rules([read(0, 7, T, { createdAt: T - 64_000 })])).toEqual([]);
    expect(rules([read(0, 7, T, { createdAt: T - 66_000 })])).toEqual(['too-old']);
  });

  it('finds a private answer that is another user\'s', () => {
    const viewer = (user: string, viewerId: string): Observation => ({ kind: 'private', isolate: 0, sentAt: T, receivedAt: T + 5, status: 200, user, viewerId });
    expect(rules([viewer('u1', 'u1'), viewer('u2', 'u1')])).toEqual(['other-identity']);
  });
});
