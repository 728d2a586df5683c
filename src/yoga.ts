import { createSchema, createYoga } from 'graphql-yoga';
import type { GatewayConfig } from './config.ts';
import { createContext, type GatewayContext } from './context.ts';
import { resolvers, typeDefs } from './schema/index.ts';

export const GRAPHQL_PATH = '/graphql';

export interface ServerContext {
  env: Env;
  ctx: ExecutionContext;
}

const schema = createSchema<ServerContext & GatewayContext>({ typeDefs, resolvers });

/** The GraphQL server with every plugin, in order, in one place. */
export function createGateway(config: GatewayConfig) {
  return createYoga<ServerContext, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: ({ request }) => createContext(request, config),
    // GraphiQL is a static asset that the Worker entry serves (see index.ts).
    graphiql: false,
    landingPage: false,
    // Only GraphQL errors raised on purpose (with `extensions.code`) reach the
    // client; anything else is "Unexpected error." with no stack, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
  });
}

export type Gateway = ReturnType<typeof createGateway>;
