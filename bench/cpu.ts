/**
 * CPU a system spends: utime + stime from /proc/<pid>/stat for its launched
 * process and every descendant (workerd runs under `npm run serve`'s Node
 * process), read before and after a load. Linux only; elsewhere, nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface ProcessTimes {
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

let ticksPerSecond: number | undefined;

function readStat(pid: number): ProcessTimes | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // Gone since the directory was listed.
  }
  // The command name, in parentheses, may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state, ppid, ... utime and stime are the 14th and 15th fields of the whole line.
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** CPU milliseconds used so far by `pid` and its descendants alive now; undefined without /proc. */
export function processTreeCpuMs(pid: number): number | undefined {
  if (!existsSync(`/proc/${pid}/stat`)) return undefined;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const processes = new Map<number, ProcessTimes>();
  for (const entry of readdirSync('/proc')) {
    const times = /^\d+$/.test(entry) ? readStat(Number(entry)) : undefined;
    if (times) processes.set(Number(entry), times);
  }
  const children = new Map<number, number[]>();
  for (const [child, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), child]);
  let ticks = 0;
  const tree = [pid];
  for (const member of tree) {
    ticks += processes.get(member)?.ticks ?? 0;
    tree.push(...(children.get(member) ?? []));
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
