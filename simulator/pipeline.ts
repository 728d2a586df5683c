import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { OriginError } from './errors.ts';
import { truncateJson } from './faults.ts';
import { errorReply, parseQuery, readBody, sendJsonText, sendReply, splitTarget, type Reply, type RequestTarget } from './http.ts';
import { matchRoute } from './router.ts';
import type { Simulator } from './simulator.ts';
import { responseDelayMs, type OriginState } from './state.ts';

/** Answers every request to one running simulator. */
export function requestListener<Store>(sim: Simulator<Store>, state: OriginState<Store>): RequestListener {
  return (req, res) => {
    const target = splitTarget(req.url ?? '/');
    const serve = sim.isApiPath(target.path) ? serveApi : serveAdmin;
    serve(sim, state, req, res, target).catch((error: unknown) => {
      console.error(`${sim.name}: failed to answer a request`, error);
      res.destroy();
    });
  };
}

/** An API request: counted, gated by capacity, faulted, delayed, then handled. */
async function serveApi<Store>(
  sim: Simulator<Store>,
  state: OriginState<Store>,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const { stats, gate } = state;
  const route = matchRoute(sim.apiRoutes, req.method ?? '', target.path, sim.strictUrls);
  stats.received(route.key);

  const admission = gate.admit(stats.inFlightNow, Date.now());
  if (admission !== 'admitted') {
    stats.rejectedForCapacity();
    const message = admission === 'crashed' ? 'origin crashed under load and is recovering' : 'origin is over capacity';
    sendReply(res, errorReply(new OriginError('OVERLOADED', message), sim));
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
    const query = sim.strictUrls ? parseQuery(target.query) : new URLSearchParams(target.query);
    reply = route.run({ store: state.store, query, authorization: req.headers.authorization, body });
  } catch (error) {
    reply = errorReply(error, sim);
  }
  if (gone.signal.aborted) return;
  if (fault.mode === 'malformed') sendJsonText(res, 200, truncateJson(JSON.stringify(reply.body)));
  else if (fault.mode === 'reset') resetMidBody(res, JSON.stringify(reply.body));
  else sendReply(res, reply);
}

/** Admin endpoints and any other path outside the API: answered at once, never counted or faulted. */
async function serveAdmin<Store>(
  sim: Simulator<Store>,
  state: OriginState<Store>,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const route = matchRoute(sim.adminRoutes, req.method ?? '', target.path);
  let reply: Reply;
  try {
    reply = route.run({ state, body: await readBody(req) });
  } catch (error) {
    reply = errorReply(error, sim);
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
