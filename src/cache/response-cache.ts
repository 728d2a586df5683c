import type { CacheConfig } from '../config.ts';
import { createTrace, NOTHING_RAN, type RequestTrace } from '../trace.ts';
import { cacheControlHeader } from './cache-control-header.ts';
import type { CacheIndexObject } from './cache-index-object.ts';
import type { CacheKeys, DocumentAnalysis } from './cache-key.ts';
import type { CacheStats, CacheStatus } from './cache-stats.ts';
import { ageOf, deadAt, freshness, type CacheEntry } from './entry.ts';
import { readGraphQLRequest, requestFor, type GraphQLParams, type Parsed, type Refusal } from './graphql-params.ts';
import { graphqlError, graphqlErrorBody } from '../json-response.ts';
import type { PersistedRequest, Resolution } from '../persisted-operations.ts';
import { INDEX_NAME, type Invalidator } from './invalidator.ts';
import type { MemoryTier } from './memory-tier.ts';
import type { CachePolicy } from './policy.ts';
import type { ResponseCacheObject, UncachedAnswer } from './response-cache-object.ts';

/** Runs a request through Yoga. `cacheable`: the result may be stored, so resolvers may use the entity cache. */
export type Execute = (request: Request, trace: RequestTrace, cacheable: boolean) => Promise<Response>;

export interface ResponseCacheOptions {
  config: CacheConfig;
  keys: CacheKeys;
  memory: MemoryTier;
  responses: DurableObjectNamespace<ResponseCacheObject>;
  index: DurableObjectNamespace<CacheIndexObject>;
  invalidator: Invalidator;
  scopeOf: (authorization: string) => Promise<string>;
  stats: CacheStats;
  execute: Execute;
  /** Bodies over this many bytes are refused (413) before anything reads them. */
  maxBodyBytes: number;
  /** Query text over this many characters is refused (400) before it is parsed. */
  maxQueryLength: number;
  resolvePersisted: (request: PersistedRequest) => Promise<Resolution>;
}

export interface Served {
  response: Response;
  cache: CacheStatus;
  operationName: string | null;
  /** The origin calls this request waited for (a background refresh's are not). */
  trace: Readonly<RequestTrace>;
}

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
  /** The key, when the policy is PUBLIC and so the same for every caller. */
  publicKey: string | undefined;
}

/** Raw texts remembered per isolate, and the longest one worth remembering. */
const MAX_PREPARED = 1000;
const MAX_PREPARED_SOURCE = 8192;

type Outcome = { entry: CacheEntry; trace: RequestTrace } | { answer: UncachedAnswer; tooLarge: boolean; trace: RequestTrace };

const UNEXPECTED: UncachedAnswer = {
  status: 500,
  body: graphqlErrorBody('Unexpected error.', 'INTERNAL_SERVER_ERROR'),
  contentType: 'application/json; charset=utf-8',
  failed: true,
};

/**
 * The response cache around Yoga. The hit path keys the raw request (body or
 * query string, and the caller's scope) and answers stored bytes from memory
 * or from the key's Durable Object, without parsing, validating or executing.
 * Only a miss reaches Yoga, and then only one request per key at a time.
 */
