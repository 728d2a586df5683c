/**
 * CPU a system spends: utime + stime from /proc/<pid>/stat for its launched
 * process and every descendant (bench/process-tree.ts), read before and
 * after a load. Linux only; elsewhere, nothing.
 */
import { execFileSync } from 'node:child_process';
import { processTree, statFields } from './process-tree.ts';

let ticksPerSecond: number | undefined;

/** CPU milliseconds used so far by `pid` and its descendants alive now; undefined without /proc. */
export function processTreeCpuMs(pid: number): number | undefined {
  const tree = processTree(pid);
  if (!tree) return undefined;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  let ticks = 0;
  for (const member of tree) {
    // After the name: state, ppid, ... utime and stime are the 14th and 15th fields of the whole line.
    const fields = statFields(member);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** Runs `load` and answers its result with the CPU milliseconds the process tree of `pid` spent meanwhile. */
export async function withCpuMs<T>(pid: number, load: () => Promise<T>): Promise<{ result: T; cpuMs: number | undefined }> {
  const before = processTreeCpuMs(pid);
  const result = await load();
  const after = processTreeCpuMs(pid);
  return { result, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}
