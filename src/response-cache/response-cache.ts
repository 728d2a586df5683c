import type { CacheConfig } from '../config.ts';
import { createTrace, NOTHING_RAN, type RequestTrace } from '../shared/trace.ts';
import type { CacheIndex } from '../invalidation/cache-index.ts';
import type { CacheKeys, DocumentAnalysis } from './cache-key.ts';
import type { CacheStats, CacheStatus } from '../shared/cache-stats.ts';
import { andThen } from '../shared/maybe-promise.ts';
import { deadAt, exceedsBytes, freshness, type CacheEntry } from '../single-flight/entry.ts';
import { readGraphQLRequest, requestFor, type GraphQLParams, type Parsed, type Refusal } from '../http/graphql-params.ts';
import { graphqlError, graphqlErrorBody } from '../shared/json-response.ts';
import { logFailure } from '../shared/log-event.ts';
import type { PersistedRequest, Resolution } from '../graphql/persisted-operations.ts';
import type { Invalidator } from '../invalidation/invalidator.ts';
import type { LocationTier } from './location-tier.ts';
import type { MemoryTier } from './memory-tier.ts';
import type { CachePolicy } from '../cache-hints/policy.ts';
import type { ResponseCacheObject, UncachedAnswer } from './response-cache-object.ts';

/** Runs a request through Yoga; `ctx` carries the background work (field refreshes) past the response. */
export type Execute = (request: Request, trace: RequestTrace, ctx: ExecutionContext) => Promise<Response>;

export interface ResponseCacheOptions {
  config: CacheConfig;
  keys: CacheKeys;
  memory: MemoryTier;
  /** Between the memory tier and the keys' objects, when `CACHE_LOCATION_TTL_MS` is set. */
  location: LocationTier | undefined;
  responses: DurableObjectNamespace<ResponseCacheObject>;
  index: CacheIndex;
  invalidator: Invalidator;
  /** Client headers that identify a caller (lower-case): a PRIVATE answer is cached per the values of all of them. */
  identityHeaders: readonly string[];
  /** Hashes a caller's identity headers into the private scope its answers are kept under. */
  scopeOf: (identity: string) => Promise<string>;
  stats: CacheStats;
  execute: Execute;
  /** Bodies over this many bytes are refused (413) before anything reads them. */
  maxBodyBytes: number;
  /** Query text over this many characters is refused (400) before it is parsed. */
  maxQueryLength: number;
  /** Variables or extensions nested deeper than this are refused (400) before anything walks them. */
  maxVariablesDepth: number;
  resolvePersisted: (request: PersistedRequest) => Promise<Resolution>;
}

/**
 * What the cache decided for one request: a stored entry to answer with (the
 * Worker entry builds its response, headers and all, at once), or a response
 * already made (Yoga's, or a refusal).
 */
export type Served = {
  cache: CacheStatus;
  operationName: string | null;
  /** The origin calls this request waited for (a background refresh's are not). */
  trace: Readonly<RequestTrace>;
  /** The cache key, for the `x-cache-key` header; none for requests that were never keyed. */
  key?: string;
} & ({ entry: CacheEntry } | { response: Response });

interface Job {
  key: string;
  policy: CachePolicy;
  scope: string | null;
  /** The client's request, for its headers. */
  request: Request;
  /** A copy to execute. */
  replay(): Request;
}

/** What a request's raw text comes to, worked out once per isolate for the texts seen again and again. */
interface Prepared {
  params: GraphQLParams;
  analysis: DocumentAnalysis | undefined;
  /** The key, when the policy is PUBLIC and varies on no header, and so is the same for every caller. */
  publicKey: string | undefined;
  /** The keys of any other cacheable document by caller (scope and forwarded headers' values), for the callers seen. */
  callerKeys: Map<string, string>;
}

/** Raw texts, identities and private keys per text remembered per isolate, and the longest text worth remembering. */
const MAX_PREPARED = 1000;
const MAX_PREPARED_SOURCE = 8192;
const MAX_SCOPES = 1000;
const MAX_CALLER_KEYS = 100;

