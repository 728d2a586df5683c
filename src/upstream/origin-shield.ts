import { OriginError, originBusy, originRateLimited, originUnavailable } from './origin-error.ts';
import type { CallOutcome, ShieldOptions, OriginShieldObject } from './origin-shield-object.ts';

/** Runs each origin call under a permit of the global shield. */
export type OriginShield = <T>(request: string, call: () => Promise<T>) => Promise<T>;

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
      throw originBusy(request, 1000);
    }
    if (grant.status === 'busy') throw originBusy(request, 1000);
    if (grant.status === 'paused') throw originRateLimited(`${request}: the origin asked for a pause`, Math.ceil(grant.retryAfterMs / 1000));
    if (grant.status === 'open') {
      const error = originUnavailable(request, 'the circuit breaker is open: the origin is skipped');
      error.extensions.retryAfter = Math.ceil(grant.retryAfterMs / 1000);
      throw error;
    }
    let outcome: CallOutcome = 'failed';
    let holdOffMs = 0;
    try {
      const result = await call();
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof OriginError) {
        // A 4xx is the caller's problem, a 429 the load's: the origin answered, so it is up.
        if (!error.originFault) outcome = 'ok';
        // The origin asked for a pause: nobody, from any isolate, asks it again before then.
        if (error.code === 'ORIGIN_RATE_LIMITED') holdOffMs = Number(error.extensions.retryAfter) * 1000;
      }
      throw error;
    } finally {
      await stub()
        .release(grant.permit, outcome, options, holdOffMs)
        .catch(() => {});
    }
  };
}
