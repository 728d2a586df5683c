import { OriginError } from './errors.ts';
import { NO_FAULT, parseFault } from './faults.ts';
import { isRecord, ok, parseJson, type Reply } from './http.ts';
import type { Route } from './router.ts';
import type { OriginState } from './state.ts';

export interface AdminContext {
  state: OriginState;
  body: string;
}

/** Control endpoints for tests and benchmarks: never delayed, counted or faulted. */
export const ADMIN_ROUTES: readonly Route<AdminContext>[] = [
  { method: 'GET', pattern: '/__origin/stats', handle: ({ state }) => ok(state.stats.snapshot()) },
  { method: 'POST', pattern: '/__origin/reset', handle: reset },
  { method: 'POST', pattern: '/__origin/faults', handle: setFault },
];

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
