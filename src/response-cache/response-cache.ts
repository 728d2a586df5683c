/**
 * The response cache stage: answers a read and admitted GraphQL request from
 * stored bytes when it can, and otherwise has exactly one request per key run
 * it through Yoga. The hit path keys the raw request (body or query string,
 * and the caller's scope) and answers from memory, the location tier or the
 * key's Durable Object, without parsing, validating or executing.
 *
 * It may call: graphql's execution, only through the injected `execute`
 * (and its persisted operations' types), invalidation (the index, and the
 * invalidator for a mutation's purges), and the leaves single-flight,
 * cache-hints, shared and config. It never imports the http stage: what it
 * accepts is declared in graphql-request.ts, and it hands refusals back as
 * values for the http stage to answer.
 *
 * Its jobs, one file each: prepare (the request's text, once per isolate),
 * caller-key, coalesce (one lookup per key and isolate), lookup (the tiers
 * and the key's object), fill (run, store or hand over), answer.
 */
import { andThen } from '../shared/maybe-promise.ts';
import { createTrace } from '../shared/trace.ts';
import { fromCopy, served, type Served } from './answer.ts';
import { createScopes, identityOf, keyFor, variantOf } from './caller-key.ts';
import { createCoalescer } from './coalesce.ts';
import type { GraphQLRequest } from './graphql-request.ts';
import type { ResponseCacheOptions } from './options.ts';
import { createPrepare, type Prepared } from './prepare.ts';

export function createResponseCache(options: ResponseCacheOptions): (request: GraphQLRequest, ctx: ExecutionContext) => Served | Promise<Served> {
  const { keys, memory, identityHeaders, stats } = options;
  const prepare = createPrepare(options);
  const scopeFor = createScopes(options.scopeOf);
  const askObjectOnce = createCoalescer(options);

  /**
   * Once an isolate has seen a request's text, its identity and its key, a
   * hit is answered without waiting on anything: each step below is a value
   * when it is remembered, and a promise only the first time.
   */
  return function serveGraphQL(request, ctx) {
    return andThen(prepare(request), (ready) => {
      if ('cache' in ready) return ready;
      // Each Served is this request's own object: the hash is set on it rather than passed down every path, with no closure on a hit.
      const served = serveReady(request, ready, ctx);
      if (served instanceof Promise) return served.then((later) => withHash(later, ready.documentHash));
      return withHash(served, ready.documentHash);
    });
  };

  function serveReady(request: GraphQLRequest, ready: Prepared, ctx: ExecutionContext): Served | Promise<Served> {
    const { params, analysis } = ready;
    const operationName = params.operationName ?? analysis?.operationName ?? null;
    const policy = analysis?.policy;
    const caller = policy?.scope === 'PRIVATE' ? identityOf(identityHeaders, request.headers) : '';
    // A private answer is cached per identity: without one it is not cached at all.
    if (!analysis || !policy || (policy.scope === 'PRIVATE' && !caller)) return bypass(options, request.replay(params), operationName, ctx);
    return andThen(caller ? scopeFor(caller) : null, (scope) =>
      andThen(keyFor(keys, ready, analysis, scope, variantOf(identityHeaders, request.headers, policy.vary)), (key) => {
        const now = Date.now();
        return (
          fromCopy(stats, memory.get(key, now), now, key, operationName) ??
          askObjectOnce({ key, policy, scope, replay: () => request.replay(params) }, operationName, ctx)
        );
      }),
    );
  }
}

function withHash(served: Served, documentHash: string): Served {
  served.documentHash = documentHash;
  return served;
}

/** Not cacheable (a mutation, an unknown operation, private data without an identity): run as it is, and its purges made. */
async function bypass({ execute, invalidator, stats }: ResponseCacheOptions, request: Request, operationName: string | null, ctx: ExecutionContext): Promise<Served> {
  const trace = createTrace();
  const response = await execute(request, trace, ctx);
  stats.originCalls += trace.originCalls;
  if (trace.invalidations.size) await invalidator.purge({ entities: [...trace.invalidations] });
  const headers = new Headers(response.headers);
  headers.set('cache-control', 'no-store');
  headers.set('x-cache', 'BYPASS');
  return served(stats, { response: new Response(response.body, { status: response.status, headers }) }, 'BYPASS', operationName, trace);
}
