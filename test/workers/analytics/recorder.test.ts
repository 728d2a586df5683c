import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../../src/analytics/records.ts';
import { createRecorder, MAX_FLUSH_FAILURES } from '../../../src/analytics/recorder.ts';
import { OTHER, type Snapshot } from '../../../src/analytics/snapshot.ts';

const BOUND = 300;

function request(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return { operationName: 'Products', documentHash: null, state: 'HIT', latencyMs: 3, bytes: 100, errorCodes: [], originCalls: 0, staleOnFailure: false, ...overrides };
}

/** A recorder whose flushes are captured, or fail while `failing` says so. */
function recorderWith({ failing = () => false }: { failing?: () => boolean } = {}) {
  const sent: Snapshot[] = [];
  const recorder = createRecorder({
    flushMs: 10,
    maxNames: BOUND,
    dataset: undefined,
    otlp: undefined,
    async send(snapshot) {
      if (failing()) throw new Error('the analytics object is down');
      // As the RPC would: a copy, so that later records cannot reach what was sent.
      sent.push(structuredClone(snapshot));
    },
  });
  return { recorder, sent };
}

/** An ExecutionContext that keeps what it is handed. */
function fakeContext() {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (work: Promise<unknown>) => void pending.push(work), passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  return { ctx, pending };
}

const requestsIn = (snapshot: Snapshot) => Object.values(snapshot.requests).reduce((sum, count) => sum + count, 0);

