/** At most one lookup of a key's object in flight per isolate: the other requests for the key wait for it and share what it came to. */
import { FAILED_OVER, NOTHING_RAN } from '../shared/trace.ts';
import { fallbackOrBusy, fromCopy, toServed, type Decision, type Served } from './answer.ts';
import { alone, type FillOptions, type Job } from './fill.ts';
import { askObject, type Lookup } from './lookup.ts';

interface InFlight extends Lookup {
  sentAt: number;
  /** What the lookup came to, once it has: no decision if it failed. */
  settled?: { decision?: Decision };
}

type AskObjectOnce = (job: Job, operationName: string | null, ctx: ExecutionContext) => Served | Promise<Served>;

/**
 * While a key's lookup is in flight, the other requests for that key get the
 * memory copy if it lapsed just before the lookup was sent and is still
 * within its fresh or stale window, unless the lookup turned into a refill;
 * else they wait for that lookup and share what it came to.
 */
export function createCoalescer(options: FillOptions): AskObjectOnce {
  const { config, memory, stats } = options;
  const asking = new Map<string, InFlight>();

  const askObjectOnce: AskObjectOnce = (job, operationName, ctx) => {
    const inFlight = asking.get(job.key);
    // A lookup sent before a purge here may bring back what the purge removed: a request after the purge asks afresh.
    if (inFlight && !memory.droppedSince(job.key, inFlight.sentAt)) {
      const standIn = fromCopy(stats, inFlight.refilling ? undefined : memory.standIn(job.key, inFlight.sentAt), Date.now(), job.key, operationName);
      if (standIn) return standIn;
      return settled(inFlight, config.lockTimeoutMs).then((decision) => {
        if (decision?.superseded) return askObjectOnce(job, operationName, ctx);
        if (decision && 'answer' in decision && decision.answer.personal) {
          return alone(options, job, ctx).then((own) => toServed(stats, own, operationName, job.key, own.trace));
        }
        // The lookup's origin calls are its own request's; only whether a fallback stood in is shared.
        const shared = decision ?? fallbackOrBusy(memory, job.key);
        return toServed(stats, shared, operationName, job.key, shared.trace.staleOnFailure ? FAILED_OVER : NOTHING_RAN);
      });
    }
    const slot: InFlight = { sentAt: Date.now() };
    asking.set(job.key, slot);
    const settle = (decision?: Decision) => {
      slot.settled = { decision };
      if (asking.get(job.key) === slot) asking.delete(job.key);
    };
    return askObject(options, job, ctx, slot).then(
      (decision) => {
        settle(decision);
        return toServed(stats, decision, operationName, job.key, decision.trace);
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
  };
  return askObjectOnce;
}

const POLL_MS = 5;

/**
 * What another request's lookup came to, within `ms`, polled on this
 * request's own timer. Not a promise the lookup's request resolves (the
 * single-flight Waiters): production workerd runs such a continuation in the
 * waiting request (compatibility flag handle_cross_request_promise_resolution,
 * on since 2024-10-14), but @cloudflare/vitest-plugin turns that flag off for
 * the Worker it tests, where the waiter's continuation then runs in the
 * lookup's request and fails: "Cannot perform I/O on behalf of a different
 * request (I/O type: RefcountedFulfiller)", then "Promise will never complete".
 */
async function settled(slot: InFlight, ms: number): Promise<Decision | undefined> {
  const deadline = Date.now() + ms;
  while (!slot.settled && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return slot.settled?.decision;
}