export function createResponseCache(options: ResponseCacheOptions): (request: Request, ctx: ExecutionContext) => Promise<Served> {
  const { config, keys, memory, responses, index, invalidator, scopeOf, stats, execute, maxBodyBytes, maxQueryLength, resolvePersisted } = options;
  const lookupOptions = { leaseMs: config.leaseMs, waitMs: config.lockTimeoutMs };

  async function bypass(request: Request, operationName: string | null): Promise<Served> {
    const trace = createTrace();
    const response = await execute(request, trace, false);
    stats.originCalls += trace.originCalls;
    if (trace.invalidations.size) await invalidator.purge({ entities: [...trace.invalidations] });
    const headers = new Headers(response.headers);
    headers.set('cache-control', 'no-store');
    headers.set('x-cache', 'BYPASS');
    return served(new Response(response.body, { status: response.status, headers }), 'BYPASS', operationName, trace);
  }

  async function run(job: Job): Promise<Outcome> {
    const trace = createTrace(job.scope);
    const startedAt = Date.now();
    const response = await execute(job.replay(), trace, true);
    const body = await response.text();
    stats.originCalls += trace.originCalls;
    const contentType = response.headers.get('content-type') ?? 'application/json';
    const cacheable = response.status === 200 && trace.entities !== undefined && !response.headers.has('set-cookie');
    if (!cacheable || new TextEncoder().encode(body).byteLength > config.maxEntryBytes) {
      return { answer: { status: response.status, body, contentType, failed: !cacheable }, tooLarge: cacheable, trace };
    }
    const entry: CacheEntry = {
      body,
      etag: `"${startedAt.toString(36)}-${job.key.slice(0, 12)}"`,
      createdAt: startedAt,
      policy: job.policy,
      entities: trace.entities ?? [],
    };
    return { entry, trace };
  }

  /** Runs the job under `lease`, then stores the entry or hands the uncached answer to the waiters. */
  async function lead(job: Job, lease: string): Promise<Outcome> {
    const stub = responses.getByName(job.key);
    let outcome: Outcome;
    try {
      outcome = await run(job);
    } catch (error) {
      console.error(JSON.stringify({ event: 'execution-failed', error: String(error) }));
      outcome = { answer: UNEXPECTED, tooLarge: false, trace: createTrace(job.scope) };
    }
    try {
      if ('entry' in outcome) {
        await stub.store(lease, outcome.entry);
        await index.getByName(INDEX_NAME).add(job.key, outcome.entry.entities, deadAt(outcome.entry));
        memory.set(job.key, outcome.entry, Date.now());
      } else {
        await stub.abandon(lease, outcome.answer);
      }
    } catch (error) {
      // The answer is good whether or not it could be stored.
      console.error(JSON.stringify({ event: 'cache-store-failed', error: String(error) }));
    }
    return outcome;
  }

  function refreshInBackground(job: Job, lease: string, ctx: ExecutionContext): void {
    stats.revalidations++;
    ctx.waitUntil(
      lead(job, lease).catch((error: unknown) => console.error(JSON.stringify({ event: 'revalidation-failed', error: String(error) }))),
    );
  }

  async function lookUp(job: Job, operationName: string | null, ctx: ExecutionContext): Promise<Served> {
    const { request } = job;
    const hit = (entry: CacheEntry, cache: CacheStatus, trace: Readonly<RequestTrace> = NOTHING_RAN) =>
      served(fromEntry(entry, cache, request), cache, operationName, trace);

    const now = Date.now();
    const remembered = memory.get(job.key, now);
    const state = remembered && freshness(remembered, now);
    if (remembered && state === 'fresh') return hit(remembered, 'HIT');
    if (remembered && state === 'stale') return hit(remembered, 'STALE');

    let result;
    try {
      result = await responses.getByName(job.key).lookup(lookupOptions);
    } catch (error) {
      // The object failed or is overloaded: never retried, and never a reason to call the origin.
      console.error(JSON.stringify({ event: 'cache-object-failed', error: String(error) }));
      const fallback = memory.peek(job.key);
      const usable = fallback && freshness(fallback, Date.now()) !== 'dead';
      return usable ? hit(fallback, 'STALE') : served(busy(), 'MISS', operationName, NOTHING_RAN);
    }

    switch (result.status) {
      case 'fresh':
      case 'stale':
        memory.set(job.key, result.entry, now);
        if (result.status === 'stale' && result.lease) refreshInBackground(job, result.lease, ctx);
        return hit(result.entry, result.status === 'fresh' ? 'HIT' : 'STALE');
      case 'filled':
        memory.set(job.key, result.entry, now);
        return hit(result.entry, 'MISS');
      case 'timeout':
        return result.fallback ? hit(result.fallback, 'STALE') : served(busy(), 'MISS', operationName, NOTHING_RAN);
      case 'abandoned':
        if (result.answer.failed && result.fallback) return hit(result.fallback, 'STALE');
        return served(uncached(result.answer, 'MISS'), 'MISS', operationName, NOTHING_RAN);
      case 'lead': {
        const outcome = await lead(job, result.lease);
        if ('entry' in outcome) return hit(outcome.entry, 'MISS', outcome.trace);
        if (outcome.answer.failed && result.fallback) return hit(result.fallback, 'STALE', outcome.trace);
        const cache = outcome.tooLarge ? 'BYPASS' : 'MISS';
        return served(uncached(outcome.answer, cache), cache, operationName, outcome.trace);
      }
    }
  }

  const prepared = new Map<string, Prepared>();

  /** Parses the request, resolves a persisted operation, checks the query's length and analyzes it; `Served` when refused. */
  async function prepare(source: string, parse: () => Parsed): Promise<Prepared | Served> {
    const remembered = prepared.get(source);
    if (remembered) return remembered;
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
    const publicKey = analysis?.policy?.scope === 'PUBLIC' ? await keys.key(analysis, params, null) : undefined;
    const result = { params, analysis, publicKey };
    if (source.length <= MAX_PREPARED_SOURCE) {
      if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
      prepared.set(source, result);
    }
    return result;
  }

  async function serveGraphQL(incoming: Request, ctx: ExecutionContext): Promise<Served> {
    const read = await readGraphQLRequest(incoming, maxBodyBytes);
    if ('refused' in read) return refused(read.refused, null);
    const { original, source, parse } = read;
    const ready = await prepare(source, parse);
    if ('response' in ready) return ready;
    const { params, analysis, publicKey } = ready;
    const replay = () => requestFor(original, params);
    const operationName = params.operationName ?? analysis?.operationName ?? null;
    const policy = analysis?.policy;
    const authorization = incoming.headers.get('authorization');
    // A private answer is cached per identity: without one it is not cached at all.
    if (!analysis || !policy || (policy.scope === 'PRIVATE' && !authorization)) {
      return bypass(replay(), operationName);
    }
    const scope = policy.scope === 'PRIVATE' && authorization ? await scopeOf(authorization) : null;
    const key = publicKey ?? (await keys.key(analysis, params, scope));
    const answer = await lookUp({ key, policy, scope, request: incoming, replay }, operationName, ctx);
    // The key names the entry for operators (and tests) without revealing anything: it is a hash.
    answer.response.headers.set('x-cache-key', key);
    return answer;
  }

  /** Refused before it cost anything: no parse, no cache lookup, no origin call. */
  function refused({ status, code, message, headers }: Refusal, operationName: string | null): Served {
    return served(graphqlError(status, code, message, { ...headers, 'x-cache': 'BYPASS' }), 'BYPASS', operationName, NOTHING_RAN);
  }

  function served(response: Response, cache: CacheStatus, operationName: string | null, trace: Readonly<RequestTrace>): Served {
    stats[cache]++;
    // The origin shield refused a call (busy, or its breaker open): say when to come back (RFC 9110 §10.2.3).
    if (trace.retryAfter > 0) response.headers.set('retry-after', String(trace.retryAfter));
    return { response, cache, operationName, trace };
  }

  return serveGraphQL;
}

