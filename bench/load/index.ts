/**
 * How the scenarios drive load. Every generator runs in a process of its own,
 * apart from the bench's and the system's: autocannon for bursts and stepped
 * rates, wrk (else autocannon) for saturation, an open-loop generator for
 * constant rates.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ConstantRateSpec, LoadResult, PhasedSpec, SaturationSpec } from './types.ts';
import { runWrk, wrkVersion } from './wrk.ts';

export type { LoadPhase, LoadResult, SaturationSpec } from './types.ts';

function runNodeGenerator(script: string, spec: PhasedSpec | ConstantRateSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`[bench] ${spec.label}: ${script} exited with ${code}`))));
  });
}

export const phased = (spec: PhasedSpec) => runNodeGenerator('autocannon.ts', spec);

export const constantRate = (spec: ConstantRateSpec) => runNodeGenerator('constant-rate.ts', spec);

const AUTOCANNON = `autocannon ${(createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version}`;

interface Saturator {
  name: string;
  run(spec: SaturationSpec): Promise<LoadResult>;
}

let chosen: Saturator | undefined;

/** wrk when it is on PATH, else autocannon; chosen once per run. */
function saturator(): Saturator {
  if (chosen) return chosen;
  const wrk = wrkVersion();
  chosen = wrk
    ? { name: wrk, run: runWrk }
    : { name: AUTOCANNON, run: ({ body, connections, durationS, ...target }) => phased({ ...target, bodies: [body], phases: [{ connections, durationS }] }) };
  return chosen;
}

/** What saturates `hot` and `hot-get`: `wrk 4.1.0`, or `autocannon 9.0.0` without wrk. */
export const saturationGenerator = () => saturator().name;

export const saturate = (spec: SaturationSpec) => saturator().run(spec);
