/**
 * The connectors' plan: its types, what a connector reads, and the error that
 * lists a schema folder's mistakes.
 *
 * src/connect is the connector stage. It reads a folder's directives into this
 * plan when the folder is built and again when an isolate starts
 * (read-schema.ts, with the readers beside it; the checks that only find
 * mistakes, connector-checks.ts and unfilled-fields.ts, at build time only),
 * and runs the plan per request (connectors.ts per isolate,
 * request-connectors.ts per request;
 * field-call.ts and entity-loads.ts call the origins through the field cache,
 * map-answer.ts maps their answers; resolvers.ts makes the schema's
 * resolvers). It may import src/field-cache,
 * src/upstream, src/invalidation and the leaves (src/shared,
 * src/single-flight, src/cache-hints, src/config.ts); never the stages that
 * call it (src/graphql, src/response-cache, src/http).
 */
import type { DocumentNode } from 'graphql';
import type { VariableRead } from './mapping/analyze.ts';
import { variablesRead, type Selection } from './selection.ts';
import { templateValues, type Template } from './template.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A request header: copied from the client's request (`from`), or a value, with `template` when it holds expressions (`"Bearer {$config.token}"`). */
export type HeaderRule = { name: string; from: string } | { name: string; value: string; template?: Template | undefined };

export interface SourcePlan {
  name: string;
  baseURL: string;
  headers: HeaderRule[];
  /** `http.path` and `http.queryParams`: path segments and query parameters every connector of the source adds, before its own. */
  requestParts?: RequestParts | undefined;
  /** `isSuccess`, for connectors that do not say. */
  isSuccess?: Selection | undefined;
  /** `errors: { message, extensions }`: how its connectors' failed answers become GraphQL errors. */
  errors?: ErrorSelections | undefined;
}

export interface ErrorSelections {
  message?: Selection | undefined;
  extensions?: Selection | undefined;
}

/** Apollo's `errors` and `isSuccess`: an answer that is no success is a GraphQL error with the message and extensions these map from it. */
export interface ErrorMapping {
  /** The connector's, else its source's. */
  message: Selection | undefined;
  /** The source's, then the connector's over them. */
  extensions: Selection[];
  /** Unset: a 2xx status is success. */
  isSuccess: Selection | undefined;
}

/** A selection making a list of path segments, each encoded as one (`http.path`), and one making query parameters (`http.queryParams`). */
export interface RequestParts {
  path: Selection | undefined;
  queryParams: Selection | undefined;
}

export interface HttpPlan extends RequestParts {
  method: HttpMethod;
  /** The URL template: `GET: "/users/{$args.id}"`. */
  template: Template;
  body: Selection | undefined;
  headers: HeaderRule[];
}

export interface ConnectorPlan {
  /** `Query.post`, or a type name for an entity connector. */
  name: string;
  source: SourcePlan | undefined;
  /** None: the selection maps `$args` / `$this` to the value, typically entity stubs (this gateway's extension). */
  http: HttpPlan | undefined;
  selection: Selection;
  /** Client headers (lower-case) its expressions read as `$request.headers.<name>`. */
  requestHeaders: string[];
  /** Answer headers (lower-case) its mappings read as `$response.headers.<name>`. */
  responseHeaders: string[];
  /** Set when the schema maps failed answers (`errors`, `isSuccess`): a 4xx is then handed to it rather than failing the call. */
  errors: ErrorMapping | undefined;
  /** `batch: { maxSize }`: keys per call at most, below the gateway's `CONNECT_MAX_BATCH_SIZE`. */
  maxBatchSize: number | undefined;
  /** `schema/catalog.graphql:12`, for messages. */
  where: string;
}

export interface EntityPlan extends ConnectorPlan {
  type: string;
  /** A root field marked `entity: true` (`Query.product(id:)`), which fetches the type by key: it reads the key as `$args`. */
  byField: boolean;
  /** The `@key` field the connector fetches by. */
  key: string;
  /** Uses `$batch`: one call per batch of keys; otherwise one call per key (`$this`). */
  batch: boolean;
  /** The fields the connector's result has: an object with all of them is complete, anything less is a stub to fetch. */
  provides: string[];
}

export interface GatewayPlan {
  sources: SourcePlan[];
  fields: Map<string, ConnectorPlan>;
  entities: Map<string, EntityPlan>;
  /** `@key` field by type. */
  keys: Map<string, string>;
  /** `@cacheTag(format:)` by type (with `$key`) and by root field (with `$args`). */
  typeTags: Map<string, Template[]>;
  fieldTags: Map<string, Template[]>;
  /** `@invalidates(tags:)` by mutation field. */
  invalidations: Map<string, Template[]>;
}

export interface SchemaFile {
  /** As the user knows it: `schema/catalog.graphql`. */
  name: string;
  sdl: string;
}

export interface ReadSchema {
  /** The SDL served: the files without the connector and federation directives or what `@inaccessible` hides, with `@cacheControl` declared. */
  typeDefs: DocumentNode;
  plan: GatewayPlan;
  /** What loads but cannot be meant (an unknown method, which Apollo too leaves to fail when applied), each as `[connect] file:line: warning: ...`. */
  warnings: string[];
}

/** Every mistake found, each as `[connect] file:line: message`, one per line. */
export class ConnectError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConnectError';
    this.problems = problems;
  }
}

/** The variables a connector's request and selection read. */
export function connectorReads(connector: ConnectorPlan): VariableRead[] {
  const selections = [connector.selection];
  if (connector.http) {
    selections.push(...templateValues(connector.http.template));
    const { path, queryParams, body } = connector.http;
    const { path: sourcePath, queryParams: sourceQuery } = connector.source?.requestParts ?? {};
    selections.push(...[path, queryParams, body, sourcePath, sourceQuery].filter((each): each is Selection => each !== undefined));
  }
  for (const rule of [...(connector.source?.headers ?? []), ...(connector.http?.headers ?? [])]) if ('template' in rule && rule.template) selections.push(...templateValues(rule.template));
  if (connector.errors) selections.push(...[connector.errors.message, connector.errors.isSuccess, ...connector.errors.extensions].filter((each): each is Selection => each !== undefined));
  return selections.flatMap(variablesRead);
}
