import { OriginError } from './errors.ts';
import { NO_FAULT, parseFault } from './faults.ts';
import { isRecord, ok, parseJson, type Reply } from './http.ts';
import { routesByPath, type Route } from './router.ts';
import type { OriginState } from './state.ts';
import type { OriginStore } from './store.ts';

export interface AdminContext<Store = OriginStore> {
  state: OriginState<Store>;
  body: string;
}

/** Control endpoints for tests and benchmarks: never delayed, counted or faulted. */
export const ADMIN_ROUTES: readonly Route<AdminContext>[] = routesByPath({
  '/__origin/stats': { GET: ({ state }) => ok(state.stats.snapshot()) },
  '/__origin/reset': { POST: reset },
  '/__origin/faults': { POST: setFault },
});

const DONE = { ok: true };

/** Body optional; `{ "reseed": true }` also restores inventory and orders. */
function reset({ state, body }: AdminContext): Reply {
  const input = body === '' ? {} : parseJson(body);
  if (!isRecord(input) || (input.reseed !== undefined && typeof input.reseed !== 'boolean')) {
    throw new OriginError('BAD_REQUEST', 'body must be empty or { "reseed"?: boolean }');
  }
  state.stats.reset();
  state.gate.reset();
  state.fault = NO_FAULT;
  if (input.reseed === true) state.store.reseed();
  return ok(DONE);
}

function setFault({ state, body }: AdminContext): Reply {
  state.fault = parseFault(body);
  return ok(DONE);
}
