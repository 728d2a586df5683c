/**
 * The graphql-yoga server both Yoga peers run (yoga-node on Node, yoga-workers
 * on workerd): @graphql-yoga/plugin-response-cache in memory (the plugin's
 * default LRU of 1000 entries) and @graphql-yoga/plugin-apq (automatic
 * persisted queries, the plugin's default in-memory store).
 *
 * TTLs from the SDL's `@cacheControl` hints: the plugin (@envelop/response-cache)
 * reads the directive itself when the schema defines one named `cacheControl`:
 * `maxAge` on a type becomes the TTL of that type name, `maxAge` on a field the
 * TTL of that schema coordinate (`Query.products`), `scope: PRIVATE` marks the
 * type or field private. A response is cached for the minimum TTL over the
 * hinted types that appear in it (found through the `__typename` the plugin
 * adds to every selection set, and for null or empty fields through the field's
 * declared type) and over the hinted fields its document selects.
 * `inheritMaxAge`, `staleWhileRevalidate` and `staleIfError` are ignored: a type
 * with only `inheritMaxAge` (Money, OrderItem, ProductConnection, PageInfo)
 * simply does not lower the minimum, which is what inheriting amounts to here.
 *
 * `ttl` is the plugin's fallback for a response in which no hinted type or
 * field appears; its default is Infinity (cache forever). We set it to 0, so
 * that only what the hints cover is cached, as with Apollo's `defaultMaxAge: 0`
 * and the gateway's `CACHE_DEFAULT_MAX_AGE=0`. With our SDL every root field
 * returns a hinted type, so in practice: `product { inventory }` 5 s
 * (min(Product 300, Inventory 5)), `products`/`product` without inventory
 * 300 s, `viewer`/`order` 30 s per session.
 *
 * `session` is the Authorization header: the plugin puts it in every cache key,
 * so each token has its own entries, public ones included (unlike Apollo,
 * which shares PUBLIC answers between sessions), and a response holding a
 * PRIVATE type is not cached at all for a request without the header.
 */
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createYoga } from 'graphql-yoga';
import type { GatewayContext, Peer } from './peer-context.ts';

export function createYogaPeer(peer: Peer) {
  return createYoga<object, GatewayContext>({
    schema: peer.schema,
    context: ({ request }) => peer.contextFor(request.headers.get('authorization')),
    plugins: [
      // Before the response cache, which keys on the query: a hash-only request has one only once APQ has looked it up.
      useAPQ(),
      useResponseCache({
        session: (request) => request.headers.get('authorization'),
        ttl: 0,
      }),
    ],
    // Everything else (the endpoint /graphql, error masking, GraphiQL on GET, batching off) as Yoga's defaults.
  });
}