/** A stored entry as a response; `If-None-Match` on its ETag answers 304 (RFC 9110 §13.1.2). */
function fromEntry(entry: CacheEntry, cache: CacheStatus, request: Request): Response {
  const headers = new Headers({
    etag: entry.etag,
    age: String(ageOf(entry, Date.now())),
    'cache-control': cacheControlHeader(entry.policy),
    'x-cache': cache,
  });
  if (matchesEtag(request.headers.get('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers });
  headers.set('content-type', negotiate(request.headers.get('accept')));
  return new Response(entry.body, { status: 200, headers });
}

/** `If-None-Match` is a list of entity tags, or `*`, compared weakly (RFC 9110 §13.1.2). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function uncached(answer: UncachedAnswer, cache: CacheStatus): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.contentType, 'cache-control': 'no-store', 'x-cache': cache },
  });
}

function busy(): Response {
  return graphqlError(503, 'ORIGIN_BUSY', 'The origin is busy; retry shortly.', { 'retry-after': '1', 'x-cache': 'MISS' });
}

/** The same bytes serve both media types of GraphQL over HTTP; the label follows the client's Accept, as Yoga's does. */
function negotiate(accept: string | null): string {
  const modern = accept?.indexOf('application/graphql-response+json') ?? -1;
  const legacy = accept?.indexOf('application/json') ?? -1;
  const prefersModern = modern !== -1 && (legacy === -1 || modern < legacy);
  return prefersModern ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8';
}
