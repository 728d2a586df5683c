import { describe, expect, it } from 'vitest';
import { mergeHints } from '../../../src/cache-hints/cache-hint.ts';

/** Apollo's rule for a field's hint over its return type's: each argument the field sets replaces the type's. */
describe('mergeHints', () => {
  it('has no hint when neither the type nor the field has one', () => {
    expect(mergeHints(undefined, undefined)).toBeUndefined();
  });

  it('takes the type\'s hint for a field without one, and the field\'s for a type without one', () => {
    expect(mergeHints({ maxAge: 120, staleWhileRevalidate: 30, staleIfError: 600, scope: 'PRIVATE' }, undefined)).toEqual({ maxAge: 120, staleWhileRevalidate: 30, staleIfError: 600, scope: 'PRIVATE' });
    expect(mergeHints(undefined, { maxAge: 10, scope: 'PUBLIC' })).toEqual({ maxAge: 10, scope: 'PUBLIC' });
  });

  it('replaces the type\'s maxAge with the field\'s, shorter or longer, and the type\'s stale windows with the field\'s', () => {
    const type = { maxAge: 120, staleWhileRevalidate: 30, staleIfError: 600 };
    expect(mergeHints(type, { maxAge: 10 })).toEqual({ maxAge: 10 });
    expect(mergeHints(type, { maxAge: 900, staleIfError: 60 })).toEqual({ maxAge: 900, staleIfError: 60 });
    expect(mergeHints(type, { maxAge: 0 })).toEqual({ maxAge: 0 });
  });

  it('keeps the type\'s maxAge and its stale windows when the field sets no maxAge: a window travels with the maxAge it extends', () => {
    expect(mergeHints({ maxAge: 120, staleWhileRevalidate: 30 }, { staleWhileRevalidate: 5, staleIfError: 5 })).toEqual({ maxAge: 120, staleWhileRevalidate: 30 });
  });

  it('replaces the type\'s scope with the field\'s either way, and keeps it when the field says none', () => {
    expect(mergeHints({ scope: 'PRIVATE' }, { maxAge: 10, scope: 'PUBLIC' })).toEqual({ maxAge: 10, scope: 'PUBLIC' });
    expect(mergeHints({ maxAge: 300, scope: 'PUBLIC' }, { scope: 'PRIVATE' })).toEqual({ maxAge: 300, scope: 'PRIVATE' });
    expect(mergeHints({ maxAge: 30, scope: 'PRIVATE' }, { maxAge: 10 })).toEqual({ maxAge: 10, scope: 'PRIVATE' });
  });

  it('marks inheritMaxAge when either says it, and a field that only says inheritMaxAge still takes its type\'s maxAge', () => {
    expect(mergeHints({ maxAge: 120, staleWhileRevalidate: 30 }, { inheritMaxAge: true })).toEqual({ maxAge: 120, staleWhileRevalidate: 30, inheritMaxAge: true });
    expect(mergeHints({ inheritMaxAge: true }, undefined)).toEqual({ inheritMaxAge: true });
    expect(mergeHints({ inheritMaxAge: true }, { maxAge: 15 })).toEqual({ maxAge: 15, inheritMaxAge: true });
    expect(mergeHints(undefined, { inheritMaxAge: true, scope: 'PRIVATE' })).toEqual({ inheritMaxAge: true, scope: 'PRIVATE' });
  });
});
