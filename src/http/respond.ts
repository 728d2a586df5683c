/** Turns what a GraphQL request came to into its response, with every header the http stage adds: Server-Timing, CORS, the cache key and Retry-After. */
import type { Analytics } from '../analytics/analytics.ts';
import type { Served } from '../response-cache/answer.ts';
import { hitResponse } from '../response-cache/hit-response.ts';
import { graphqlError } from '../shared/json-response.ts';
import { logRequest } from '../shared/log-event.ts';
import type { Refusal } from '../shared/refusal.ts';
import { NOTHING_RAN } from '../shared/trace.ts';
import type { Cors } from './cors.ts';

export interface RespondOptions {
  cors: Cors;
  /** One JSON log line per request. */
  logRequests: boolean;
  analytics: Pick<Analytics, 'request'>;
}

/**
 * `answer` is the response cache's, or a refusal of the http stage's own:
 * the cache never saw that request, so it has no `x-cache` and is not in
 * the cache's stats (the analytics count it as REFUSED). A stored entry's
 * response is built with every header at once.
 */
export function respond(request: Request, answer: Served | Refusal, started: number, { cors, logRequests, analytics }: RespondOptions, ctx?: ExecutionContext): Response {
  const before = 'code' in answer;
  const served: Served = before ? { refusal: answer, cache: 'BYPASS', operationName: null, trace: NOTHING_RAN } : answer;
  const { cache, trace, key, operationName } = served;
  const refusal = 'refusal' in served ? served.refusal : undefined;
  const durationMs = Date.now() - started;
  const headers: Record<string, string> = {
    'server-timing': `cache;desc="${cache}", origin;dur=${trace.originMs};desc="${trace.originCalls} calls", total;dur=${durationMs}`,
  };
  cors.addHeaders(request, headers);
  // The key names the entry for operators (and tests) without revealing anything: it is a hash.
  if (key) headers['x-cache-key'] = key;
  // When to come back (RFC 9110 §10.2.3): a refusal says (rate limit, origin busy), or the origin shield refused a call (busy, or its breaker open).
  const retryAfter = Math.max(refusal?.retryAfter ?? 0, trace.retryAfter);
  if (retryAfter > 0) headers['retry-after'] = String(retryAfter);
  let response: Response;
  if ('entry' in served) {
    response = hitResponse(served.entry, cache, request, headers);
  } else if ('refusal' in served) {
    if (!before) headers['x-cache'] = cache;
    response = refusalResponse(served.refusal, headers);
  } else {
    response = served.response;
    for (const name in headers) response.headers.set(name, headers[name] as string);
  }
  analytics.request(
    {
      operationName,
      documentHash: served.documentHash ?? null,
      state: refusal ? 'REFUSED' : cache,
      latencyMs: durationMs,
      // Known without reading the body: a stored entry's, else what the response declares.
      bytes: 'entry' in served ? served.entry.body.length : Number(response.headers.get('content-length') ?? 0),
      errorCodes: refusal ? [refusal.code] : trace.errorCodes,
      originCalls: trace.originCalls,
      staleOnFailure: trace.staleOnFailure,
      trace,
    },
    ctx,
  );
  if (logRequests) logRequest({ operationName, cache, originCalls: trace.originCalls, durationMs, status: response.status });
  return response;
}

/** The one response a refusal becomes: its status and a GraphQL error body, never stored. */
function refusalResponse({ status, code, message, allow }: Refusal, headers: Record<string, string>): Response {
  if (allow) headers.allow = allow;
  return graphqlError(status, code, message, headers);
}
