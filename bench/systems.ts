/** Starts each system the benchmark compares, each in a process of its own, and stops it. */
import { startReady, stop } from '../scripts/dev-processes.ts';
import { originAdmin } from '../test/support/simulator-admin.ts';

export type SystemName = 'gateway' | 'yoga-workers' | 'yoga-node' | 'apollo-node' | 'origin' | 'ceiling';
export const GRAPHQL_SYSTEMS: SystemName[] = ['gateway', 'yoga-workers', 'yoga-node', 'apollo-node'];

export interface Running {
  url: string;
  /** Every isolate's URL, for a gateway started with several (the first is `url`). */
  urls: string[];
  /** The process that was launched; what serves may be its child (workerd under `npm run serve`). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts a Node script and waits for the ready lines it prints (scripts/dev-processes.ts), `readyLines` of them. */
async function launch([script, ...args]: [string, ...string[]], env: Record<string, string> = {}, readyLines = 1): Promise<Running> {
  const { child, urls } = await startReady(script, args, { env, readyLines });
  return { url: urls[0]!, urls, pid: child.pid ?? 0, stop: () => stop(child) };
}

/** The origin simulator, with the admin calls the scenarios make. */
export type RunningOrigin = Running & Pick<ReturnType<typeof originAdmin>, 'stats' | 'fault'>;

export async function startOrigin(flags: string[]): Promise<RunningOrigin> {
  const running = await launch(['simulator/cli.ts', '--port', '0', ...flags]);
  const { stats, fault } = originAdmin(running.url);
  return { ...running, stats, fault };
}

/** The gateway as `isolates` isolates sharing one set of Durable Objects (`npm run serve -- --isolates`), with `flags` for serve. */
export function startGatewayIsolates(originUrl: string, isolates: number, flags: string[]): Promise<Running> {
  return launch(['scripts/serve.ts', '--no-build', '--port', '0', '--origin-url', originUrl, '--isolates', String(isolates), ...flags], {}, isolates);
}

/** What only the gateway is started with: vars (`--var NAME:VALUE`) and workerd's inspector port (`--inspector-port`). */
export interface GatewayOptions {
  vars?: Record<string, string>;
  inspectorPort?: number;
}

/** A GraphQL system over `originUrl`; its `url` is the GraphQL endpoint. */
export function startSystem(name: SystemName, originUrl: string, gateway: GatewayOptions = {}): Promise<Running> {
  switch (name) {
    case 'gateway': {
      const vars = Object.entries(gateway.vars ?? {}).flatMap(([key, value]) => ['--var', `${key}:${value}`]);
      const inspector = gateway.inspectorPort ? ['--inspector-port', String(gateway.inspectorPort)] : [];
      // The production bundle on workerd itself (no rate-limit binding there: see docs/guides/local-production.md).
      return launch(['scripts/serve.ts', '--no-build', '--port', '0', '--origin-url', originUrl, ...vars, ...inspector]);
    }
    case 'yoga-workers':
      // Through the same path from the peer's own config; serve builds its bundle (about a second) on each start.
      return launch(['scripts/serve.ts', '--config', 'bench/peers/yoga-workers.wrangler.toml', '--port', '0', '--origin-url', originUrl]);
    case 'ceiling':
      return launch(['scripts/serve.ts', '--port', '0', '--script', 'bench/ceiling/worker.js']);
    case 'yoga-node':
    case 'apollo-node':
      return launch([`bench/peers/${name}.ts`, '--port', '0', '--origin', originUrl], { NODE_ENV: 'production' });
    case 'origin':
      throw new Error('[bench] the origin is started with startOrigin');
  }
}
