/** Works out what a request's raw text comes to (its parameters, a persisted operation resolved, its analysis), once per isolate for the texts seen again and again. */
import { LRUCache } from 'lru-cache';
import { sha256Hex } from '../shared/digest.ts';
import { refused, type Served } from './answer.ts';
import type { DocumentAnalysis } from './cache-key.ts';
import type { GraphQLParams, GraphQLRequest } from './graphql-request.ts';
import type { ResponseCacheOptions } from './options.ts';

export interface Prepared {
  params: GraphQLParams;
  /** The query's SHA-256, hex (a persisted operation's id is the same hash): which document it was, for the analytics. */
  documentHash: string;
  analysis: DocumentAnalysis | undefined;
  /** The key, when the policy is PUBLIC and varies on no header, and so is the same for every caller. */
  publicKey: string | undefined;
  /** The keys of any other cacheable document by caller (scope and forwarded headers' values), for the callers seen; made at the first. */
  callerKeys?: LRUCache<string, string>;
}

/** Raw texts remembered per isolate, and the longest text worth remembering. */
const MAX_PREPARED = 1000;
const MAX_PREPARED_SOURCE = 8192;

/** What a request comes to, or `Served` when refused: a persisted operation that does not resolve, or a query too long. */
export function createPrepare({ keys, maxQueryLength, resolvePersisted, stats }: Pick<ResponseCacheOptions, 'keys' | 'maxQueryLength' | 'resolvePersisted' | 'stats'>) {
  const prepared = new LRUCache<string, Prepared>({ max: MAX_PREPARED });

  /** Parses the request, resolves a persisted operation, checks the query's length and analyzes it. */
  async function prepare({ source, parse }: GraphQLRequest): Promise<Prepared | Served> {
    const parsed = parse();
    if ('refused' in parsed) return refused(stats, parsed.refused, null);
    const { raw } = parsed;
    const resolved = await resolvePersisted(raw);
    if ('code' in resolved) return refused(stats, resolved, raw.operationName);
    if (resolved.query.length > maxQueryLength) {
      return refused(stats, { status: 400, code: 'QUERY_TOO_LARGE', message: `The query is over ${maxQueryLength} characters.` }, raw.operationName);
    }
    const params: GraphQLParams = { query: resolved.query, operationName: raw.operationName, variables: raw.variables };
    const analysis = keys.analyze(params);
    const shared = analysis?.policy?.scope === 'PUBLIC' && !analysis.policy.vary;
    const publicKey = shared ? await keys.key(analysis, params, null, '') : undefined;
    const result: Prepared = { params, documentHash: await sha256Hex(resolved.query), analysis, publicKey };
    if (source.length <= MAX_PREPARED_SOURCE) prepared.set(source, result);
    return result;
  }

  /** A value for a text seen before: no await. */
  return (request: GraphQLRequest): Prepared | Served | Promise<Prepared | Served> => prepared.get(request.source) ?? prepare(request);
}
