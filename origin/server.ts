import { createServer, type Server } from 'node:http';
import { rejectMalformedRequest, splitTarget } from './http.ts';
import { resolveOptions, type OriginOptions } from './options.ts';
import { isApiPath, serveAdmin, serveApi } from './pipeline.ts';
import { createState } from './state.ts';

export type { OriginOptions } from './options.ts';

export interface RunningOrigin {
  /** Base URL, e.g. `http://127.0.0.1:4010`, with the real port when 0 was asked. */
  url: string;
  port: number;
  /** Stops listening and ends every connection, hung and idle ones included. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts the simulated legacy REST origin. Invalid options reject with a RangeError. */
export async function startOrigin(options: OriginOptions = {}): Promise<RunningOrigin> {
  const config = resolveOptions(options);
  const state = createState(config);
  const server = createServer((req, res) => {
    const target = splitTarget(req.url ?? '/');
    const serve = isApiPath(target.path) ? serveApi : serveAdmin;
    serve(state, req, res, target).catch((error: unknown) => {
      console.error('origin: failed to answer a request', error);
      res.destroy();
    });
  });
  server.on('clientError', rejectMalformedRequest);
  await listen(server, config.port, config.host);

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('origin is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => (closing ??= stop(server)),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
