/** Cache hints for reads: `@cacheControl(maxAge:)` from `--max-age`, and a note where the API documents its own caching headers. */
import type { Json } from './json-pointer.ts';

const CACHE_HEADERS = ['cache-control', 'etag', 'last-modified', 'expires'];

export function cacheControl(maxAge: number): string {
  return `@cacheControl(maxAge: ${maxAge})`;
}

/** A comment naming the caching headers the operation's responses declare (the gateway's own policy is the directive's). */
export function cacheHeadersNote(op: Json): string | undefined {
  const declared = new Set<string>();
  for (const response of Object.values((op.responses as Json | undefined) ?? {})) {
    for (const name of Object.keys(((response as Json).headers as Json | undefined) ?? {})) if (CACHE_HEADERS.includes(name.toLowerCase())) declared.add(name);
  }
  return declared.size ? `the API answers with ${[...declared].join(', ')}: the gateway caches by @cacheControl below, which you may set from them` : undefined;
}
