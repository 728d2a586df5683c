/**
 * A launched process and its descendants, from /proc (Linux only): workerd
 * runs under `npm run serve`'s Node process, so what a system spends is its
 * whole tree's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (state, ppid, ...); undefined once it is gone. */
export function statFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // Gone since the directory was listed.
  }
  // The command name, in parentheses, may hold spaces and parentheses: fields start after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** `pid` and every descendant alive now, parents first; undefined without /proc. */
export function processTree(pid: number): number[] | undefined {
  if (!existsSync(`/proc/${pid}/stat`)) return undefined;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const ppid = /^\d+$/.test(entry) ? Number(statFields(Number(entry))?.[1]) : NaN;
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (const member of tree) tree.push(...(children.get(member) ?? []));
  return tree;
}
