/**
 * The resident memory of the workerd processes a system runs (the isolates
 * and their Durable Objects; not `npm run serve`'s Node parent), from
 * /proc/<pid>/status VmRSS, sampled while a load runs. Linux only.
 */
import { readFileSync } from 'node:fs';
import { processTree } from './process-tree.ts';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // Gone since the tree was listed.
  }
};

/** MiB resident in the workerd processes under `pid` now; undefined without /proc or without workerd. */
export function workerdRssMiB(pid: number): number | undefined {
  const workerd = (processTree(pid) ?? []).filter((member) => read(`/proc/${member}/comm`).trim() === 'workerd');
  if (!workerd.length) return undefined;
  let kiB = 0;
  for (const member of workerd) kiB += Number(/^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${member}/status`))?.[1] ?? 0);
  return Number((kiB / 1024).toFixed(1));
}

/** Runs `load` while sampling `workerdRssMiB(pid)` every `everyMs`, from its start to its end. */
export async function withRssSamples<T>(pid: number, everyMs: number, load: () => Promise<T>): Promise<{ result: T; samplesMiB: number[] }> {
  const samplesMiB: number[] = [];
  const sample = () => {
    const mib = workerdRssMiB(pid);
    if (mib !== undefined) samplesMiB.push(mib);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  try {
    const result = await load();
    sample();
    return { result, samplesMiB };
  } finally {
    clearInterval(timer);
  }
}
