/**
 * Benchmark peer: Apollo Server 5 (standalone, node:http) with
 * @apollo/server-plugin-response-cache, in memory (the server's default
 * bounded InMemoryLRUCache), over the same origin, SDL and resolvers as the
 * gateway.
 *
 *   node bench/peers/apollo-node.ts --port 0 --origin http://127.0.0.1:4010
 *
 * TTLs from the SDL's `@cacheControl` hints: Apollo's built-in cache-control
 * plugin reads the directive by name from the schema (`maxAge`, `scope`,
 * `inheritMaxAge`; `staleWhileRevalidate` and `staleIfError` are ignored),
 * with its default `defaultMaxAge: 0`: a root field, or a field of object type,
 * with no hint of its own or of its type makes the response uncacheable. The
 * response's policy is the minimum maxAge over every resolved field and PRIVATE
 * if any is; the response cache stores it for that maxAge when it is > 0 and
 * the response has no errors. So `product { inventory }` is cached 5 s,
 * `product`/`products` without inventory 300 s, `viewer`/`order` 30 s.
 *
 * `sessionId` is the Authorization header: PRIVATE responses are cached per
 * session (and not at all without the header); PUBLIC responses are shared by
 * every authenticated request (one bucket) and, separately, by every
 * anonymous one.
 *
 * Automatic persisted queries are Apollo's built-in ones, on by default, in the
 * same in-memory cache; its CSRF prevention, also on by default, lets a GET
 * through when it carries `x-apollo-operation-name` or `apollo-require-preflight`.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { createPeer, type GatewayContext } from './peer-context.ts';
import { announceReady, HOST, parsePeerArgs, readShopSchema } from './shared.ts';

const { port, origin } = parsePeerArgs('apollo-node');
const peer = createPeer(readShopSchema(), origin);

const server = new ApolloServer<GatewayContext>({
  typeDefs: peer.typeDefs,
  resolvers: peer.resolvers,
  plugins: [
    responseCachePlugin({
      sessionId: async ({ request }) => request.http?.headers.get('authorization') ?? null,
    }),
  ],
  // We close on SIGTERM/SIGINT ourselves (shared.ts), to exit 0 after stop().
  stopOnTerminationSignals: false,
  // Everything else (error masking, landing page, CSRF prevention) as Apollo's defaults.
});

const { url } = await startStandaloneServer(server, {
  listen: { port, host: HOST },
  context: async ({ req }) => peer.contextFor(req.headers.authorization),
});

// startStandaloneServer registers the drain plugin: stop() closes the HTTP server too.
announceReady('apollo-node', Number(new URL(url).port), () => server.stop());