/** Sets `key` in a Map used as a bounded memo, dropping the oldest entry past `max`. */
function remember<K, V>(memo: Map<K, V>, key: K, value: V, max: number): V {
  if (memo.size >= max) memo.delete(memo.keys().next().value as K);
  memo.set(key, value);
  return value;
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

const BUSY: UncachedAnswer = {
  status: 503,
  body: graphqlErrorBody('The origin is busy; retry shortly.', 'ORIGIN_BUSY'),
  contentType: 'application/json; charset=utf-8',
  uncacheable: true,
};

/** One lookup in flight from this isolate: when it was sent, and what it came to once it has. */
interface Slot {
  sentAt: number;
  /** The object found nothing servable and this isolate is refilling it: the memory copy, likely purged, stands in no more. */
  refilling?: boolean;
  decision?: Decision;
}

/** What a lookup of the key's object came to, shared by the requests of this isolate that waited for it. */
type Decision = { cache: CacheStatus; trace: Readonly<RequestTrace>; superseded?: boolean } & ({ entry: CacheEntry } | { answer: UncachedAnswer });

/**
 * The response cache around Yoga. The hit path keys the raw request (body or
 * query string, and the caller's scope) and answers stored bytes from memory
 * or from the key's Durable Object, without parsing, validating or executing.
 * Only a miss reaches Yoga, and then only one request per key at a time.
 */
export function createResponseCache(options: ResponseCacheOptions): (request: Request, ctx: ExecutionContext) => Served | Promise<Served> {
  const { config, keys, memory, location, responses, index, invalidator, identityHeaders, scopeOf, stats, execute, maxBodyBytes, maxQueryLength, maxVariablesDepth, resolvePersisted } = options;
  const identity = new Set(identityHeaders);
  const lookupOptions = { leaseMs: config.leaseMs, waitMs: config.lockTimeoutMs };

  async function bypass(request: Request, operationName: string | null, ctx: ExecutionContext): Promise<Served> {
    const trace = createTrace();
    const response = await execute(request, trace, ctx);
    stats.originCalls += trace.originCalls;
    if (trace.invalidations.size) await invalidator.purge({ entities: [...trace.invalidations] });
    const headers = new Headers(response.headers);
    headers.set('cache-control', 'no-store');
    headers.set('x-cache', 'BYPASS');
    return served({ response: new Response(response.body, { status: response.status, headers }) }, 'BYPASS', operationName, trace);
  }

  async function executeJob(job: Job, ctx: ExecutionContext, revalidating: boolean) {
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
  function isOwnAnswer(response: Response, trace: RequestTrace, policy: CachePolicy): boolean {
    if (response.headers.has('set-cookie') || trace.originSharing === 'no-store') return true;
    if (trace.originSharing === 'private' && policy.scope !== 'PRIVATE') return true;
    for (const header of trace.forwarded) {
      if (!policy.vary?.includes(header) && !(policy.scope === 'PRIVATE' && identity.has(header))) return true;
    }
    return false;
  }

  async function run(job: Job, ctx: ExecutionContext, revalidating: boolean): Promise<Outcome> {
    const { response, body, trace, startedAt, contentType } = await executeJob(job, ctx, revalidating);
    const cacheable = response.status === 200 && trace.entities !== undefined;
    if (isOwnAnswer(response, trace, job.policy)) return { answer: { status: response.status, body, contentType, uncacheable: !cacheable, personal: true }, tooLarge: false, trace };
    if (!cacheable || exceedsBytes(body, config.maxEntryBytes)) {
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
  async function alone(job: Job, ctx: ExecutionContext): Promise<Decision> {
    const { response, body, trace, contentType } = await executeJob(job, ctx, false);
    return { answer: { status: response.status, body, contentType, uncacheable: response.status !== 200, personal: true }, cache: 'BYPASS', trace };
  }

  /** Runs the job under `lease`, then stores the entry or hands the uncached answer to the waiters. */
  async function lead(job: Job, lease: string, ctx: ExecutionContext, revalidating = false): Promise<Outcome> {
    const stub = responses.getByName(job.key);
    let outcome: Outcome;
    try {
      outcome = await run(job, ctx, revalidating);
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
          keepConfirmed(job.key, entry, storedAt, ctx);
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

  function refreshInBackground(job: Job, lease: string, ctx: ExecutionContext): void {
    stats.revalidations++;
    ctx.waitUntil(
      lead(job, lease, ctx, true).catch((error: unknown) => logFailure('revalidation-failed', error)),
    );
  }

  /** A copy from memory answers at once, as a HIT or a STALE, if it is within its fresh or stale window. */
  function fromCopy(copy: CacheEntry | undefined, now: number, key: string, operationName: string | null): Served | undefined {
    const state = copy && freshness(copy, now);
    if (copy && (state === 'fresh' || state === 'stale')) return served({ entry: copy }, state === 'fresh' ? 'HIT' : 'STALE', operationName, NOTHING_RAN, key);
    return undefined;
  }

  /** Lookups of a key's object in flight from this isolate; each slot gets what its lookup came to. */
  const asking = new Map<string, Slot>();

  /**
   * At most one lookup of a key's object is in flight per isolate. While it
   * is, the others for that key get the memory copy if it lapsed just before
   * the lookup was sent and is still within its fresh or stale window, unless
   * the lookup turned into a refill; else they wait for that lookup and share
   * what it came to.
   */
  function askObjectOnce(job: Job, operationName: string | null, ctx: ExecutionContext): Served | Promise<Served> {
    const inFlight = asking.get(job.key);
    // A lookup sent before a purge here may bring back what the purge removed: a request after the purge asks afresh.
    if (inFlight && !memory.droppedSince(job.key, inFlight.sentAt)) {
      const standIn = fromCopy(inFlight.refilling ? undefined : memory.standIn(job.key, inFlight.sentAt), Date.now(), job.key, operationName);
      if (standIn) return standIn;
      return decided(inFlight, config.lockTimeoutMs).then((decision) => {
        if (decision?.superseded) return askObjectOnce(job, operationName, ctx);
        if (decision && 'answer' in decision && decision.answer.personal) return alone(job, ctx).then((own) => toServed(own, operationName, job.key, own.trace));
        return toServed(decision ?? fallbackOrBusy(job.key), operationName, job.key, NOTHING_RAN);
      });
    }
    const slot: Slot = { sentAt: Date.now() };
    asking.set(job.key, slot);
    const answer = askObject(job, ctx, slot).then((decision) => {
      slot.decision = decision;
      return toServed(decision, operationName, job.key, decision.trace);
    });
    const forget = () => void (asking.get(job.key) === slot && asking.delete(job.key));
    answer.then(forget, forget);
    return answer;
  }

  function toServed(decision: Decision, operationName: string | null, key: string, trace: Readonly<RequestTrace>): Served {
    const answer = 'entry' in decision ? { entry: decision.entry } : { response: uncached(decision.answer, decision.cache) };
    return served(answer, decision.cache, operationName, trace, key);
  }

  /** When no answer can be had in time: the memory copy while it may stand in, else the client is told to retry. */
  function fallbackOrBusy(key: string): Decision {
    const fallback = memory.peek(key);
    const usable = fallback && freshness(fallback, Date.now()) !== 'dead';
    return usable ? { entry: fallback, cache: 'STALE', trace: NOTHING_RAN } : { answer: BUSY, cache: 'MISS', trace: NOTHING_RAN };
  }

  /** An entry the key's object confirmed at `checkedAt`, kept in this isolate's memory and this location's tier. */
  function keepConfirmed(key: string, entry: CacheEntry, checkedAt: number, ctx: ExecutionContext): void {
    memory.set(key, entry, checkedAt);
    if (location) ctx.waitUntil(location.set(key, entry, checkedAt));
  }

  async function askObject(job: Job, ctx: ExecutionContext, slot: Slot): Promise<Decision> {
    const now = Date.now();
    // A fresh copy that another isolate of this location had confirmed; a stale one goes to the object, which hands one request its refresh.
    const nearby = await location?.get(job.key, now);
    if (nearby && freshness(nearby.entry, now) === 'fresh' && !memory.droppedSince(job.key, nearby.checkedAt)) {
      stats.locationHits++;
      memory.set(job.key, nearby.entry, now);
      return { entry: nearby.entry, cache: 'HIT', trace: NOTHING_RAN };
    }
    stats.objectLookups++;
    const hit = (entry: CacheEntry, cache: CacheStatus, trace: Readonly<RequestTrace> = NOTHING_RAN): Decision => ({ entry, cache, trace });
    const answer = (uncachedAnswer: UncachedAnswer, cache: CacheStatus, trace: Readonly<RequestTrace> = NOTHING_RAN): Decision => ({
      answer: uncachedAnswer,
      cache,
      trace,
    });

    let result;
    try {
      result = await responses.getByName(job.key).lookup(lookupOptions);
    } catch (error) {
      // The object failed or is overloaded: never retried, and never a reason to call the origin.
      logFailure('cache-object-failed', error);
      return fallbackOrBusy(job.key);
    }

    switch (result.status) {
      case 'fresh':
      case 'stale':
        keepConfirmed(job.key, result.entry, now, ctx);
        if (result.status === 'stale' && result.lease) refreshInBackground(job, result.lease, ctx);
        return hit(result.entry, result.status === 'fresh' ? 'HIT' : 'STALE');
      case 'filled':
        keepConfirmed(job.key, result.entry, now, ctx);
        return hit(result.entry, 'MISS');
      case 'timeout':
        return result.fallback ? hit(result.fallback, 'STALE') : answer(BUSY, 'MISS');
      case 'abandoned':
        if (result.answer.personal) return alone(job, ctx);
        if (result.answer.uncacheable && result.fallback) return hit(result.fallback, 'STALE');
        return answer(result.answer, 'MISS');
      case 'lead': {
        slot.refilling = true;
        const outcome = await lead(job, result.lease, ctx);
        if ('entry' in outcome) return { ...hit(outcome.entry, 'MISS', outcome.trace), superseded: outcome.superseded };
        if (outcome.answer.uncacheable && result.fallback) return hit(result.fallback, 'STALE', outcome.trace);
        return answer(outcome.answer, outcome.tooLarge ? 'BYPASS' : 'MISS', outcome.trace);
      }
    }
  }

  const prepared = new Map<string, Prepared>();

  /** Parses the request, resolves a persisted operation, checks the query's length and analyzes it; `Served` when refused. */
  async function prepare(source: string, parse: () => Parsed): Promise<Prepared | Served> {
    const parsed = parse();
    if ('refused' in parsed) return refused(parsed.refused, null);
    const { raw } = parsed;
    const resolved = await resolvePersisted(raw);
    if ('code' in resolved) return refused(resolved, raw.operationName);
    if (resolved.query.length > maxQueryLength) {
      return refused({ status: 400, code: 'QUERY_TOO_LARGE', message: `The query is over ${maxQueryLength} characters.` }, raw.operationName);
    }
    const params: GraphQLParams = { query: resolved.query, operationName: raw.operationName, variables: raw.variables };
    const analysis = keys.analyze(params);
    const shared = analysis?.policy?.scope === 'PUBLIC' && !analysis.policy.vary;
    const publicKey = shared ? await keys.key(analysis, params, null, '') : undefined;
    const result: Prepared = { params, analysis, publicKey, callerKeys: new Map() };
    return source.length <= MAX_PREPARED_SOURCE ? remember(prepared, source, result, MAX_PREPARED) : result;
  }

  const scopes = new Map<string, string>();

  /** The private scope of a caller's identity headers, hashed once per isolate and identity. */
  function scopeFor(identityText: string): string | Promise<string> {
    return scopes.get(identityText) ?? scopeOf(identityText).then((scope) => remember(scopes, identityText, scope, MAX_SCOPES));
  }

  /** Every identity header the caller sent, with its value: empty for an anonymous caller. */
  function identityOf(headers: Headers): string {
    let text = '';
    for (const name of identityHeaders) {
      const value = headers.get(name);
      if (value !== null) text += `${name}: ${value}\n`;
    }
    return text;
  }

  /** The values of the forwarded headers that the scope does not already hold. */
  function variantOf(headers: Headers, vary: readonly string[] | undefined): string {
    let text = '';
    for (const name of vary ?? []) if (!identity.has(name)) text += `${name}: ${headers.get(name) ?? ''}\n`;
    return text;
  }

  function keyFor({ params, publicKey, callerKeys }: Prepared, analysis: DocumentAnalysis, scope: string | null, variant: string): string | Promise<string> {
    if (scope === null && !variant) return publicKey ?? keys.key(analysis, params, null, '');
    const caller = `${scope ?? ''}\n${variant}`;
    return callerKeys.get(caller) ?? keys.key(analysis, params, scope, variant).then((key) => remember(callerKeys, caller, key, MAX_CALLER_KEYS));
  }

  /**
   * Once an isolate has seen a request's text, its identity and its key, a
   * hit is answered without waiting on anything: each step below is a value
   * when it is remembered, and a promise only the first time.
   */
  function serveGraphQL(incoming: Request, ctx: ExecutionContext): Served | Promise<Served> {
    return andThen(readGraphQLRequest(incoming, maxBodyBytes, maxVariablesDepth), (read) => {
      if ('refused' in read) return refused(read.refused, null);
      const { original, source, parse } = read;
      return andThen(prepared.get(source) ?? prepare(source, parse), (ready) => {
        if ('cache' in ready) return ready;
        const { params, analysis } = ready;
        const operationName = params.operationName ?? analysis?.operationName ?? null;
        const policy = analysis?.policy;
        const caller = policy?.scope === 'PRIVATE' ? identityOf(incoming.headers) : '';
        // A private answer is cached per identity: without one it is not cached at all.
        if (!analysis || !policy || (policy.scope === 'PRIVATE' && !caller)) return bypass(requestFor(original, params), operationName, ctx);
        return andThen(caller ? scopeFor(caller) : null, (scope) =>
          andThen(
            keyFor(ready, analysis, scope, variantOf(incoming.headers, policy.vary)),
            (key) => {
              const now = Date.now();
              return (
                fromCopy(memory.get(key, now), now, key, operationName) ??
                askObjectOnce({ key, policy, scope, request: incoming, replay: () => requestFor(original, params) }, operationName, ctx)
              );
            },
          ),
        );
      });
    });
  }

  /** Refused before it cost anything: no parse, no cache lookup, no origin call. */
  function refused({ status, code, message, headers }: Refusal, operationName: string | null): Served {
    return served({ response: graphqlError(status, code, message, { ...headers, 'x-cache': 'BYPASS' }) }, 'BYPASS', operationName, NOTHING_RAN);
  }

  function served(
    answer: { entry: CacheEntry } | { response: Response },
    cache: CacheStatus,
    operationName: string | null,
    trace: Readonly<RequestTrace>,
    key?: string,
  ): Served {
    stats[cache]++;
    return { ...answer, cache, operationName, trace, key };
  }

  return serveGraphQL;
}

function uncached(answer: UncachedAnswer, cache: CacheStatus): Response {
  const headers: Record<string, string> = { 'content-type': answer.contentType, 'cache-control': 'no-store', 'x-cache': cache };
  // Asked to come back shortly (RFC 9110 §10.2.3): nobody could answer in time.
  if (answer === BUSY) headers['retry-after'] = '1';
  return new Response(answer.body, { status: answer.status, headers });
}

const POLL_MS = 5;

/**
 * What another request's lookup came to, once it has, within `ms`. Polled on
 * this request's own timer rather than awaited: workerd does not let one
 * request wait on a promise that another request's I/O settles.
 */
async function decided(slot: Slot, ms: number): Promise<Decision | undefined> {
  const deadline = Date.now() + ms;
  while (!slot.decision && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return slot.decision;
}
