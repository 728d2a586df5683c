/**
 * One HTTP server standing in for the public APIs that Apollo's community
 * connectors call (apollographql/connectors-community): each API under its own
 * first path segment, answering the JSON its documentation shows, from a few
 * fixed records (examples/community/apis/*.ts). `check.ts` points a
 * connector's `@source` here with `ORIGIN_URL_<SOURCE>`.
 *
 * `node --experimental-strip-types examples/community/simulator.ts [--port 4030]`
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../simulator/command-line.ts';
import { serve, type RunningOrigin } from '../../simulator/lifecycle.ts';
import { anthropic } from './apis/anthropic.ts';
import { artic } from './apis/artic.ts';
import { bored } from './apis/bored.ts';
import { ecomm } from './apis/ecomm.ts';
import { googleTimezone } from './apis/google-timezone.ts';
import { heygen } from './apis/heygen.ts';
import { jsonPlaceholder } from './apis/jsonplaceholder.ts';
import { met } from './apis/met.ts';
import { nominatim } from './apis/nominatim.ts';
import { nws } from './apis/nws.ts';
import { openai } from './apis/openai.ts';
import { pokeapi } from './apis/pokeapi.ts';
import { stripe } from './apis/stripe.ts';
import { thespacedevs } from './apis/thespacedevs.ts';
import { tint } from './apis/tint.ts';
import { todoist } from './apis/todoist.ts';
import { twilio } from './apis/twilio.ts';
import { usgs } from './apis/usgs.ts';
import { zendesk } from './apis/zendesk.ts';

/** The key every API that wants one accepts (`--var CONFIG_apiKey:test-key` in check.ts). */
export const API_KEY = 'test-key';

export interface ApiRequest {
  method: string;
  /** The path below the API's prefix, as the real API sees it: `/api/v2/pokemon/ditto`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** This server and the API's prefix, `http://127.0.0.1:4030/pokeapi`: where the API's own links (`next`, `detail`) point. */
  base: string;
}

export interface Reply {
  status: number;
  /** A JSON body; `text` instead for the APIs that answer some errors in plain text. */
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface Api {
  /** The first path segment it is served under: `pokeapi`. */
  prefix: string;
  /**
   * A fresh copy of the API's records: each server has its own, so that a
   * write in one run is not seen by the next.
   */
  create(): (request: ApiRequest) => Reply;
}

export const APIS: readonly Api[] = [
  anthropic,
  artic,
  bored,
  ecomm,
  googleTimezone,
  heygen,
  jsonPlaceholder,
  met,
  nominatim,
  nws,
  openai,
  pokeapi,
  stripe,
  thespacedevs,
  tint,
  todoist,
  twilio,
  usgs,
  zendesk,
];

/** What the simulator was asked and answered, for a check that fails. */
export interface Exchange {
  method: string;
  url: string;
  /** The request's `Content-Type` and body, when it has one. */
  sent?: string;
  status: number;
}

export interface RunningSimulator extends RunningOrigin {
  /** Every request so far, oldest first. */
  exchanges: Exchange[];
}

export function json(body: unknown, status = 200): Reply {
  return { status, json: body };
}

export function text(body: string, status: number): Reply {
  return { status, text: body };
}

/** The `:name` parameters when `path` fits `pattern` (`/api/v2/pokemon/:name`), decoded; else undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const segment = got[index]!;
    if (part.startsWith(':') && segment !== '') params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return undefined;
  }
  return params;
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearer(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
}

/** A deep copy of fixed records, so that each server's writes stay its own. */
export function copy<T>(records: T): T {
  return structuredClone(records);
}

export async function startCommunitySimulator({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<RunningSimulator> {
  const handlers = new Map(APIS.map((api) => [api.prefix, api.create()]));
  const exchanges: Exchange[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const handle = handlers.get(prefix);
    let reply: Reply;
    try {
      reply = handle
        ? handle({ method: req.method ?? 'GET', path: `/${rest.join('/')}`, query: url.searchParams, headers: req.headers, body, base: `${url.origin}/${prefix}` })
        : json({ error: `no simulated API is served under /${prefix}` }, 404);
    } catch (error) {
      // A malformed escape in a path, or a body that is not JSON: the request's fault, as a real API would say.
      reply = json({ error: error instanceof Error ? error.message : String(error) }, 400);
    }
    exchanges.push({ method: req.method ?? 'GET', url: url.pathname + url.search, ...(body ? { sent: `${req.headers['content-type'] ?? 'no content-type'}: ${body}` } : {}), status: reply.status });
    const answer = reply.text ?? JSON.stringify(reply.json);
    res.writeHead(reply.status, { 'content-type': reply.text === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(answer), ...reply.headers });
    res.end(answer);
  });
  return {
    ...(await serve(server, port, host, 'the community simulator')),
    exchanges,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runCommand({
    name: 'community',
    usage: `usage: node --experimental-strip-types examples/community/simulator.ts [--port 4030] [--host 127.0.0.1]
  serves ${APIS.map((api) => `/${api.prefix}`).join(', ')}`,
    defaultPort: 4030,
    numericFlags: [],
    start: startCommunitySimulator,
    readyLine: (url) => `ready ${url}`,
  });
}
