import type { CachePolicy } from './policy.ts';

/** The `Cache-Control` header that states a policy (RFC 9111, RFC 5861): e.g. `public, max-age=5, stale-while-revalidate=60, stale-if-error=86400`; omit zero stale directives; `private, max-age=30` for PRIVATE. `no-store` for null. */
export function cacheControlHeader(policy: CachePolicy | null): string {
  if (!policy) return 'no-store';
  const directives = [policy.scope === 'PRIVATE' ? 'private' : 'public', `max-age=${policy.maxAge}`];
  if (policy.staleWhileRevalidate > 0) directives.push(`stale-while-revalidate=${policy.staleWhileRevalidate}`);
  if (policy.staleIfError > 0) directives.push(`stale-if-error=${policy.staleIfError}`);
  return directives.join(', ');
}
