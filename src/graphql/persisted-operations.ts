import schemaFolder from 'gateway:schema';
import { sha256Hex } from '../shared/digest.ts';

export type Resolution = { query: string } | { code: PersistedErrorCode; message: string; status: number };

export type PersistedErrorCode = 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_HASH_MISMATCH' | 'PERSISTED_QUERY_ONLY';

export interface PersistedOperationsOptions {
  /** Only the manifest's operations run (trusted documents); nothing else is registered or accepted. */
  persistedOnly: boolean;
  /** Automatic persisted queries remembered per isolate. Default 1000. */
  maxRegistered?: number;
}

export interface PersistedRequest {
  query: string | undefined;
  /** From `extensions.persistedQuery.sha256Hash` (APQ) or `documentId` (`sha256:<hash>`). */
  hash: string | undefined;
}

/** The served folder's own manifest, never another folder's: with none, PERSISTED_ONLY runs nothing (scripts/preflight.ts says so). */
const trusted = new Map(Object.entries(schemaFolder.persistedDocuments ?? {}).map(([id, query]) => [id.replace(/^sha256:/, ''), query]));

/**
 * Automatic persisted queries (Apollo's protocol: a GET with only a SHA-256
 * hash is short and cacheable; an unknown hash is answered
 * PERSISTED_QUERY_NOT_FOUND and the client sends the query once with it) and
 * trusted documents: the manifest codegen writes from the schema folder's
 * operations (the shop's `client/operations`), bundled with the folder.
 * Registered queries are remembered per isolate, not globally: an isolate that
 * has not seen a hash costs the client one more round trip, which the protocol
 * already handles, and no storage call is added to any request.
 */
export function createPersistedOperations({ persistedOnly, maxRegistered = 1000 }: PersistedOperationsOptions) {
  const registered = new Map<string, string>();

  return async function resolve({ query, hash }: PersistedRequest): Promise<Resolution> {
    if (hash === undefined) {
      if (!persistedOnly || query === undefined) return { query: query ?? '' };
      return { code: 'PERSISTED_QUERY_ONLY', message: 'Only persisted operations are accepted: send a documentId from the manifest.', status: 400 };
    }
    const known = trusted.get(hash) ?? (persistedOnly ? undefined : registered.get(hash));
    if (known !== undefined) return { query: known };
    if (query === undefined || persistedOnly) {
      return { code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound', status: persistedOnly ? 400 : 200 };
    }
    if ((await sha256Hex(query)) !== hash) {
      return { code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'The query does not match its sha256Hash.', status: 400 };
    }
    if (registered.size >= maxRegistered) registered.delete(registered.keys().next().value as string);
    registered.set(hash, query);
    return { query };
  };
}
