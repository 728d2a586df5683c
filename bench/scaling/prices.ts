/**
 * Cloudflare's published prices, Workers Paid, beyond the monthly included
 * amounts (which the model leaves out, as they vanish at scale): the Workers
 * and Durable Objects pricing pages as read on 2026-11-25
 * (developers.cloudflare.com/workers/platform/pricing,
 * developers.cloudflare.com/durable-objects/platform/pricing).
 */
export const PRICES = {
  date: '2026-11-25',
  workerRequestsPerMillion: 0.3,
  workerCpuPerMillionMs: 0.02,
  /** Every RPC method call on a stub is a billed request. */
  objectRequestsPerMillion: 0.15,
  objectDurationPerMillionGbS: 12.5,
  /** An awake object is billed 128 MB for its wall-clock time. */
  objectMemoryGb: 0.128,
  sqliteRowsWrittenPerMillion: 1.0,
} as const;
