/**
 * The wrk generator for saturation runs: a C event loop on one thread takes a
 * fraction of the CPU autocannon (Node) needs for the same rate, which on two
 * cores leaves the system under test its core. Driven by `wrk.lua`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult, SaturationSpec } from './types.ts';

const SCRIPT = fileURLToPath(new URL('wrk.lua', import.meta.url));

/** `wrk 4.1.0`, or undefined when there is no wrk on PATH (`wrk -v` prints its version and exits 1). */
export function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  const version = /\d+\.\d+\.\d+/.exec(`${probe.stdout ?? ''}${probe.stderr ?? ''}`)?.[0];
  return probe.error || !version ? undefined : `wrk ${version}`;
}

interface WrkOutput {
  requests: number;
  durationUs: number;
  transportErrors: number;
  graphqlErrors: number;
  stale: number;
  statuses: Record<string, number>;
  p50Us: number;
  p99Us: number;
  p999Us: number;
}

const ms = (us: number) => Math.round(us / 10) / 100;

export function runWrk(spec: SaturationSpec): Promise<LoadResult> {
  const headers = Object.entries(spec.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t1', `-c${spec.connections}`, `-d${spec.durationS}s`, '--timeout', '10s', '-s', SCRIPT, ...headers, spec.url, '--', spec.method, spec.body];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('wrk-result '));
      if (code !== 0 || !line) return reject(new Error(`[bench] ${spec.label}: wrk exited with ${code}: ${out.slice(-500)}`));
      const wrk = JSON.parse(line.slice('wrk-result '.length)) as WrkOutput;
      const non2xx = Object.entries(wrk.statuses).reduce((sum, [status, count]) => sum + (status.startsWith('2') ? 0 : count), 0);
      const errors = wrk.transportErrors + non2xx + wrk.graphqlErrors;
      const durationS = wrk.durationUs / 1e6;
      const rps = Math.round((wrk.requests - errors) / durationS);
      const p99Ms = ms(wrk.p99Us);
      resolve({
        phases: [{ rate: undefined, rps, p99Ms, errors }],
        requests: wrk.requests,
        durationS,
        rps: Math.round(wrk.requests / durationS),
        p50Ms: ms(wrk.p50Us),
        p99Ms,
        p999Ms: ms(wrk.p999Us),
        errors,
        stale: wrk.stale,
        statuses: wrk.statuses,
      });
    });
  });
}
