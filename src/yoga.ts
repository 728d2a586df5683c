import { createYoga } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { EntityCache } from './cache/entity-cache.ts';
import { useEntityCapture } from './cache/use-entity-capture.ts';
import type { GatewayConfig } from './config.ts';
import { createContext, type GatewayContext } from './context.ts';
import type { RequestTrace } from './trace.ts';

export const GRAPHQL_PATH = '/graphql';

/** What the Worker entry hands Yoga with each request. */
export interface ServerContext {
  trace: RequestTrace;
  entityCache: EntityCache | undefined;
}

/** The GraphQL server with every plugin, in order, in one place. */
export function createGateway(config: GatewayConfig, schema: GraphQLSchema) {
  return createYoga<ServerContext, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: ({ request, trace, entityCache }) => createContext(request, { config, trace, entityCache }),
    plugins: [useEntityCapture()],
    // GraphiQL is a static asset that the Worker entry serves (see index.ts).
    graphiql: false,
    landingPage: false,
    // Only GraphQL errors raised on purpose (with `extensions.code`) reach the
    // client; anything else is "Unexpected error." with no stack, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
  });
}

export type Gateway = ReturnType<typeof createGateway>;
