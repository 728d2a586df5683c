/** A request's cache key: its document analyzed once per isolate, hashed with its variables, the caller's scope and the forwarded headers' values. */
import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { getOperationAST, parse, stripIgnoredCharacters } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GraphQLParams } from './graphql-request.ts';
import type { CachePolicy } from '../cache-hints/policy.ts';

export interface DocumentAnalysis {
  /** The document without insignificant characters: equal for equal documents. */
  normalized: string;
  /** `null`: not cacheable (a mutation, an unknown operation, a zero maxAge). */
  policy: CachePolicy | null;
  /** The operation's name from the document, for logs when the request does not name it. */
  operationName: string | null;
}

export interface CacheKeyOptions {
  readPolicy: (document: ReturnType<typeof parse>, operationName?: string | null) => CachePolicy | null;
  /** Part of every key, so that a deploy with another schema starts afresh. */
  schemaVersion: string;
  /** Documents remembered per isolate. Default 1000. */
  maxDocuments?: number;
  /** A document with more tokens is not parsed here (Yoga then refuses it). */
  maxTokens: number;
}

export interface CacheKeys {
  /** Parses a document once per isolate; afterwards a lookup (the `maxDocuments` most recently used are kept). `undefined` for a document that does not parse. */
  analyze(params: GraphQLParams): DocumentAnalysis | undefined;
  /** The key: normalized document, operation name, variables, scope, the forwarded headers' values and schema version, hashed. */
  key(analysis: DocumentAnalysis, params: GraphQLParams, scope: string | null, variant: string): Promise<string>;
}

export function createCacheKeys({ readPolicy, schemaVersion, maxDocuments = 1000, maxTokens }: CacheKeyOptions): CacheKeys {
  // Boxed: a document that does not parse is remembered too.
  const analyses = new LRUCache<string, { analysis: DocumentAnalysis | undefined }>({ max: maxDocuments });

  function analyzeOnce({ query, operationName }: GraphQLParams): DocumentAnalysis | undefined {
    try {
      const document = parse(query, { noLocation: true, maxTokens });
      return {
        normalized: stripIgnoredCharacters(query),
        policy: readPolicy(document, operationName),
        operationName: getOperationAST(document, operationName)?.name?.value ?? null,
      };
    } catch {
      return undefined;
    }
  }

  return {
    analyze(params) {
      const memo = `${params.operationName ?? ''}\n${params.query}`;
      const known = analyses.get(memo);
      if (known) return known.analysis;
      const analysis = analyzeOnce(params);
      analyses.set(memo, { analysis });
      return analysis;
    },
    async key(analysis, params, scope, variant) {
      return defaultBuildResponseCacheKey({
        documentString: analysis.normalized,
        operationName: params.operationName,
        variableValues: params.variables ?? {},
        sessionId: `${schemaVersion}|${scope ?? 'public'}|${variant}`,
      });
    },
  };
}
