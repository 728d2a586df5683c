import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/project-root.ts';
import { connectorDataPoint, requestDataPoint, writeConnectorPoint, writeRequestPoint } from '../../../src/analytics/analytics-engine.ts';
import type { ConnectorRecord, RequestRecord } from '../../../src/analytics/records.ts';

/** Analytics Engine's limits on one data point. */
const LIMITS = { blobs: 20, doubles: 20, indexes: 1, indexBytes: 96, blobBytes: 16 * 1024 };

type Kind = 'request' | 'connector';

/** The columns table of docs/reference/observability.md: per kind, each column it documents (`—` is none) and the cell's text. */
function documentedColumns(): Record<Kind, Map<string, string>> {
  const page = readFileSync(`${ROOT}docs/reference/observability.md`, 'utf8');
  const header = page.indexOf('| Column | Request point | Connector point |');
  expect(header).toBeGreaterThan(0);
  const rows = page.slice(header).split('\n').slice(2);
  const columns: Record<Kind, Map<string, string>> = { request: new Map(), connector: new Map() };
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const [column = '', request = '', connector = ''] = row.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, ''));
    const name = /^`((?:blob|double|index)\d+)`$/.exec(column)?.[1];
    if (!name) throw new Error(`not a column: ${column}`);
    if (request !== '—') columns.request.set(name, request);
    if (connector !== '—') columns.connector.set(name, connector);
  }
  return columns;
}

/** The columns a data point fills, by their SQL names. */
function filled(point: AnalyticsEngineDataPoint): string[] {
  return [
    ...(point.indexes ?? []).map((_, i) => `index${i + 1}`),
    ...(point.blobs ?? []).map((_, i) => `blob${i + 1}`),
    ...(point.doubles ?? []).map((_, i) => `double${i + 1}`),
  ];
}

const bytes = (value: unknown) => (typeof value === 'string' ? new TextEncoder().encode(value).length : Number.POSITIVE_INFINITY);

function withinLimits(point: AnalyticsEngineDataPoint): void {
  const blobs = point.blobs ?? [];
  const doubles = point.doubles ?? [];
  const indexes = point.indexes ?? [];
  expect(blobs.length).toBeLessThanOrEqual(LIMITS.blobs);
  expect(doubles.length).toBeLessThanOrEqual(LIMITS.doubles);
  expect(indexes.length).toBe(LIMITS.indexes);
  expect(bytes(indexes[0])).toBeLessThanOrEqual(LIMITS.indexBytes);
  expect(blobs.reduce((sum: number, blob) => sum + bytes(blob), 0)).toBeLessThanOrEqual(LIMITS.blobBytes);
  expect(doubles.every(Number.isFinite)).toBe(true);
  // Cut on a character's boundary: no half of a surrogate pair left behind.
  const wellFormed = (text: unknown) => typeof text === 'string' && new TextDecoder().decode(new TextEncoder().encode(text)) === text;
  for (const text of [...blobs, ...indexes]) expect(wellFormed(text)).toBe(true);
}

const REQUEST: RequestRecord = {
  operationName: 'Product',
  documentHash: 'ab'.repeat(32),
  state: 'STALE',
  latencyMs: 12.5,
  bytes: 345,
  errorCodes: ['ORIGIN_UNAVAILABLE', 'ORIGIN_TIMEOUT'],
  originCalls: 2,
  staleOnFailure: true,
};

const CONNECTOR: ConnectorRecord = { coordinate: 'Query.products', state: 'miss', status: 503, durationMs: 40, batchSize: 3, cached: true, error: true };

/** Names a client (or a schema) could make as long as it likes, in characters of two, three and four bytes. */
const HUGE = 'é€😀'.repeat(20_000);

describe('the Analytics Engine data points, against the documented columns', () => {
  const documented = documentedColumns();
  const points: Array<[string, Kind, AnalyticsEngineDataPoint]> = [
    ['a request', 'request', requestDataPoint(REQUEST)],
    ['an anonymous request refused before it was read', 'request', requestDataPoint({ ...REQUEST, operationName: null, documentHash: null, state: 'REFUSED', errorCodes: [] })],
    ['a request with huge names and many codes', 'request', requestDataPoint({ ...REQUEST, operationName: HUGE, errorCodes: Array.from({ length: 5000 }, (_, i) => `CODE_${i}_${HUGE.slice(0, 9)}`) })],
    ['a request whose name is short in characters, long in bytes', 'request', requestDataPoint({ ...REQUEST, operationName: '€'.repeat(90) })],
    ['a connector call', 'connector', connectorDataPoint(CONNECTOR)],
    ['a connector read from the field cache', 'connector', connectorDataPoint({ ...CONNECTOR, state: 'fresh', status: undefined, error: false })],
    ['a connector with a huge coordinate', 'connector', connectorDataPoint({ ...CONNECTOR, coordinate: `Query.${HUGE}`, status: 'error' })],
  ];

  it.each(points)('%s fills exactly the columns the docs give its kind, within the limits', (_, kind, point) => {
    expect(filled(point)).toEqual([...documented[kind].keys()]);
    withinLimits(point);
    // blob1 tells the kinds apart, as the docs' queries filter on it.
    expect(documented[kind].get('blob1')).toBe(`\`${kind}\``);
    expect(point.blobs?.[0]).toBe(kind);
  });

  it('puts what the docs say in each column', () => {
    expect(requestDataPoint(REQUEST)).toEqual({
      indexes: ['Product'],
      blobs: ['request', 'Product', 'STALE', 'ab'.repeat(32), 'ORIGIN_UNAVAILABLE,ORIGIN_TIMEOUT'],
      doubles: [12.5, 345, 2, 1, 2],
    });
    expect(requestDataPoint({ ...REQUEST, operationName: null, documentHash: null }).blobs?.slice(1, 4)).toEqual(['(anonymous)', 'STALE', '']);
    expect(connectorDataPoint(CONNECTOR)).toEqual({
      indexes: ['Query.products'],
      blobs: ['connector', 'Query.products', 'miss', '503'],
      doubles: [40, 3, 1, 1, 1],
    });
    expect(connectorDataPoint({ ...CONNECTOR, state: 'fresh', status: undefined, error: false, cached: false })).toMatchObject({
      blobs: ['connector', 'Query.products', 'fresh', ''],
      doubles: [40, 3, 0, 0, 0],
    });
  });

  it('writes one point per record to the binding, nothing without it, and never throws into the request', () => {
    const written: AnalyticsEngineDataPoint[] = [];
    const dataset: AnalyticsEngineDataset = { writeDataPoint: (point) => void written.push(point!) };
    writeRequestPoint(dataset, REQUEST);
    writeConnectorPoint(dataset, CONNECTOR);
    expect(written).toEqual([requestDataPoint(REQUEST), connectorDataPoint(CONNECTOR)]);

    expect(() => writeRequestPoint(undefined, REQUEST)).not.toThrow();
    const refusing: AnalyticsEngineDataset = {
      writeDataPoint: () => {
        throw new Error('too many data points in this invocation');
      },
    };
    expect(() => writeRequestPoint(refusing, REQUEST)).not.toThrow();
    expect(() => writeConnectorPoint(refusing, CONNECTOR)).not.toThrow();
  });
});
