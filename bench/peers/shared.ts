/**
 * What the benchmark's Node peers (graphql-yoga, Apollo Server) share with each
 * other and with the gateway: the same schema folder and connectors, and the process's
 * arguments, ready line and shutdown. The per-request context, which the Worker
 * peer shares too, is in peer-context.ts.
 */
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { resolvers as account } from '../../schema/resolvers/account.ts';
import { resolvers as catalog } from '../../schema/resolvers/catalog.ts';
import { readSchemaFolder } from '../../scripts/build-schema.ts';
import type { SchemaFolder } from '../../src/connect/gateway-schema.ts';

export const GRAPHQL_PATH = '/graphql';
export const HOST = '127.0.0.1';
export const DEFAULT_ORIGIN = 'http://127.0.0.1:4010';

/** The gateway's schema folder, read from disk: its SDL files and escape-hatch resolvers. */
export function readShopSchema(): SchemaFolder {
  return { files: readSchemaFolder('schema'), resolvers: [account, catalog] };
}

export interface PeerOptions {
  port: number;
  /** Base URL of the REST origin, without a trailing slash. */
  origin: string;
}

/** `--port <n>` (required, 0 = any free port) and `--origin <url>` (default http://127.0.0.1:4010). */
export function parsePeerArgs(name: string, args: string[] = process.argv.slice(2)): PeerOptions {
  const usage = `usage: node bench/peers/${name}.ts --port <n> [--origin <url>]`;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { port: { type: 'string' }, origin: { type: 'string', default: DEFAULT_ORIGIN } },
    });
    if (values.port === undefined) throw new Error('--port is required');
    const port = /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!Number.isInteger(port) || port > 65535) throw new Error(`--port must be 0 to 65535, got ${values.port}`);
    const url = new URL(values.origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--origin must be http(s), got ${values.origin}`);
    return { port, origin: values.origin.replace(/\/+$/, '') };
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

/** The port a listening node:http server got. */
export function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return address.port;
}

/**
 * Prints the one line the benchmark waits for, `ready http://127.0.0.1:<port>/graphql`,
 * and runs `close` once on the first SIGTERM or SIGINT, then exits.
 */
export function announceReady(name: string, port: number, close: () => Promise<void>): void {
  process.stdout.write(`ready http://${HOST}:${port}${GRAPHQL_PATH}\n`);
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: error while stopping`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
