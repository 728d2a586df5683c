/**
 * The graphql stage: on a response-cache miss, Yoga parses, validates and
 * executes the request with every plugin in order (this file), over a
 * per-request context (context.ts) that records what ran in the trace and
 * captures the entities the answer holds (use-entity-capture.ts); persisted
 * operations are resolved here too (persisted-operations.ts).
 *
 * It may call: the connect stage (resolvers, connectors, the GraphQL errors of
 * connector calls), the field cache and upstream only to build the context's
 * connectors, invalidation, and the leaves. Never the response cache or http.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, handleStreamOrSingleExecutionResult, maskError, type Plugin } from 'graphql-yoga';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { useEntityCapture } from './use-entity-capture.ts';
import { connectorFieldError } from '../connect/connector-field-error.ts';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../connect/resolvers.ts';
import { createContext, type ContextOptions } from './context.ts';
import { invalidValueError } from '../connect/invalid-value.ts';
import type { RequestTrace } from '../shared/trace.ts';

export const GRAPHQL_PATH = '/graphql';

/** What the Worker entry hands Yoga with each request. */
export interface ServerContext {
  trace: RequestTrace;
  ctx: ExecutionContext;
}

/** What the isolate shares between requests' contexts. */
export type SharedContext = Omit<ContextOptions, 'config' | 'trace' | 'background'>;

/** The GraphQL server with every plugin, in order, in one place. */
export function createGateway(config: GatewayConfig, schema: GraphQLSchema, shared: SharedContext, keyFields: string[]) {
  const { limits } = config;
  const production = config.environment === 'production';
  return createYoga<ServerContext, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: ({ request, trace, ctx }) => createContext(request, { ...shared, config, trace, background: (work) => ctx.waitUntil(work) }),
    plugins: [
      // graphql-armor: refused in parsing and validation, before any resolver or origin call.
      maxTokensPlugin({ n: limits.tokens }),
      maxDepthPlugin({ n: limits.depth, flattenFragments: true }),
      maxAliasesPlugin({ n: limits.aliases }),
      maxDirectivesPlugin({ n: limits.directives }),
      costLimitPlugin({ maxCost: limits.cost }),
      blockFieldSuggestionsPlugin(),
      ...(production ? [useDisableIntrospection()] : []),
      useEntityCapture(keyFields),
      useMutationsReadTheOrigin(),
      useConnectorFieldErrors(),
      useErrorCodesTraced(),
    ],
    // One operation per request: a batch would multiply every limit above.
    batching: false,
    // CORS is the Worker entry's, for hits and misses alike.
    cors: false,
    // GraphiQL is a static asset that the Worker entry serves (see index.ts).
    graphiql: false,
    landingPage: false,
    // Only GraphQL errors raised on purpose (with `extensions.code`) reach the
    // client; anything else is "Unexpected error." with no stack, whatever NODE_ENV says,
    // but an origin value that its field's type cannot hold, which is ORIGIN_INVALID_VALUE
    // (useConnectorFieldErrors has named its connector, where one made it).
    maskedErrors: { isDev: false, maskError: (error, message, isDev) => invalidValueError(error) ?? maskError(error, message, isDev) },
  });
}

export type Gateway = ReturnType<typeof createGateway>;

/** A mutation reads the origin, not the field cache, so that its answer shows its own write. */
function useMutationsReadTheOrigin(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') args.contextValue.connectors.bypassCache();
    },
  };
}

/**
 * A field error in a value a connector made names the connector: a null in a
 * non-null field, which the executor reports as an unexpected error, becomes
 * CONNECTOR_MAPPING_FAILED; a value of the wrong type, ORIGIN_INVALID_VALUE
 * with its connector (src/connect/connector-field-error.ts). Before the
 * masking, which lets these through; only when the result has errors.
 */
function useConnectorFieldErrors(): Plugin<GatewayContext> {
  return {
    onExecute: () => ({
      onExecuteDone: (done) =>
        handleStreamOrSingleExecutionResult(done, ({ args, result, setResult }) => {
          if (!result.errors?.length) return;
          const { provenance } = args.contextValue.connectors;
          let replaced = false;
          const errors = result.errors.map((error) => {
            const named = connectorFieldError(error, provenance);
            if (named) replaced = true;
            return named ?? error;
          });
          if (replaced) setResult({ ...result, errors });
        }),
    }),
  };
}

/** The codes of the errors in the result Yoga answers with (after masking, validation's included), on the request's trace for the analytics. */
function useErrorCodesTraced(): Plugin<GatewayContext, ServerContext> {
  return {
    onResultProcess({ result, serverContext }) {
      const errors = !Array.isArray(result) && 'errors' in result ? result.errors : undefined;
      if (errors?.length) serverContext.trace.errorCodes = errors.map((error) => String(error.extensions?.code ?? NO_CODE));
    },
  };
}

/** An error without `extensions.code`. */
const NO_CODE = '(none)';
