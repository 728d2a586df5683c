/**
 * Whether an origin's answer may be shared with other callers, as its own
 * headers say (RFC 9111 §5.2.2): `no-store`, or a `Set-Cookie` (the answer
 * starts or changes a session), keeps it out of every cache; `private` keeps
 * it out of every shared one, so only a response cached per identity may hold it.
 */
export type OriginSharing = 'shared' | 'private' | 'no-store';

export function sharingOf(headers: Headers): OriginSharing {
  if (headers.has('set-cookie')) return 'no-store';
  const directives = (headers.get('cache-control') ?? '').toLowerCase().split(',').map((directive) => directive.trim().split('=')[0]);
  if (directives.includes('no-store')) return 'no-store';
  if (directives.includes('private')) return 'private';
  return 'shared';
}
