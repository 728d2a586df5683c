/**
 * Benchmark peer: graphql-yoga on Node (yoga-peer.ts: its response cache and
 * APQ plugins, in memory), over the same origin, SDL and resolvers as the
 * gateway.
 *
 *   node bench/peers/yoga-node.ts --port 0 --origin http://127.0.0.1:4010
 */
import { createServer } from 'node:http';
import { createPeer } from './peer-context.ts';
import { announceReady, HOST, parsePeerArgs, portOf, readShopSchema } from './shared.ts';
import { createYogaPeer } from './yoga-peer.ts';

const { port, origin } = parsePeerArgs('yoga-node');

const yoga = createYogaPeer(createPeer(readShopSchema(), origin));

const server = createServer(yoga);
server.listen(port, HOST, () => {
  announceReady('yoga-node', portOf(server), async () => {
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    await yoga.dispose();
  });
});
