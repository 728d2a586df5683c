import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_ROUTES } from './admin-routes.ts';
import { API_ROUTES } from './api-routes.ts';
import { OriginError } from './errors.ts';
import { truncateJson } from './faults.ts';
import { errorReply, parseQuery, readBody, sendJsonText, sendReply, type Reply, type RequestTarget } from './http.ts';
import { matchRoute } from './router.ts';
import { responseDelayMs, type OriginState } from './state.ts';

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** An `/api` request: counted, gated by capacity, faulted, delayed, then handled. */
export async function serveApi(
  state: OriginState,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const { stats, gate } = state;
  const route = matchRoute(API_ROUTES, req.method ?? '', target.path);
  stats.received(route.key);

  const admission = gate.admit(stats.inFlightNow, Date.now());
  if (admission !== 'admitted') {
    stats.rejectedForCapacity();
    const message = admission === 'crashed' ? 'origin crashed under load and is recovering' : 'origin is over capacity';
    sendReply(res, errorReply(new OriginError('OVERLOADED', message)));
    return;
  }

  stats.started();
  const gone = new AbortController();
  res.once('close', () => {
    stats.finished();
    gone.abort();
  });

  const { fault } = state;
  if (fault.mode === 'down') {
    req.socket.destroy();
    return;
  }
  if (fault.mode === 'hang') return;

  let reply: Reply;
  try {
    const body = await readBody(req);
    await pause(responseDelayMs(state), gone.signal);
    if (fault.mode === 'error') throw new OriginError('INTERNAL', 'simulated origin failure');
    const query = parseQuery(target.query);
    reply = route.run({ store: state.store, query, authorization: req.headers.authorization, body });
  } catch (error) {
    reply = errorReply(error);
  }
  if (gone.signal.aborted) return;
  if (fault.mode === 'malformed') sendJsonText(res, 200, truncateJson(JSON.stringify(reply.body)));
  else if (fault.mode === 'reset') resetMidBody(res, JSON.stringify(reply.body));
  else sendReply(res, reply);
}

/** `/__origin/*` and anything outside `/api`: answered at once, never counted or faulted. */
export async function serveAdmin(
  state: OriginState,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const route = matchRoute(ADMIN_ROUTES, req.method ?? '', target.path);
  let reply: Reply;
  try {
    reply = route.run({ state, body: await readBody(req) });
  } catch (error) {
    reply = errorReply(error);
  }
  if (!res.destroyed) sendReply(res, reply);
}

/** Promises the whole body in its headers, sends half, then drops the connection. */
function resetMidBody(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.write(truncateJson(text), () => res.socket?.destroy());
}

/** Waits `ms`, or less if the client goes away first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
