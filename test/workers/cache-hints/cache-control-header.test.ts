import { describe, expect, it } from 'vitest';
import { cacheControlHeader } from '../../../src/cache-hints/cache-control-header.ts';

describe('cacheControlHeader', () => {
  it('states a public policy with both stale windows', () => {
    expect(cacheControlHeader({ maxAge: 5, staleWhileRevalidate: 60, staleIfError: 86400, scope: 'PUBLIC' })).toBe(
      'public, max-age=5, stale-while-revalidate=60, stale-if-error=86400',
    );
  });

  it('states a private policy', () => {
    expect(cacheControlHeader({ maxAge: 30, staleWhileRevalidate: 0, staleIfError: 0, scope: 'PRIVATE' })).toBe(
      'private, max-age=30',
    );
  });

  it('omits each stale window that is zero', () => {
    expect(cacheControlHeader({ maxAge: 300, staleWhileRevalidate: 0, staleIfError: 86400, scope: 'PUBLIC' })).toBe(
      'public, max-age=300, stale-if-error=86400',
    );
    expect(cacheControlHeader({ maxAge: 300, staleWhileRevalidate: 15, staleIfError: 0, scope: 'PUBLIC' })).toBe(
      'public, max-age=300, stale-while-revalidate=15',
    );
  });

  it('forbids storing a response without a policy', () => {
    expect(cacheControlHeader(null)).toBe('no-store');
  });
});
