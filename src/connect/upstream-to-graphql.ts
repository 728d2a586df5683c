import { GraphQLError } from 'graphql';
import { isCallerStatus, type CallerStatus, type UpstreamError, type UpstreamFailure } from '../upstream/upstream-error.ts';
import { isPublicOriginMessage } from './public-message.ts';

/** What the client is told: `extensions.code` and a message that names nothing of the origin. */
interface Shown {
  code: string;
  message: string;
}

const UNAVAILABLE: Shown = { code: 'ORIGIN_UNAVAILABLE', message: 'The origin is unavailable; try again later.' };
const RATE_LIMITED: Shown = { code: 'ORIGIN_RATE_LIMITED', message: 'The origin is rate-limiting requests; retry later.' };
const INVALID_REQUEST: Shown = { code: 'BAD_USER_INPUT', message: 'The origin refused the request as invalid.' };

/** Each status the caller caused, with the message shown when the origin's own may not be (see `isPublicOriginMessage`). */
const CALLER_ERRORS: Record<CallerStatus, Shown> = {
  400: INVALID_REQUEST,
  401: { code: 'UNAUTHENTICATED', message: 'The origin did not accept the credentials.' },
  403: { code: 'FORBIDDEN', message: 'The origin does not allow this.' },
  404: { code: 'NOT_FOUND', message: 'The origin has no such resource.' },
  409: { code: 'CONFLICT', message: "The request conflicts with the origin's current state." },
  413: INVALID_REQUEST,
  422: INVALID_REQUEST,
};

/** Every failure but an answered status, which `shown` reads further. */
const BY_KIND: Record<Exclude<UpstreamFailure, 'status'>, Shown> = {
  timeout: UNAVAILABLE,
  network: UNAVAILABLE,
  'not-json': UNAVAILABLE,
  'unexpected-shape': UNAVAILABLE,
  'shield-open': UNAVAILABLE,
  'too-deep': { code: 'ORIGIN_INVALID_VALUE', message: "The origin's answer cannot be mapped." },
  'too-large': { code: 'ORIGIN_BODY_TOO_LARGE', message: "The origin's answer is too large." },
  'redirect-refused': { code: 'ORIGIN_REDIRECT_REFUSED', message: 'The origin answered with a redirect that the gateway does not follow.' },
  'shield-busy': { code: 'ORIGIN_BUSY', message: 'The origin is busy; retry shortly.' },
  'shield-paused': RATE_LIMITED,
};

/**
 * The GraphQL error the client gets for a failed origin call: the one place
 * a transport error becomes one, at the resolver boundary. `extensions.code`
 * says what happened, `extensions.retryAfter` when to come back; the
 * request line, status, reason phrase and body stay on the `UpstreamError`
 * (its `cause`, for logs), but the origin's own message of a status the
 * caller caused, when it names nothing of the origin's insides.
 */
export function upstreamToGraphQL(error: UpstreamError): GraphQLError {
  const { code, message } = shown(error);
  const extensions = error.retryAfter === undefined ? { code } : { code, retryAfter: error.retryAfter };
  const graphqlError = new GraphQLError(message, { extensions });
  // Not `originalError`: Yoga's masking would make "Unexpected error." of one that is not a GraphQL error.
  graphqlError.cause = error;
  return graphqlError;
}

function shown(error: UpstreamError): Shown {
  if (error.kind !== 'status') return BY_KIND[error.kind];
  if (error.status === 429) return RATE_LIMITED;
  if (!isCallerStatus(error.status)) return UNAVAILABLE;
  const known = CALLER_ERRORS[error.status];
  const own = originMessageOf(error.data);
  return own && isPublicOriginMessage(own) ? { code: known.code, message: own } : known;
}

/** The message of an error body shaped `{ "error": { "message": "..." } }`, which the origin's own 4xx answers carry. */
function originMessageOf(data: unknown): string | undefined {
  const message = (data as { error?: { message?: unknown } } | null | undefined)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}
