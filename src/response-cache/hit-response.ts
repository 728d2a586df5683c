import { cacheControlHeader } from '../cache-hints/cache-control-header.ts';
import type { CacheStatus } from '../shared/cache-stats.ts';
import { ageOf, type CacheEntry } from '../single-flight/entry.ts';

/** What every answer from one entry shares, worked out once per entry and isolate: its bytes and its validators. */
interface EntryTemplate {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  cacheControl: string;
  /** The forwarded client headers the answer varies on, for any cache in front. */
  vary: string | undefined;
}

const encoder = new TextEncoder();
const templates = new WeakMap<CacheEntry, EntryTemplate>();

function templateOf(entry: CacheEntry): EntryTemplate {
  let template = templates.get(entry);
  if (!template) {
    template = { body: encoder.encode(entry.body), etag: entry.etag, cacheControl: cacheControlHeader(entry.policy), vary: entry.policy.vary?.join(', ') };
    templates.set(entry, template);
  }
  return template;
}

/**
 * A stored entry as a response, built at once with `headers` (the caller's,
 * which this adds the entry's to): the stored bytes are encoded once per entry,
 * and nothing is set on the response afterwards. `If-None-Match` on its ETag
 * answers 304 (RFC 9110 §13.1.2).
 */
export function hitResponse(entry: CacheEntry, cache: CacheStatus, request: Request, headers: Record<string, string>): Response {
  const { body, etag, cacheControl, vary } = templateOf(entry);
  headers.etag = etag;
  // A CDN or browser in front must not hand this answer to a caller whose forwarded headers differ (RFC 9110 §12.5.5).
  if (vary) headers.vary = headers.vary ? `${headers.vary}, ${vary}` : vary;
  headers.age = String(ageOf(entry, Date.now()));
  headers['cache-control'] = cacheControl;
  headers['x-cache'] = cache;
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers['content-type'] = negotiate(request.headers.get('accept'));
  return new Response(body, { status: 200, headers });
}

/** `If-None-Match` is a list of entity tags, or `*`, compared weakly (RFC 9110 §13.1.2). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

const MODERN = 'application/graphql-response+json; charset=utf-8';
const LEGACY = 'application/json; charset=utf-8';

/** The same bytes serve both media types of GraphQL over HTTP; the label follows the client's Accept, as Yoga's does. */
function negotiate(accept: string | null): string {
  if (!accept) return LEGACY;
  const modern = accept.indexOf('application/graphql-response+json');
  const legacy = accept.indexOf('application/json');
  return modern !== -1 && (legacy === -1 || modern < legacy) ? MODERN : LEGACY;
}
