/**
 * The `analytics-cpu` scenario's steady figure, in a process of its own: what
 * recording one cache hit costs the hit path, in µs, as `respond` records it
 * (the record made, then the recorder's increments), with no Analytics Engine
 * binding and no OTLP exporter, as `npm run serve` runs. The paired gateway
 * runs beside it measure the whole, flushes included, but on a shared machine
 * they move by more than the 5% they are judged by; this part does not.
 * Prints its figures as JSON.
 *
 *   node --experimental-strip-types bench/analytics-record.ts [--quick]
 */
import { parseArgs } from 'node:util';
import { createRecorder } from '../src/analytics/recorder.ts';
import { NOTHING_RAN } from '../src/shared/trace.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const ROUNDS = values.quick ? 200_000 : 2_000_000;
const NO_CODES: readonly string[] = [];
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
const recorder = createRecorder({ send: async () => {}, flushMs: 60_000, maxNames: 200, dataset: undefined, otlp: undefined });
// 100 operations, as the spike's mix has 100 keys: the operations table holds as many names.
const hashes = Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(64, '0'));

function recordHits(rounds: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    recorder.request(
      { operationName: 'Product', documentHash: hashes[i % 100]!, state: 'HIT', latencyMs: i % 7, bytes: 180, errorCodes: NO_CODES, originCalls: 0, staleOnFailure: false, trace: NOTHING_RAN },
      ctx,
    );
  }
  return Number(process.hrtime.bigint() - started) / 1000 / rounds;
}

recordHits(ROUNDS / 10); // Compiled and warm before it counts.
const samples = [recordHits(ROUNDS), recordHits(ROUNDS), recordHits(ROUNDS)].sort((a, b) => a - b);
console.log(JSON.stringify({ recordUsPerHit: Number(samples[1]!.toFixed(4)) }));
