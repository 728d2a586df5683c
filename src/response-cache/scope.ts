import { sha256Hex, toHex } from '../shared/digest.ts';

/**
 * Private entries are keyed by a hash of the caller's identity headers (`IDENTITY_HEADERS`),
 * keyed with a secret where one is set, so that stored keys never reveal a
 * token and one identity's entries can never be found under another's.
 */
export function createScopeHasher(secret: string | undefined): (identity: string) => Promise<string> {
  if (!secret) return sha256Hex;
  const encoder = new TextEncoder();
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async function scopeOf(identity) {
    return toHex(await crypto.subtle.sign('HMAC', await key, encoder.encode(identity)));
  };
}
