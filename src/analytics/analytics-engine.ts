/**
 * One Workers Analytics Engine data point per record, in the columns
 * docs/reference/observability.md documents (a test holds the two to each
 * other). The binding is optional: without it nothing is written.
 * `writeDataPoint` queues the point and returns; the runtime sends it after
 * the invocation, so a request waits for no I/O.
 */
import type { ConnectorRecord, RequestRecord } from './records.ts';
import { ANONYMOUS } from './snapshot.ts';

/** Analytics Engine takes one index of at most 96 bytes. */
const INDEX_BYTES = 96;
/** Per name blob; with the error codes' cap, far inside the 16 KB all the blobs of a point may take. */
const NAME_BYTES = 1024;
const CODES_BYTES = 4096;

const encoder = new TextEncoder();
const scratch = new Uint8Array(CODES_BYTES);

export function requestDataPoint(record: RequestRecord): AnalyticsEngineDataPoint {
  const name = truncate(record.operationName ?? ANONYMOUS, NAME_BYTES);
  return {
    indexes: [truncate(name, INDEX_BYTES)],
    blobs: ['request', name, record.state, record.documentHash ?? '', truncate(record.errorCodes.join(','), CODES_BYTES)],
    doubles: [record.latencyMs, record.bytes, record.originCalls, record.staleOnFailure ? 1 : 0, record.errorCodes.length],
  };
}

export function connectorDataPoint(record: ConnectorRecord): AnalyticsEngineDataPoint {
  const coordinate = truncate(record.coordinate, NAME_BYTES);
  return {
    indexes: [truncate(coordinate, INDEX_BYTES)],
    blobs: ['connector', coordinate, record.state, record.status === undefined ? '' : String(record.status)],
    doubles: [record.durationMs, record.batchSize, record.status === undefined ? 0 : 1, record.error ? 1 : 0, record.cached ? 1 : 0],
  };
}

/** Called by the recorder for each record; a point the runtime refuses (over its per-invocation limit) is lost, never the request. */
export function writeRequestPoint(dataset: AnalyticsEngineDataset | undefined, record: RequestRecord): void {
  if (dataset) write(dataset, requestDataPoint(record));
}

export function writeConnectorPoint(dataset: AnalyticsEngineDataset | undefined, record: ConnectorRecord): void {
  if (dataset) write(dataset, connectorDataPoint(record));
}

function write(dataset: AnalyticsEngineDataset, point: AnalyticsEngineDataPoint): void {
  try {
    dataset.writeDataPoint(point);
  } catch {
    // Analytics are best effort: the request's answer does not depend on them.
  }
}

/** `text` cut to at most `bytes` of UTF-8, on a character's boundary. */
function truncate(text: string, bytes: number): string {
  // Three bytes per UTF-16 unit at most: short text needs no encoding.
  if (text.length * 3 <= bytes) return text;
  const { read } = encoder.encodeInto(text, scratch.subarray(0, bytes));
  return text.slice(0, read);
}
