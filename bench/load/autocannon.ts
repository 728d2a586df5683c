/**
 * The autocannon generator, in a process of its own so that it never shares a
 * CPU budget with the system under test's process:
 * `node bench/load/autocannon.ts '<PhasedSpec json>'`. Runs the phases one
 * after the other and prints one LoadResult JSON line.
 */
import autocannon from 'autocannon';
import type { LoadPhase, LoadResult, PhasedSpec, PhaseResult } from './types.ts';

function zipfPicker(n: number, s: number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight / total));
  return () => {
    const r = Math.random();
    const index = cumulative.findIndex((c) => r <= c);
    return index === -1 ? n - 1 : index;
  };
}

async function runPhase(spec: PhasedSpec, phase: LoadPhase, tally: { sent: number; errors: number; stale: number; statuses: Record<string, number> }) {
  const pick = spec.zipf ? zipfPicker(spec.bodies.length, spec.zipf) : () => 0;
  const started = Date.now();
  const instance = autocannon({
    url: spec.url,
    connections: phase.connections,
    ...(phase.amount === undefined ? { duration: phase.durationS } : { amount: phase.amount }),
    ...(phase.rate === undefined ? {} : { overallRate: phase.rate }),
    timeout: 10,
    // Called before a connection sends its first request, so every request written is counted (autocannon's own `sent` estimates the first ones).
    setupClient: (client: NodeJS.EventEmitter) => void client.on('request', () => tally.sent++),
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: spec.bodies[pick()] }),
        onResponse: (status: number, body: string, _context: unknown, headers: Record<string, string>) => {
          tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300 && body.includes('"errors"')) tally.errors++;
          if (headers['x-cache'] === 'STALE') tally.stale++;
        },
      },
    ] as unknown as autocannon.Request[],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  let ticks = 0;
  let seen = 0;
  instance.on('tick', () => {
    const answered = Object.values(tally.statuses).reduce((a, b) => a + b, 0);
    if (++ticks % 2 === 0) process.stderr.write(`    ${spec.label}: ${Math.round((Date.now() - started) / 1000)}s, ${Math.round((answered - seen) / 2)} req/s\n`);
    if (ticks % 2 === 0) seen = answered;
  });
  return { result: await instance, elapsedS: (Date.now() - started) / 1000 };
}

const spec = JSON.parse(process.argv[2] ?? '') as PhasedSpec;
const tally = { sent: 0, errors: 0, stale: 0, statuses: {} as Record<string, number> };
let requests = 0;
let durationS = 0;
let transportErrors = 0;
let timeouts = 0;
const p50: number[] = [];
const p99: number[] = [];
const p999: number[] = [];
const phases: PhaseResult[] = [];
for (const phase of spec.phases) {
  const bodyErrorsBefore = tally.errors;
  const { result, elapsedS } = await runPhase(spec, phase, tally);
  const phaseS = phase.durationS ?? elapsedS;
  // autocannon counts a timeout among its errors too.
  const phaseErrors = result.errors + result.non2xx + (tally.errors - bodyErrorsBefore);
  requests += result.requests.total;
  durationS += phaseS;
  transportErrors += result.errors + result.non2xx;
  timeouts += result.timeouts;
  p50.push(result.latency.p50);
  p99.push(result.latency.p99);
  p999.push(result.latency.p99_9);
  phases.push({ rate: phase.rate, rps: Math.round((result.requests.total - phaseErrors) / phaseS), p99Ms: result.latency.p99, errors: phaseErrors });
}
const output: LoadResult = {
  phases,
  requests,
  sent: tally.sent,
  durationS,
  rps: Math.round(requests / durationS),
  p50Ms: Math.max(...p50),
  p99Ms: Math.max(...p99),
  p999Ms: Math.max(...p999),
  errors: tally.errors + transportErrors,
  timeouts,
  stale: tally.stale,
  statuses: tally.statuses,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
