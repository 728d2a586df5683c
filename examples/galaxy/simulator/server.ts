import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { ErrorStyle } from '../../../simulator/errors.ts';
import { errorReply, readBody, sendReply, splitTarget, type Reply } from '../../../simulator/http.ts';
import { listen, stop, type RunningOrigin } from '../../../simulator/lifecycle.ts';
import { resolveOptions } from '../../../simulator/options.ts';
import { matchRoute } from '../../../simulator/router.ts';
import { RequestStats } from '../../../simulator/stats.ts';
import { ADMIN_PREFIX, ADMIN_ROUTES } from './admin-routes.ts';
import { API_ROUTES } from './api-routes.ts';
import { API_KEY, KEY_HEADER, keyRefusal } from './auth.ts';
import type { GalaxyErrorBody } from './types.ts';

export interface GalaxyOriginOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay before every API answer (not `/__galaxy/*`); default 0. */
  latencyMs?: number;
}

export type RunningGalaxyOrigin = RunningOrigin;

/** What one running galaxy keeps between requests; its data is fixed (seed.ts). */
export interface GalaxyState {
  readonly stats: RequestStats;
  apiKey: string;
  /** API calls refused for a missing or wrong key since the last reset. */
  refused: number;
}

const GALAXY: ErrorStyle = {
  name: 'galaxy',
  errorBody: ({ message }): GalaxyErrorBody => ({ detail: message, ok: false }),
};

/**
 * Starts the galaxy simulator: a SWAPI-shaped REST API with the quirks real
 * ones have (see the README). Its own server rather than the shop's
 * pipeline: it reads the key header and the Host its links are written
 * with. Invalid options reject with a RangeError.
 */
export async function startGalaxyOrigin({ port, host, latencyMs = 0 }: GalaxyOriginOptions): Promise<RunningGalaxyOrigin> {
  const config = resolveOptions({ port, host, latencyMs });
  const state: GalaxyState = { stats: new RequestStats(), apiKey: API_KEY, refused: 0 };
  const server = createServer(listener(state, config.latencyMs));
  await listen(server, config.port, config.host);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('galaxy is not listening on a TCP port');
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  let closing: Promise<void> | undefined;
  return { url, port: address.port, close: () => (closing ??= stop(server)) };
}

function listener(state: GalaxyState, latencyMs: number): RequestListener {
  return (req, res) => {
    answer(state, req, latencyMs).then(
      (reply) => sendReply(res, reply),
      (error: unknown) => {
        console.error('galaxy: failed to answer a request', error);
        res.destroy();
      },
    );
  };
}

/** Admin paths at once; API paths counted, refused without the key, delayed, then handled. */
async function answer(state: GalaxyState, req: IncomingMessage, latencyMs: number): Promise<Reply> {
  const method = req.method ?? '';
  const { path, query } = splitTarget(req.url ?? '/');
  try {
    if (path.startsWith(ADMIN_PREFIX)) return matchRoute(ADMIN_ROUTES, method, path).run({ state, body: await readBody(req) });
    const route = matchRoute(API_ROUTES, method, path);
    state.stats.received(route.key);
    const refusal = keyRefusal(req.headers[KEY_HEADER], state.apiKey);
    if (refusal) {
      state.refused++;
      throw refusal;
    }
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return route.run({ query: new URLSearchParams(query), base: baseOf(req) });
  } catch (error) {
    return errorReply(error, GALAXY);
  }
}

/** Where the caller reached the API, for the links in its answer: its Host header (HTTP/1.1 has one), else the address it connected to. */
function baseOf(req: IncomingMessage): string {
  if (req.headers.host) return `http://${req.headers.host}`;
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  return `http://${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
}

