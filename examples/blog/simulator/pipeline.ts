import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_ROUTES } from './api-routes.ts';
import { errorReply, ok, readBody, sendReply, type Reply } from './http.ts';
import { matchRoute, type Route } from './router.ts';
import type { BlogCounters } from './stats.ts';
import type { BlogStore } from './store.ts';

/** Everything one running simulator owns. */
export interface BlogState {
  store: BlogStore;
  counters: BlogCounters;
  latencyMs: number;
}

const ADMIN_PREFIX = '/__blog/';

const ADMIN_ROUTES: readonly Route<BlogState>[] = [
  { method: 'GET', pattern: '/__blog/stats', handle: ({ counters }) => ok(counters.snapshot()) },
  {
    method: 'POST',
    pattern: '/__blog/reset',
    handle: ({ store, counters }) => {
      store.reseed();
      counters.reset();
      return ok({ ok: true });
    },
  },
];

/** One request: `/__blog/*` at once and uncounted; anything else counted, delayed by the latency, then routed. */
export async function serve(state: BlogState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
  const method = req.method ?? '';

  if (path.startsWith(ADMIN_PREFIX)) {
    let reply: Reply;
    try {
      await readBody(req);
      reply = matchRoute(ADMIN_ROUTES, method, path).run(state);
    } catch (error) {
      reply = errorReply(error);
    }
    if (!res.destroyed) sendReply(res, reply);
    return;
  }

  const route = matchRoute(API_ROUTES, method, path);
  state.counters.received(route.key);
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  let reply: Reply;
  try {
    const body = await readBody(req);
    await pause(state.latencyMs, gone.signal);
    reply = route.run({ store: state.store, query, authorization: req.headers.authorization, body });
  } catch (error) {
    reply = errorReply(error);
  }
  if (!gone.signal.aborted && !res.destroyed) sendReply(res, reply);
}

/** Waits `ms`, or less if the client goes away first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
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

