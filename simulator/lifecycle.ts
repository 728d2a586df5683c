import { createServer, type Server } from 'node:http';
import { rejectMalformedRequest } from './http.ts';
import { requestListener } from './pipeline.ts';
import type { Simulator } from './simulator.ts';
import type { OriginState } from './state.ts';

export interface RunningOrigin {
  /** Base URL, e.g. `http://127.0.0.1:4010`, with the real port when 0 was asked. */
  url: string;
  port: number;
  /** Stops listening and ends every connection, hung and idle ones included. Safe to call twice. */
  close(): Promise<void>;
}

/** Serves `sim` over `state` on the configured port and host. */
export async function startSimulator<Store>(sim: Simulator<Store>, state: OriginState<Store>): Promise<RunningOrigin> {
  const server = createServer(requestListener(sim, state));
  server.on('clientError', (_error, socket) => rejectMalformedRequest(socket, sim));
  return serve(server, state.config.port, state.config.host, sim.name);
}

/** Any simulator's server (the examples' too) listening: its URL and port, and a close that ends every connection. */
export async function serve(server: Server, port: number, host: string, name: string): Promise<RunningOrigin> {
  await listen(server, port, host);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${name} is not listening on a TCP port`);
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close: () => (closing ??= stop(server)),
  };
}

/** Listens on the port (0: any free one), rejecting when it cannot. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening and ends every connection, idle ones included. */
export function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
