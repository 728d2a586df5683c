/**
 * The V8 heap each of workerd's isolates keeps alive, read through its
 * inspector (`npm run serve -- --inspector-port`). A heap snapshot makes V8
 * collect all garbage first, so the heap's used size after one is what the
 * isolate retains, not what it has yet to collect: resident memory (bench/memory.ts)
 * also holds heap V8 has grown into and not given back, which is not a leak.
 * workerd's inspector answers no `HeapProfiler.collectGarbage`; it does answer
 * `takeHeapSnapshot`.
 */

interface Target {
  id: string;
  webSocketDebuggerUrl: string;
}

/** Sends one method at a time on an inspector socket; events (the snapshot's chunks) are read and dropped. */
async function session(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`[bench] no inspector at ${url}`));
  });
  let lastId = 0;
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  socket.onmessage = (message) => {
    const { id, result } = JSON.parse(String(message.data)) as { id?: number; result?: Record<string, unknown> };
    if (id !== undefined) waiting.get(id)?.(result ?? {});
  };
  return {
    call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
      const id = ++lastId;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => socket.close(),
  };
}

/** MiB each isolate (by workerd's service name: `edge-0`, `objects`, …) retains after a full collection. */
export async function retainedHeapMiB(inspectorPort: number): Promise<Record<string, number>> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as Target[];
  const retained: Record<string, number> = {};
  for (const target of targets) {
    const inspector = await session(target.webSocketDebuggerUrl);
    try {
      await inspector.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const { usedSize } = (await inspector.call('Runtime.getHeapUsage')) as { usedSize: number };
      retained[target.id] = Number((usedSize / 2 ** 20).toFixed(1));
    } finally {
      inspector.close();
    }
  }
  return retained;
}
