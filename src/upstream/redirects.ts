import { UpstreamError, type UpstreamCall } from './upstream-error.ts';

/** Redirects followed in one call at most; one more is refused. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** Headers that describe a body, dropped with it (Fetch's request-body-header names). */
const BODY_HEADERS: readonly string[] = ['content-encoding', 'content-language', 'content-location', 'content-type'];

/** One request of a call: the first, or one a redirect led to. */
export interface Hop {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.includes(status);
}

/**
 * The request that a redirect answering `hop` leads to, when the client may
 * follow it: only within the origin (scheme, host, port) of the call's first
 * URL, since the headers it sends (the caller's `Authorization`, a tenant)
 * and its body are that origin's alone, and at most `MAX_REDIRECTS` times.
 * As browsers do (Fetch, HTTP-redirect fetch), a 303, and a 301 or 302
 * answering a POST, becomes a GET without a body; 307 and 308 keep both.
 * Anything else is a `redirect-refused` `UpstreamError`, with the target in
 * its message for logs and nothing sent to it.
 */
export function nextHop(call: UpstreamCall, hop: Hop, response: Response, followed: number): Hop {
  const { status } = response;
  const location = response.headers.get('location');
  const target = location === null ? null : URL.parse(location, hop.url);
  const refuse = (reason: string) => new UpstreamError('redirect-refused', call, reason, { status });
  if (!target) throw refuse(`${status} with ${location === null ? 'no Location' : `the invalid Location ${JSON.stringify(location)}`}`);
  if (target.origin !== new URL(call.url).origin) throw refuse(`${status} to another origin: ${target.href}`);
  if (followed >= MAX_REDIRECTS) throw refuse(`${status}: more than ${MAX_REDIRECTS} redirects, the last to ${target.href}`);
  const { method } = hop.init;
  const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  if (!toGet) return { url: target.href, init: hop.init };
  const headers = Object.fromEntries(Object.entries(hop.init.headers).filter(([name]) => !BODY_HEADERS.includes(name.toLowerCase())));
  return { url: target.href, init: { method: 'GET', headers } };
}
