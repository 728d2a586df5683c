/**
 * Benchmark peer: the graphql-yoga server of yoga-node (yoga-peer.ts) as a
 * Worker, on workerd through the gateway's own path:
 *
 *   npm run serve -- --config bench/peers/yoga-workers.wrangler.toml --origin-url http://127.0.0.1:4010
 *
 * The schema is the gateway's (src/schema/index.ts: the SDL imported as text,
 * the same resolvers).
 */
import schemaFolder from 'gateway:schema';
import { createPeer } from './peer-context.ts';
import { createYogaPeer } from './yoga-peer.ts';

interface PeerEnv {
  ORIGIN_URL: string;
}

// One per isolate: its response cache and APQ store live in it.
let yoga: ReturnType<typeof createYogaPeer> | undefined;

export default {
  fetch(request, env) {
    yoga ??= createYogaPeer(createPeer(schemaFolder, env.ORIGIN_URL));
    return yoga.fetch(request);
  },
} satisfies ExportedHandler<PeerEnv>;
