import { createServer, type Server } from 'node:http';
import { rejectMalformedRequest } from './http.ts';
import { serve, type BlogState } from './pipeline.ts';
import { BlogCounters } from './stats.ts';
import { BlogStore } from './store.ts';

export interface BlogOriginOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay before every API answer (not `/__blog/*`); default 0. */
  latencyMs?: number;
}

export interface RunningBlogOrigin {
  /** Base URL, e.g. `http://127.0.0.1:4020`, with the real port when 0 was asked. */
  url: string;
  port: number;
  /** Stops listening and ends every connection, waiting ones included. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts the blog simulator: a JSONPlaceholder-shaped REST API. Invalid options reject with a RangeError. */
export async function startBlogOrigin({ port, host = '127.0.0.1', latencyMs = 0 }: BlogOriginOptions): Promise<RunningBlogOrigin> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('port must be an integer from 0 to 65535');
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600_000) throw new RangeError('latencyMs must be an integer from 0 to 600000');
  if (host === '') throw new RangeError('host must not be empty');

  const state: BlogState = { store: new BlogStore(), counters: new BlogCounters(), latencyMs };
  const server = createServer((req, res) => {
    serve(state, req, res).catch((error: unknown) => {
      console.error('blog: failed to answer a request', error);
      res.destroy();
    });
  });
  server.on('clientError', rejectMalformedRequest);
  await listen(server, port, host);

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('blog simulator is not listening on a TCP port');
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
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
