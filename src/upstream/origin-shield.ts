import type { CallOutcome, Grant, ShieldOptions, OriginShieldObject } from './origin-shield-object.ts';
import { isCallerStatus, UpstreamError, type UpstreamCall } from './upstream-error.ts';

/** Runs each origin call under a permit of the global shield. */
export type OriginShield = <T>(request: UpstreamCall, call: () => Promise<T>) => Promise<T>;

export interface OriginShieldSettings extends ShieldOptions {
  namespace: DurableObjectNamespace<OriginShieldObject>;
  /** One shield per origin. */
  name: string;
}

/**
 * Waits for a permit (up to the queue timeout), runs the call, and reports
 * how it went to the breaker. When the shield itself cannot answer, the call
 * is refused as busy rather than sent unguarded: the origin is what it protects.
 */
export function createOriginShield({ namespace, name, ...options }: OriginShieldSettings): OriginShield {
  const stub = () => namespace.getByName(name);
  return async function guarded(request, call) {
    let grant;
    try {
      grant = await stub().acquire(options);
    } catch {
      throw refusal(request, { status: 'busy' });
    }
    if (grant.status !== 'granted') throw refusal(request, grant);
    let outcome: CallOutcome = 'failed';
    let holdOffMs = 0;
    try {
      const result = await call();
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === 'status') {
        // A 4xx is the caller's problem, a 429 the load's: the origin answered, so it is up.
        if (error.status === 429 || isCallerStatus(error.status)) outcome = 'ok';
        // The origin asked for a pause: nobody, from any isolate, asks it again before then.
        if (error.status === 429) holdOffMs = (error.retryAfter ?? 0) * 1000;
      }
      throw error;
    } finally {
      await stub()
        .release(grant.permit, outcome, options, holdOffMs)
        .catch(() => {});
    }
  };
}

/** The shield's no, with when to come back: no slot in time (or no shield to ask, a second then), the breaker open, or the origin's pause. */
function refusal(request: UpstreamCall, grant: Exclude<Grant, { status: 'granted' }>): UpstreamError {
  if (grant.status === 'busy') return new UpstreamError('shield-busy', request, 'no origin slot within the queue timeout', { retryAfter: 1 });
  const retryAfter = Math.ceil(grant.retryAfterMs / 1000);
  if (grant.status === 'paused') return new UpstreamError('shield-paused', request, 'the origin asked for a pause', { retryAfter });
  return new UpstreamError('shield-open', request, 'the circuit breaker is open: the origin is skipped', { retryAfter });
}
