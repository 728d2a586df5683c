/** What the response cache is handed: a GraphQL request the http stage read and admitted, not yet parsed. */
import type { Refusal } from '../shared/refusal.ts';

/** The GraphQL-over-HTTP request parameters, read without parsing the document. */
export interface GraphQLParams {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

/** What the request asked for, before persisted operations are resolved. */
export interface RawParams {
  query: string | undefined;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** A persisted operation's SHA-256, from `extensions.persistedQuery.sha256Hash` or `documentId`. */
  hash: string | undefined;
}

export type Parsed = { raw: RawParams } | { refused: Refusal };

export interface GraphQLRequest {
  /** Its raw text (query string or body): a text seen before is not parsed again. */
  source: string;
  /** The client's headers: its identity and forwarded headers pick the key. */
  headers: Headers;
  parse(): Parsed;
  /** A request Yoga can run: the resolved query in place of a persisted operation's hash. */
  replay(params: GraphQLParams): Request;
}
