import { readdirSync, readFileSync } from 'node:fs';

/**
 * What a process costs in memory, read from Linux's /proc, for the suite's
 * printed measurements (never asserted): workerd's resident set before and
 * after the gateway met a gzip bomb.
 */

export interface ProcessMemory {
  pid: number;
  /** Resident set now, in bytes (`VmRSS`). */
  rss: number;
  /** The largest resident set the process ever had, in bytes (`VmHWM`). */
  peakRss: number;
}

/** The parent of `pid`, from /proc/<pid>/stat; undefined once the process is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function nameOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Every descendant of `root`, by walking the parent links of all of /proc's processes. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The first descendant of `root` whose command name is `name` (`workerd`), or undefined (not Linux, or not started). */
export function descendantNamed(root: number, name: string): number | undefined {
  try {
    return descendantsOf(root).find((pid) => nameOf(pid) === name);
  } catch {
    return undefined;
  }
}

/** `pid`'s resident set now and at its peak, or undefined when /proc cannot tell. */
export function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { pid, rss: kib('VmRSS'), peakRss: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** `123.4 MB` */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined || Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
}
