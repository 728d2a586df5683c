/**
 * An isolate's analytics in memory: each record is a few increments into the
 * current snapshot, and the first record after a flush schedules the next one
 * in `waitUntil`, after the response. Bounded: at most `maxNames` operations,
 * connectors and error codes per snapshot, the rest under `OTHER`.
 */
import { logFailure } from '../shared/log-event.ts';
import { writeConnectorPoint, writeRequestPoint } from './analytics-engine.ts';
import type { OtlpExporter } from './otlp.ts';
import type { WaitUntil } from './analytics.ts';
import type { ConnectorRecord, RequestRecord } from './records.ts';
import { ANONYMOUS, createSnapshot, emptyConnector, emptyOperation, mergeSnapshot, observe, OTHER, type Snapshot } from './snapshot.ts';

/** Failed flushes in a row after which their counts are given up (and counted in `dropped`). */
export const MAX_FLUSH_FAILURES = 3;

export interface RecorderOptions {
  /** Delivers a snapshot counted up to `at` to the isolate's analytics object. */
  send(snapshot: Snapshot, at: number): Promise<void>;
  flushMs: number;
  maxNames: number;
  /** The ANALYTICS binding (Workers Analytics Engine): one data point per record; absent, none. */
  dataset: AnalyticsEngineDataset | undefined;
  /** The OTLP exporter (OTLP_ENDPOINT): a span per record, posted beside each flush; absent, none. */
  otlp: OtlpExporter | undefined;
}

export interface Recorder {
  request(record: RequestRecord, ctx: ExecutionContext | undefined): void;
  connector(record: ConnectorRecord): void;
  originCall(waitUntil: WaitUntil): void;
  /** Sends what was counted since the last flush; what fails to go is kept for the next one. */
  flush(): Promise<void>;
}

export function createRecorder({ send, flushMs, maxNames, dataset, otlp }: RecorderOptions): Recorder {
  let current = createSnapshot();
  let scheduled = false;
  let failures = 0;
  /** This isolate's last origin answer was a failure (none, or a 5xx): a STALE answer meanwhile is one served while the origin failed. */
  let originFailing = false;

  /** Names in each table of the current snapshot, beside `OTHER`: counted once per table, not per record. */
  const sizes = new WeakMap<object, number>();

  /** `name`, or `OTHER` when the table already holds `maxNames` other names. */
  function nameIn(table: Record<string, unknown>, name: string): string {
    if (name in table) return name;
    const size = sizes.get(table) ?? Object.keys(table).length - (OTHER in table ? 1 : 0);
    if (size >= maxNames) return OTHER;
    sizes.set(table, size + 1);
    return name;
  }

  const entry = <T>(table: Record<string, T>, name: string, make: () => T): T => (table[nameIn(table, name)] ??= make());

  /** The next flush, `flushMs` from now, in the `waitUntil` of the request that counted first since the last. */
  function schedule(waitUntil: WaitUntil): void {
    scheduled = true;
    waitUntil(new Promise((resolve) => setTimeout(resolve, flushMs)).then(() => Promise.all([flush(), otlp?.flush()])));
  }

  async function flush(): Promise<void> {
    scheduled = false;
    const sending = current;
    current = createSnapshot();
    try {
      await send(sending, Date.now());
      failures = 0;
    } catch (error) {
      failures++;
      if (failures < MAX_FLUSH_FAILURES) {
        // Kept for the next flush, folded to the bound with what came meanwhile; the tables' sizes are counted afresh.
        mergeSnapshot(current, sending, maxNames);
        for (const table of [current.operations, current.connectors, current.errors]) sizes.delete(table);
        return;
      }
      failures = 0;
      current.dropped += sending.dropped + 1;
      logFailure('analytics-flush-dropped', error);
    }
  }

  return {
    request(record, ctx) {
      writeRequestPoint(dataset, record);
      otlp?.request(record);
      const snapshot = current;
      snapshot.requests[record.state]++;
      snapshot.responseBytes += record.bytes;
      observe(snapshot.latency, record.latencyMs);
      snapshot.latencySumMs += record.latencyMs;
      if (record.staleOnFailure || (record.state === 'STALE' && originFailing)) snapshot.staleOnFailure++;
      for (const code of record.errorCodes) {
        const { errors } = snapshot;
        const name = nameIn(errors, code);
        errors[name] = (errors[name] ?? 0) + 1;
      }
      const name = record.operationName ?? ANONYMOUS;
      const operation = entry(snapshot.operations, record.documentHash ? `${name} ${record.documentHash}` : name, emptyOperation);
      operation.count++;
      if (record.errorCodes.length) operation.errors++;
      observe(operation.latency, record.latencyMs);
      operation.bytes += record.bytes;
      if (!scheduled && ctx) schedule((work) => ctx.waitUntil(work));
    },

    connector(record) {
      writeConnectorPoint(dataset, record);
      otlp?.connector(record);
      const stats = entry(current.connectors, record.coordinate, () => emptyConnector(record.cached));
      stats.calls++;
      if (record.error) stats.errors++;
      observe(stats.latency, record.durationMs);
      stats.latencySumMs += record.durationMs;
      stats.batchItems += record.batchSize;
      stats.fieldStates[record.state]++;
      if (record.status !== undefined) {
        stats.statuses[record.status] = (stats.statuses[record.status] ?? 0) + 1;
        originFailing = record.status === 'error' || record.status >= 500;
      }
    },

    originCall(waitUntil) {
      current.originCalls++;
      // A background refresh may end after its request's flush went: it schedules the next itself, in the work that keeps its request alive.
      if (!scheduled) schedule(waitUntil);
    },

    flush,
  };
}
