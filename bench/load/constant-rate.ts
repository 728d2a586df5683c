/**
 * The open-loop generator, in a process of its own:
 * `node bench/load/constant-rate.ts '<ConstantRateSpec json>'`. Request i is
 * sent at t0 + i/rate whatever the answers so far, and its latency counts from
 * that scheduled time, not from when it went out: wrk2's correction for
 * coordinated omission (a closed-loop generator waits for a stalled server and
 * so never measures the requests the stall delayed). Prints one LoadResult
 * JSON line.
 */
import { KeepAliveConnection, prepareRequest, type Answer } from './http1.ts';
import type { ConstantRateSpec, LoadResult } from './types.ts';

const TIMEOUT_MS = 10_000;
/** Connections opened before the clock starts; more open whenever every one is busy. */
const WARM_CONNECTIONS = 32;
/** Reached only when answers take longer than MAX_CONNECTIONS / rate; latencies still count from the schedule. */
const MAX_CONNECTIONS = 1000;

const spec = JSON.parse(process.argv[2] ?? '') as ConstantRateSpec;
const request = prepareRequest(spec, spec.body);
const connections = new Set<KeepAliveConnection>();
const idle: KeepAliveConnection[] = [];
/** Requests due while MAX_CONNECTIONS were busy, oldest first. */
const waiting: number[] = [];

function open(): KeepAliveConnection {
  const connection = new KeepAliveConnection(spec.url, request);
  connections.add(connection);
  return connection;
}

/** A connection that is not busy, or a new one while there are fewer than MAX_CONNECTIONS. */
function available(): KeepAliveConnection | undefined {
  for (let connection = idle.pop(); connection; connection = idle.pop()) {
    if (!connection.closed) return connection;
    connections.delete(connection);
  }
  return connections.size < MAX_CONNECTIONS ? open() : undefined;
}

function release(connection: KeepAliveConnection): void {
  if (connection.closed) connections.delete(connection);
  else idle.push(connection);
}

// Each with one unmeasured request, so that the first measured ones find them open.
await Promise.all(
  Array.from({ length: WARM_CONNECTIONS }, () => {
    const connection = open();
    return new Promise<void>((warmed) => connection.send(() => warmed(release(connection)), performance.now()));
  }),
);

const total = Math.round(spec.rate * spec.durationS);
const intervalMs = 1000 / spec.rate;
const latencies = new Float64Array(total);
const sendLags = new Float64Array(total);
const statuses: Record<string, number> = {};
let answered = 0;
let settled = 0;
let errors = 0;
let stale = 0;
let lastAnswerAt = 0;

const t0 = performance.now();
const scheduledAt = (i: number) => t0 + i * intervalMs;

let finished: () => void;
const allSettled = new Promise<void>((resolve) => (finished = resolve));

function record(i: number, answer: Answer | undefined): void {
  lastAnswerAt = performance.now();
  settled++;
  if (!answer) errors++;
  else {
    latencies[answered++] = lastAnswerAt - scheduledAt(i);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status < 200 || answer.status >= 300 || answer.graphqlErrors) errors++;
    if (answer.stale) stale++;
  }
  if (settled === total) finished();
}

function dispatch(i: number): void {
  const connection = available();
  if (!connection) return void waiting.push(i);
  const now = performance.now();
  sendLags[i] = now - scheduledAt(i);
  connection.send((answer) => {
    record(i, answer);
    release(connection);
    const next = waiting.shift();
    if (next !== undefined) dispatch(next);
  }, now);
}

const expiry = setInterval(() => {
  const deadline = performance.now() - TIMEOUT_MS;
  for (const connection of connections) connection.expireIfSentBefore(deadline);
}, 1000);

let next = 0;
// Timers fire a millisecond late or more: each tick sends every request already due.
const tick = () => {
  const now = performance.now();
  while (next < total && scheduledAt(next) <= now) dispatch(next++);
  if (next < total) setTimeout(tick, scheduledAt(next) - now);
};
tick();
await allSettled;
clearInterval(expiry);
for (const connection of connections) connection.close();

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return Math.round(value * 100) / 100;
}

const sorted = latencies.subarray(0, answered).sort();
const durationS = (lastAnswerAt - t0) / 1000;
const p99Ms = percentile(sorted, 99);
const output: LoadResult = {
  phases: [{ rate: spec.rate, rps: Math.round((total - errors) / durationS), p99Ms, errors }],
  requests: total,
  durationS,
  rps: Math.round(total / durationS),
  p50Ms: percentile(sorted, 50),
  p99Ms,
  p999Ms: percentile(sorted, 99.9),
  errors,
  stale,
  statuses,
  sendLagP99Ms: percentile(sendLags.sort(), 99),
};
process.stdout.write(`${JSON.stringify(output)}\n`);