describe('the recorder: counts in memory, bounded, flushed after the response', () => {
  it('500 unique operations keep at most the bound by name, the rest counted under OTHER', async () => {
    const { recorder, sent } = recorderWith();
    for (let i = 0; i < 500; i++) recorder.request(request({ operationName: `Op${i}`, errorCodes: [`CODE_${i}`] }), undefined);
    recorder.request(request({ operationName: 'Op0' }), undefined);
    await recorder.flush();

    const [snapshot] = sent as [Snapshot];
    expect(Object.keys(snapshot.operations)).toHaveLength(BOUND + 1);
    expect(snapshot.operations.Op0!.count).toBe(2);
    expect(snapshot.operations[OTHER]!.count).toBe(500 - BOUND);
    expect(Object.keys(snapshot.errors)).toHaveLength(BOUND + 1);
    expect(snapshot.errors[OTHER]).toBe(500 - BOUND);
    expect(requestsIn(snapshot)).toBe(501);
  });

  it('an operation named like a property of Object (__proto__, constructor) is a name like any other', async () => {
    const { recorder, sent } = recorderWith();
    for (const operationName of ['__proto__', 'constructor', '__proto__']) recorder.request(request({ operationName }), undefined);
    await recorder.flush();

    expect(sent[0]!.operations.__proto__!.count).toBe(2);
    expect(sent[0]!.operations['constructor']).toMatchObject({ count: 1 });
    expect(Object.prototype).not.toHaveProperty('count');
  });

  it('the first record after a flush schedules one flush in waitUntil; the next record after it schedules the next', async () => {
    const { recorder, sent } = recorderWith();
    const { ctx, pending } = fakeContext();
    for (let i = 0; i < 50; i++) recorder.request(request({ state: i % 2 ? 'MISS' : 'HIT' }), ctx);
    expect(pending).toHaveLength(1);
    await pending[0];
    expect(sent).toHaveLength(1);
    expect(sent[0]!.requests).toMatchObject({ HIT: 25, MISS: 25 });

    recorder.request(request(), ctx);
    expect(pending).toHaveLength(2);
    await pending[1];
    expect(sent.map(requestsIn)).toEqual([50, 1]);
  });

  it('counts connector calls (states, statuses, batch items) and, apart from them, each request sent to the origin', async () => {
    const { recorder, sent } = recorderWith();
    const call = { coordinate: 'Product', durationMs: 12, batchSize: 3, cached: true, error: false } as const;
    recorder.connector({ ...call, state: 'miss', status: 200 });
    recorder.connector({ ...call, state: 'fresh', status: undefined });
    recorder.connector({ ...call, state: 'miss', status: 'error', error: true, batchSize: 1 });
    // Three sends for those two calls (a retry, say): the origin client tells of each, and that is the count.
    const { ctx } = fakeContext();
    for (let send = 0; send < 3; send++) recorder.originCall((work) => ctx.waitUntil(work));
    await recorder.flush();

    expect(sent[0]!.originCalls).toBe(3);
    expect(sent[0]!.connectors.Product).toMatchObject({
      calls: 3,
      errors: 1,
      batchItems: 7,
      cached: true,
      fieldStates: { fresh: 1, stale: 0, coalesced: 0, miss: 2 },
      statuses: { 200: 1, error: 1 },
      latencySumMs: 36,
    });
  });

  it("an origin call after the last flush (a background refresh ending late) schedules the next flush in its request's waitUntil", async () => {
    const { recorder, sent } = recorderWith();
    const { ctx, pending } = fakeContext();
    recorder.request(request(), ctx);
    await Promise.all(pending.splice(0));
    expect(sent.map((snapshot) => snapshot.originCalls)).toEqual([0]);

    recorder.originCall((work) => ctx.waitUntil(work));
    recorder.originCall((work) => ctx.waitUntil(work));
    expect(pending).toHaveLength(1);
    await Promise.all(pending.splice(0));
    expect(sent.map((snapshot) => snapshot.originCalls)).toEqual([0, 2]);
  });

  it('a STALE answer counts as stale on failure while the last origin answer failed, and not once one succeeds', async () => {
    const { recorder, sent } = recorderWith();
    const call = { coordinate: 'Query.products', durationMs: 5, batchSize: 1, cached: true, error: false } as const;
    recorder.request(request({ state: 'STALE' }), undefined);
    recorder.connector({ ...call, state: 'miss', status: 'error', error: true });
    recorder.request(request({ state: 'STALE' }), undefined);
    recorder.request(request({ state: 'HIT' }), undefined);
    recorder.connector({ ...call, state: 'miss', status: 503, error: true });
    recorder.request(request({ state: 'STALE' }), undefined);
    recorder.connector({ ...call, state: 'miss', status: 200 });
    recorder.request(request({ state: 'STALE' }), undefined);
    // A fallback that stood in counts whatever came before.
    recorder.request(request({ state: 'MISS', staleOnFailure: true }), undefined);
    await recorder.flush();

    expect(sent[0]!.staleOnFailure).toBe(3);
    expect(sent[0]!.requests.STALE).toBe(4);
  });

  it('a failed flush is merged back and sent with the next; after 3 failures in a row its counts are dropped, and counted as dropped', async () => {
    let failing = true;
    const { recorder, sent } = recorderWith({ failing: () => failing });
    recorder.request(request(), undefined);
    await recorder.flush();
    recorder.request(request(), undefined);
    failing = false;
    await recorder.flush();
    expect(sent.map(requestsIn)).toEqual([2]);
    expect(sent[0]!.dropped).toBe(0);

    failing = true;
    for (let i = 0; i < MAX_FLUSH_FAILURES; i++) {
      recorder.request(request(), undefined);
      await recorder.flush();
    }
    failing = false;
    recorder.request(request({ state: 'STALE' }), undefined);
    await recorder.flush();
    expect(sent[1]!.requests).toEqual({ HIT: 0, STALE: 1, MISS: 0, BYPASS: 0, REFUSED: 0 });
    expect(sent[1]!.dropped).toBe(1);
  });

  it('memory stays bounded while the object is down: what is merged back never holds more than the bound of names', async () => {
    let failing = true;
    const { recorder, sent } = recorderWith({ failing: () => failing });
    for (let flush = 0; flush < MAX_FLUSH_FAILURES - 1; flush++) {
      for (let i = 0; i < 1000; i++) recorder.request(request({ operationName: `Op${flush}-${i}` }), undefined);
      await recorder.flush();
    }
    failing = false;
    await recorder.flush();

    expect(Object.keys(sent[0]!.operations).length).toBeLessThanOrEqual(BOUND + 1);
    expect(requestsIn(sent[0]!)).toBe(2000);
    expect(sent[0]!.operations[OTHER]!.count).toBe(2000 - BOUND);
  });
});
