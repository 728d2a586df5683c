import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../../src/single-flight/entry.ts';
import { serves, swrDecision, type SwrDecision } from '../../../src/single-flight/swr-decision.ts';

// Every freshness, with the key's lease free and held.
const DECISIONS: [Freshness, boolean, SwrDecision][] = [
  ['fresh', true, 'serve'],
  ['fresh', false, 'serve'],
  ['stale', true, 'serve-and-refresh'],
  ['stale', false, 'serve'],
  ['error', true, 'lead'],
  ['error', false, 'wait'],
  ['dead', true, 'lead'],
  ['dead', false, 'wait'],
];

const SERVED: [SwrDecision, boolean][] = [
  ['serve', true],
  ['serve-and-refresh', true],
  ['lead', false],
  ['wait', false],
];

describe('swrDecision', () => {
  it.each(DECISIONS)('%s, lease free: %s → %s', (state, leaseFree, decision) => {
    expect(swrDecision(state, leaseFree)).toBe(decision);
  });

  it.each(SERVED)('serves(%s) is %s', (decision, served) => {
    expect(serves(decision)).toBe(served);
  });
});
