import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSchemaModule, DEFAULT_SCHEMA_DIR, schemaModulePath } from '../../scripts/build-schema.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { ROOT } from '../../scripts/project-root.ts';
import { startWorkerdServer } from '../../scripts/workerd-server.ts';
import { postJson } from '../support/answers.ts';
import { serve } from './serve.ts';

/**
 * `npm run serve` refuses settings the gateway could not serve with, before
 * it builds anything or says it is ready: exit code 1 and a `[config]`
 * message naming the var to set (scripts/preflight.ts). The folder is a
 * user's own, outside the project: two sources, "books" sending its key
 * from `$config.apiKey`, "authors" with a template's placeholder for a base URL.
 */

const SERVE = `${ROOT}scripts/serve.ts`;
/** Building the bundle and starting workerd, for the settings that work. */
const STARTUP_MS = 180_000;

const DIR = mkdtempSync(join(tmpdir(), 'gateway-refusals-'));
writeFileSync(
  join(DIR, 'schema.graphql'),
  `extend schema
  @link(url: "https://specs.apollo.dev/connect/v0.2", import: ["@source", "@connect"])
  @source(name: "books", http: { baseURL: "https://books.example.com", headers: [{ name: "x-api-key", value: "{$config.apiKey}" }] })
  @source(name: "authors", http: { baseURL: "<AUTHORS_URL>" })

type Query {
  books: [String] @connect(source: "books", http: { GET: "/books" }, selection: "$")
  authors: [String] @connect(source: "authors", http: { GET: "/authors" }, selection: "$")
}
`,
);

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  // The folder's module and bundle go with it; `current.ts` points at the shop's again, as `npm test` leaves it.
  rmSync(schemaModulePath(DIR), { force: true });
  rmSync(join(ROOT, 'dist', `worker-${basename(schemaModulePath(DIR), '.ts')}`), { recursive: true, force: true });
  buildSchemaModule(DEFAULT_SCHEMA_DIR);
});

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run serve -- --schema DIR ARGS` to its end; one that says it is ready is stopped, and fails the test. */
function serveUntilExit(args: string[]): Promise<Ended> {
  const child = spawn(process.execPath, ['--experimental-strip-types', SERVE, '--port', '0', '--schema', DIR, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (/ready http/.test(stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const REFUSALS: { name: string; args: string[]; message: string | RegExp }[] = [
  {
    name: 'an --origin-url that fits no single source',
    args: ['--origin-url', 'http://127.0.0.1:1', '--var', 'CONFIG_apiKey:key'],
    message: '[config] ORIGIN_URL is set but the schema has 2 sources without their own var: set ORIGIN_URL_BOOKS, ORIGIN_URL_AUTHORS instead',
  },
  {
    name: 'a source left with no http(s) base URL',
    args: ['--var', 'ORIGIN_URL_BOOKS:http://127.0.0.1:1', '--var', 'CONFIG_apiKey:key'],
    message: '[config] @source "authors" has no http(s) base URL ("<AUTHORS_URL>"): set ORIGIN_URL_AUTHORS',
  },
  {
    name: 'an ORIGIN_URL_<SOURCE> naming no source',
    args: ['--var', 'ORIGIN_URL_BOOKS:http://127.0.0.1:1', '--var', 'ORIGIN_URL_AUTHORS:http://127.0.0.1:1', '--var', 'ORIGIN_URL_PUBLISHERS:http://127.0.0.1:1', '--var', 'CONFIG_apiKey:key'],
    message: '[config] ORIGIN_URL_PUBLISHERS names no @source (sources: books, authors)',
  },
  {
    name: 'a $config value a connector reads and no var gives',
    args: ['--var', 'ORIGIN_URL_BOOKS:http://127.0.0.1:1', '--var', 'ORIGIN_URL_AUTHORS:http://127.0.0.1:1', '--var', 'CONFIG_AUTHORS_apiKey:not-the-books-key'],
    // The file as the build names it (relative to the project) and the line that reads the value.
    message: /^\[config\] @source "books": \$config\.apiKey, read by Query\.books \(\S+\/schema\.graphql:7\), has no value: set CONFIG_apiKey or CONFIG_BOOKS_apiKey$/m,
  },
];

describe('npm run serve refuses settings the gateway could not serve with', () => {
  for (const { name, args, message } of REFUSALS) {
    it(`${name}: exit code 1 and a [config] message, never "ready"`, async () => {
      const ended = await serveUntilExit(args);
      expect(ended.code, ended.stderr).toBe(1);
      expect(ended.stderr).toMatch(message);
      expect(ended.stdout).not.toMatch(/ready/);
    });
  }

  it('with every var given, the same folder builds and serves; GraphiQL opens on an empty editor, as the folder has no operations', async () => {
    const vars = ['ORIGIN_URL_BOOKS:http://127.0.0.1:1', 'ORIGIN_URL_AUTHORS:http://127.0.0.1:1', 'CONFIG_BOOKS_apiKey:key'].flatMap((pair) => ['--var', pair]);
    const served = await serve(['--port', '0', '--env', 'development', '--schema', DIR, ...vars]);
    try {
      expect((await fetch(`${served.urls[0]}/healthz`)).status).toBe(200);
      const page = await (await fetch(`${served.urls[0]}/graphql`, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('"defaultQuery":""');
      expect(page).not.toContain('query Products(');
    } finally {
      await stop(served.child);
    }
  }, STARTUP_MS);

  it('the Worker that build made, started without the key (a deployment lacking the secret), answers no GraphQL request and sends none upstream', async () => {
    const keys: (string | undefined)[] = [];
    const origin = createServer((request, response) => {
      keys.push(request.headers['x-api-key'] as string | undefined);
      response.setHeader('content-type', 'application/json').end('["Dune"]');
    });
    await new Promise<void>((listening) => origin.listen(0, '127.0.0.1', listening));
    const originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
    /** `{ books }` from the built Worker on workerd with these vars, past the command's own check, as `wrangler deploy` would put it. */
    const books = async (vars: Record<string, string>): Promise<number> => {
      const server = await startWorkerdServer({
        port: 0,
        scriptPath: join(ROOT, 'dist', `worker-${basename(schemaModulePath(DIR), '.ts')}`, 'index.js'),
        wrangler: { configPath: join(ROOT, 'wrangler.toml') },
        vars: { ORIGIN_URL_BOOKS: originUrl, ORIGIN_URL_AUTHORS: originUrl, LOG_REQUESTS: 'false', ...vars },
      });
      try {
        return (await fetch(`${server.url}/graphql`, postJson({ query: '{ books }' }))).status;
      } finally {
        await server.close();
      }
    };
    try {
      expect(await books({})).toBe(500);
      expect(keys).toEqual([]);
      // The control: with the secret, the same Worker sends it.
      expect(await books({ CONFIG_apiKey: 'key' })).toBe(200);
      expect(keys).toEqual(['key']);
    } finally {
      await new Promise((closed) => origin.close(closed));
    }
  });
});
