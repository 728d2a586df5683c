/** The key a prepared request is cached under for its caller: the private scope of its identity headers and the forwarded headers' values. */
import { LRUCache } from 'lru-cache';
import type { CacheKeys, DocumentAnalysis } from './cache-key.ts';
import type { Prepared } from './prepare.ts';

/** Identities whose scope is remembered per isolate, and callers whose key is remembered per prepared text. */
const MAX_SCOPES = 1000;
const MAX_CALLER_KEYS = 100;

/** The private scope of a caller's identity headers, hashed once per isolate and identity. */
export function createScopes(scopeOf: (identity: string) => Promise<string>): (identity: string) => string | Promise<string> {
  const scopes = new LRUCache<string, string>({ max: MAX_SCOPES });
  return (identity) =>
    scopes.get(identity) ??
    scopeOf(identity).then((scope) => {
      scopes.set(identity, scope);
      return scope;
    });
}

/** Every identity header the caller sent, with its value: empty for an anonymous caller. */
export function identityOf(identityHeaders: readonly string[], headers: Headers): string {
  let text = '';
  for (const name of identityHeaders) {
    const value = headers.get(name);
    if (value !== null) text += `${name}: ${value}\n`;
  }
  return text;
}

/** The values of the forwarded headers that the scope does not already hold. */
export function variantOf(identityHeaders: readonly string[], headers: Headers, vary: readonly string[] | undefined): string {
  let text = '';
  for (const name of vary ?? []) if (!identityHeaders.includes(name)) text += `${name}: ${headers.get(name) ?? ''}\n`;
  return text;
}

/** The key, a value once this caller's key for the text is remembered. */
export function keyFor(keys: CacheKeys, prepared: Prepared, analysis: DocumentAnalysis, scope: string | null, variant: string): string | Promise<string> {
  const { params, publicKey } = prepared;
  if (scope === null && !variant) return publicKey ?? keys.key(analysis, params, null, '');
  const caller = `${scope ?? ''}\n${variant}`;
  const callerKeys = (prepared.callerKeys ??= new LRUCache({ max: MAX_CALLER_KEYS }));
  return (
    callerKeys.get(caller) ??
    keys.key(analysis, params, scope, variant).then((key) => {
      callerKeys.set(caller, key);
      return key;
    })
  );
}
