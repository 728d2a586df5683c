/**
 * The http stage: reads and admits a GraphQL request before it costs
 * anything, then answers with what it came to. Admission, in order: the
 * client's rate limit, the CSRF guard, then the request itself (method,
 * content type, body size, JSON shape, nesting) in graphql-params.ts. A
 * refusal is a `Refusal` value; respond.ts alone turns one into a response
 * and sets Retry-After.
 *
 * It may call: the response cache (the request it accepts, the stored entry's
 * response), invalidation (admin's purges) and the leaves shared and config.
 */
import type { RequestLimits } from '../config.ts';
import type { Refusal } from '../shared/refusal.ts';
import { CSRF_HEADERS, isCrossSiteRisk } from './csrf.ts';
import { readGraphQLRequest, type ReadRequest } from './graphql-params.ts';
import { isRateLimited } from './rate-limit.ts';

const RATE_LIMITED: Refusal = { status: 429, code: 'RATE_LIMITED', message: 'Too many requests from this client; slow down.', retryAfter: 60 };
const CSRF_BLOCKED: Refusal = {
  status: 403,
  code: 'CSRF_BLOCKED',
  message: `A GET or a simple POST must carry one of these headers: ${CSRF_HEADERS.join(', ')}.`,
};

/** The request read, or why it is refused. Without a rate limiter a GET is admitted at once, with no await. */
export function admit(request: Request, limiter: RateLimit | undefined, limits: RequestLimits): ReadRequest | Promise<ReadRequest> {
  if (!limiter) return admitUnlimited(request, limits);
  return isRateLimited(limiter, request).then((limited) => (limited ? { refused: RATE_LIMITED } : admitUnlimited(request, limits)));
}

function admitUnlimited(request: Request, limits: RequestLimits): ReadRequest | Promise<ReadRequest> {
  if (isCrossSiteRisk(request)) return { refused: CSRF_BLOCKED };
  return readGraphQLRequest(request, limits.bodyBytes, limits.variablesDepth);
}
