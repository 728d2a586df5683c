/** Asks for a key's entry past this isolate's memory: the location tier, then the key's object, which may hand this request the lease to fill it. */
import type { CacheStatus } from '../shared/cache-stats.ts';
import { logFailure } from '../shared/log-event.ts';
import { FAILED_OVER, NOTHING_RAN, type RequestTrace } from '../shared/trace.ts';
import { freshness, type CacheEntry } from '../single-flight/entry.ts';
import { BUSY_DECISION, fallbackOrBusy, type Decision } from './answer.ts';
import { alone, keepConfirmed, lead, refreshInBackground, type FillOptions, type Job } from './fill.ts';

/** A lookup in flight: marked `refilling` once the object handed it the lease. */
export interface Lookup {
  refilling?: boolean;
}

function hit(entry: CacheEntry, cache: CacheStatus, trace: Readonly<RequestTrace> = NOTHING_RAN): Decision {
  return { entry, cache, trace };
}

export async function askObject(options: FillOptions, job: Job, ctx: ExecutionContext, lookup: Lookup): Promise<Decision> {
  const { config, location, memory, responses, stats } = options;
  const now = Date.now();
  // A fresh copy that another isolate of this location had confirmed; a stale one goes to the object, which hands one request its refresh.
  const nearby = await location?.get(job.key, now);
  if (nearby && freshness(nearby.entry, now) === 'fresh' && !memory.droppedSince(job.key, nearby.checkedAt)) {
    stats.locationHits++;
    memory.set(job.key, nearby.entry, now);
    return hit(nearby.entry, 'HIT');
  }
  stats.objectLookups++;

  let result;
  try {
    result = await responses.getByName(job.key).lookup({ leaseMs: config.leaseMs, waitMs: config.lockTimeoutMs });
  } catch (error) {
    // The object failed or is overloaded: never retried, and never a reason to call the origin.
    logFailure('cache-object-failed', error);
    return fallbackOrBusy(memory, job.key);
  }

  switch (result.status) {
    case 'fresh':
    case 'stale':
      keepConfirmed(options, job.key, result.entry, now, ctx);
      if (result.status === 'stale' && result.lease) refreshInBackground(options, job, result.lease, ctx);
      return hit(result.entry, result.status === 'fresh' ? 'HIT' : 'STALE');
    case 'filled':
      keepConfirmed(options, job.key, result.entry, now, ctx);
      return hit(result.entry, 'MISS');
    case 'timeout':
      return result.fallback ? hit(result.fallback, 'STALE', FAILED_OVER) : BUSY_DECISION;
    case 'abandoned':
      if (result.answer.personal) return alone(options, job, ctx);
      if (result.answer.uncacheable && result.fallback) return hit(result.fallback, 'STALE', FAILED_OVER);
      return { answer: result.answer, cache: 'MISS', trace: NOTHING_RAN };
    case 'lead': {
      lookup.refilling = true;
      const outcome = await lead(options, job, result.lease, ctx);
      if ('entry' in outcome) return { ...hit(outcome.entry, 'MISS', outcome.trace), superseded: outcome.superseded };
      if (outcome.answer.uncacheable && result.fallback) return hit(result.fallback, 'STALE', { ...outcome.trace, staleOnFailure: true });
      return { answer: outcome.answer, cache: outcome.tooLarge ? 'BYPASS' : 'MISS', trace: outcome.trace };
    }
  }
}
