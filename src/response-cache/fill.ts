/** Fills a key: runs its request through Yoga, then stores the entry (indexed first) or hands the uncached answer to the key's waiters. */
import type { CachePolicy } from '../cache-hints/policy.ts';
import { logFailure } from '../shared/log-event.ts';
import { graphqlErrorBody } from '../shared/json-response.ts';
import { createTrace, type RequestTrace } from '../shared/trace.ts';
import { deadAt, exceedsBytes, type CacheEntry } from '../single-flight/entry.ts';
import type { Decision } from './answer.ts';
import type { ResponseCacheOptions } from './options.ts';
import type { UncachedAnswer } from './response-cache-object.ts';

export type FillOptions = Pick<ResponseCacheOptions, 'config' | 'execute' | 'identityHeaders' | 'index' | 'location' | 'memory' | 'responses' | 'stats'>;

/** A request keyed and cacheable, ready to run. */
export interface Job {
  key: string;
  policy: CachePolicy;
  scope: string | null;
  /** A copy of the client's request for Yoga to execute. */
  replay(): Request;
}

/** `superseded`: a purge of its entities came while it read the origin; it answers only the request that ran it. */
type Outcome = { entry: CacheEntry; trace: RequestTrace; superseded?: boolean } | { answer: UncachedAnswer; tooLarge: boolean; trace: RequestTrace };

const UNEXPECTED: UncachedAnswer = {
  status: 500,
  body: graphqlErrorBody('Unexpected error.', 'INTERNAL_SERVER_ERROR'),
  contentType: 'application/json; charset=utf-8',
  uncacheable: true,
};

/** What the object hands a leader's waiters when its answer was its own: each runs its request itself. */
const PERSONAL: UncachedAnswer = { status: 0, body: '', contentType: '', uncacheable: false, personal: true };

async function executeJob({ execute, stats }: FillOptions, job: Job, ctx: ExecutionContext, revalidating: boolean) {
  const trace = createTrace(job.scope);
  trace.revalidating = revalidating;
  const startedAt = Date.now();
  const response = await execute(job.replay(), trace, ctx);
  const body = await response.text();
  stats.originCalls += trace.originCalls;
  return { response, body, trace, startedAt, contentType: response.headers.get('content-type') ?? 'application/json' };
}

/**
 * An answer that is its caller's alone, whatever the key: the origin said
 * `private` (and the key is not per identity) or `no-store`, a cookie is
 * set, or a connector forwarded a client header that the key does not vary
 * on (an escape-hatch resolver's call the schema could not foresee).
 */
function isOwnAnswer(identityHeaders: readonly string[], response: Response, trace: RequestTrace, policy: CachePolicy): boolean {
  if (response.headers.has('set-cookie') || trace.originSharing === 'no-store') return true;
  if (trace.originSharing === 'private' && policy.scope !== 'PRIVATE') return true;
  for (const header of trace.forwarded) {
    if (!policy.vary?.includes(header) && !(policy.scope === 'PRIVATE' && identityHeaders.includes(header))) return true;
  }
  return false;
}

async function run(options: FillOptions, job: Job, ctx: ExecutionContext, revalidating: boolean): Promise<Outcome> {
  const { response, body, trace, startedAt, contentType } = await executeJob(options, job, ctx, revalidating);
  const cacheable = response.status === 200 && trace.entities !== undefined;
  if (isOwnAnswer(options.identityHeaders, response, trace, job.policy)) {
    return { answer: { status: response.status, body, contentType, uncacheable: !cacheable, personal: true }, tooLarge: false, trace };
  }
  if (!cacheable || exceedsBytes(body, options.config.maxEntryBytes)) {
    return { answer: { status: response.status, body, contentType, uncacheable: !cacheable }, tooLarge: cacheable, trace };
  }
  const entry: CacheEntry = {
    body,
    etag: `"${startedAt.toString(36)}-${job.key.slice(0, 12)}"`,
    createdAt: startedAt,
    policy: job.policy,
    entities: [...(trace.entities ?? []), ...trace.tags],
  };
  // Built from cached field values read earlier: fresh only as long as they all are.
  if (trace.freshUntil !== undefined && trace.freshUntil < startedAt + job.policy.maxAge * 1000) entry.staleAt = trace.freshUntil;
  return { entry, trace };
}

/** The request run for itself, its answer kept from everyone else: the leader's answer for this key was its caller's own. */
export async function alone(options: FillOptions, job: Job, ctx: ExecutionContext): Promise<Decision> {
  const { response, body, trace, contentType } = await executeJob(options, job, ctx, false);
  return { answer: { status: response.status, body, contentType, uncacheable: response.status !== 200, personal: true }, cache: 'BYPASS', trace };
}

/** Runs the job under `lease`, then stores the entry or hands the uncached answer to the waiters. */
export async function lead(options: FillOptions, job: Job, lease: string, ctx: ExecutionContext, revalidating = false): Promise<Outcome> {
  const { config, index, memory, responses } = options;
  const stub = responses.getByName(job.key);
  let outcome: Outcome;
  try {
    outcome = await run(options, job, ctx, revalidating);
  } catch (error) {
    logFailure('execution-failed', error);
    outcome = { answer: UNEXPECTED, tooLarge: false, trace: createTrace(job.scope) };
  }
  try {
    if ('entry' in outcome) {
      const { entry } = outcome;
      const storedAt = Date.now();
      // Indexed before it is stored, so that a purge from here on finds it; not stored at all if a purge came while it read the origin.
      if (await index.add(job.key, entry.entities, deadAt(entry), entry.createdAt)) {
        await stub.store(lease, entry);
        keepConfirmed(options, job.key, entry, storedAt, ctx);
      } else {
        // The purge could not find this key while it was being refilled: purge it now, so that the object's waiters get a new leader and this isolate's later requests ask afresh.
        memory.delete(job.key);
        await stub.purge(false, config.leaseMs);
        outcome = { ...outcome, superseded: true };
      }
    } else {
      // Another caller's answer is never handed over: the object tells each waiter to run its own request.
      await stub.abandon(lease, outcome.answer.personal ? PERSONAL : outcome.answer);
    }
  } catch (error) {
    // The answer is good whether or not it could be stored; the lease is given back so that no waiter waits it out.
    logFailure('cache-store-failed', error);
    const answer: UncachedAnswer = 'entry' in outcome ? { status: 200, body: outcome.entry.body, contentType: 'application/json; charset=utf-8', uncacheable: false } : PERSONAL;
    await stub.abandon(lease, answer).catch(() => {});
  }
  return outcome;
}

export function refreshInBackground(options: FillOptions, job: Job, lease: string, ctx: ExecutionContext): void {
  options.stats.revalidations++;
  ctx.waitUntil(lead(options, job, lease, ctx, true).catch((error: unknown) => logFailure('revalidation-failed', error)));
}

/** An entry the key's object confirmed at `checkedAt`, kept in this isolate's memory and this location's tier. */
export function keepConfirmed({ memory, location }: FillOptions, key: string, entry: CacheEntry, checkedAt: number, ctx: ExecutionContext): void {
  memory.set(key, entry, checkedAt);
  if (location) ctx.waitUntil(location.set(key, entry, checkedAt));
}
