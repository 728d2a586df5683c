/**
 * A REST origin that does not play fair, for the trust-boundary contract
 * suite (test/contract/trust-boundary.test.ts), and an INTERNAL service
 * beside it that the gateway must never reach.
 *
 * The origin echoes the caller's identity (so that an answer served to the
 * wrong caller shows), answers per caller while saying nothing or saying
 * `private`, redirects to itself, to another host and in circles, sends a
 * gzip bomb, 20 MB, a body that never ends, JSON nested 100,000 deep, numbers
 * no Int can hold, 204s with a body, 429s, and error messages that name its
 * internals. Both servers record every request they receive (method, path,
 * headers, body), readable in process (`requests()`, `count()`, `reset()`)
 * or over HTTP (`GET /__hostile/requests`, `POST /__hostile/reset`, which are
 * not recorded).
 *
 * Routes of the origin (everything else is 404 with a JSON error):
 *
 * | route | answer |
 * | --- | --- |
 * | `GET /plain` | `{ ok: true, where: "plain" }` |
 * | `GET /me` | `{ id, name, secret }` of `Authorization: Bearer <id>` (`alice` → `alice-secret`); none: 401 |
 * | `GET /me-by-cookie` | the same from `Cookie: session=<id>`; none: 401 |
 * | `GET /tenant` | `{ tenant, data }` of the `x-tenant` header; none: 400 |
 * | `GET /private-answer` | `{ counter }`, one more each time, with `Cache-Control: private, no-store` and a `Set-Cookie` |
 * | `GET /redirect/same` | 302 to `/plain` (relative) |
 * | `GET /redirect/303` | 303 to `/plain` (absolute, this origin) |
 * | `GET /redirect/other` | 302 to the internal service |
 * | `* /redirect/307-other` | 307 to the internal service (a POST's body would follow) |
 * | `GET /redirect/loop` | 302 to itself, forever |
 * | `GET /mapped-error` | 400 `{ error: { code, message, http: { status: 418, headers } } }`: an error body that names the gateway's own HTTP status and headers |
 * | `GET /links` | `{ self, other }`: whole URLs, to `/plain` on this origin and to the internal service |
 * | `GET /bomb` | about 1 MB of `Content-Encoding: gzip` that expands to 1 GiB of zeros |
 * | `GET /big` | about 20 MB of plain JSON |
 * | `GET /endless` | JSON bytes until the client goes away |
 * | `GET /large-raw` | about 5 MB of JSON, of which the schema selects `id` and `name` |
 * | `GET /deep` | an array nested 100,000 deep |
 * | `GET /huge-int` | `{"count": 1e400}`, as raw text |
 * | `GET /not-int` | `{"count": "unknown"}` |
 * | `GET /no-content` | 204 with a JSON body anyway (written on the socket: Node drops a 204's body) |
 * | `GET /rate-limited` | 429, `Retry-After: 30` |
 * | `GET /rate-limited-long` | 429, `Retry-After: 3600` |
 * | `GET /leaky-error` | 400 whose message names an internal URL and a stack |
 * | `GET /plain-error` | 400 `quantity must be positive` |
 *
 * Plain node:http, each server on port 0 of 127.0.0.1.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendJsonText, splitTarget } from '../../../simulator/http.ts';
import { hostileBodies, type HostileBodies } from './bodies.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/redirect/loop`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body as UTF-8 ('' for none; filled in once it is read). */
  body: string;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request received since the last reset, oldest first. */
  requests(): RecordedRequest[];
  /** Requests received since the last reset, all or those to `path` (compared without the query string). */
  count(path?: string): number;
  /** Forgets the recorded requests (and the origin's counters). */
  reset(): void;
  /** Stops listening and ends every connection, streaming ones included. Safe to call twice. */
  close(): Promise<void>;
}

export interface HostileOrigin extends RecordingServer {
  /** Bytes /endless wrote before its clients went away, since the last reset. */
  endlessBytesSent(): number;
}

export const IDENTITY_MISSING = 'missing or malformed credentials';
export const TENANT_MISSING = 'x-tenant is required';
export const LEAKY_MESSAGE = 'bad input; see http://10.1.2.3:8080/debug stack: Error at Object.<anonymous> (/srv/app.js:1:1)';
export const PLAIN_ERROR_MESSAGE = 'quantity must be positive';
export const INTERNAL_ANSWER = { internal: 'leaked' };

/** What /me and /me-by-cookie answer for a caller id. */
export function profileOf(id: string): { id: string; name: string; secret: string } {
  return { id, name: id.charAt(0).toUpperCase() + id.slice(1), secret: `${id}-secret` };
}

/** What /tenant answers for a tenant. */
export function tenantOf(tenant: string): { tenant: string; data: string } {
  return { tenant, data: `records of ${tenant}` };
}

const ADMIN_PREFIX = '/__hostile/';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A server on 127.0.0.1, port 0, that records each request (before `handle`
 * sees it) and serves the recording under /__hostile/.
 */
async function startRecording(handle: Handler, onReset: () => void = () => {}): Promise<RecordingServer & { server: Server }> {
  let recorded: RecordedRequest[] = [];
  const reset = () => {
    recorded = [];
    onReset();
  };
  const server = createServer((req, res) => {
    const { path } = splitTarget(req.url ?? '/');
    if (path.startsWith(ADMIN_PREFIX)) {
      if (path === `${ADMIN_PREFIX}requests`) return sendJsonText(res, 200, JSON.stringify(recorded));
      if (path === `${ADMIN_PREFIX}reset` && req.method === 'POST') {
        reset();
        return sendJsonText(res, 200, JSON.stringify({ ok: true }));
      }
      return sendJsonText(res, 404, JSON.stringify({ error: { message: 'no such admin route' } }));
    }
    const entry: RecordedRequest = { method: req.method ?? '', path: req.url ?? '/', headers: { ...req.headers }, body: '' };
    recorded.push(entry);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      entry.body = Buffer.concat(chunks).toString('utf8');
      void Promise.resolve(handle(req, res)).catch((error: unknown) => {
        console.error('[hostile-origin] handler failed', error);
        if (!res.headersSent) sendJsonText(res, 500, JSON.stringify({ error: { message: 'handler failed' } }));
        else res.destroy();
      });
    });
  });
  // A client that sends something Node cannot parse just loses the connection.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('[hostile-origin] not listening on a TCP port');
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests: () => recorded.map((each) => ({ ...each })),
    count: (path?: string) => (path === undefined ? recorded.length : recorded.filter((each) => splitTarget(each.path).path === path).length),
    reset,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/** The service behind the origin that nothing from outside may reach: it records, and would answer `{ "internal": "leaked" }`. */
export async function startInternalService(): Promise<RecordingServer> {
  const { server: _server, ...running } = await startRecording((_req, res) => sendJsonText(res, 200, JSON.stringify(INTERNAL_ANSWER)));
  return running;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

function errorJson(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { error: { message } }, headers);
}

function raw(res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location, 'content-type': 'application/json', 'content-length': 2 });
  res.end('{}');
}

/** `Bearer alice` → `alice`; anything else → undefined. */
function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '')?.[1];
}

/** `a=1; session=alice` → `alice`. */
function sessionOf(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === 'session' && value && /^[A-Za-z0-9_-]+$/.test(value)) return value;
  }
  return undefined;
}

/**
 * Writes JSON bytes as fast as the client reads them, for as long as it
 * stays: `{"ok":true,"where":"endless","pad":["zzz...","zzz...",...` with no end.
 */
function streamForever(res: ServerResponse, onBytes: (n: number) => void): void {
  const chunk = Buffer.from(`"${'z'.repeat(64 * 1024 - 4)}",`);
  let open = true;
  res.once('close', () => {
    open = false;
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"ok":true,"where":"endless","pad":[');
  const pump = (): void => {
    while (open) {
      onBytes(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** The hostile origin. `internalUrl` is where its cross-host redirects point. */
export async function startHostileOrigin({ internalUrl }: { internalUrl: string }): Promise<HostileOrigin> {
  const bodies: HostileBodies = await hostileBodies();
  let counter = 0;
  let endlessBytes = 0;
  let selfUrl = '';

  const routes: Record<string, Handler> = {
    '/plain': (_req, res) => json(res, 200, { ok: true, where: 'plain' }),
    '/me': (req, res) => {
      const id = bearerOf(req.headers.authorization);
      if (!id) return errorJson(res, 401, IDENTITY_MISSING, { 'www-authenticate': 'Bearer' });
      json(res, 200, profileOf(id));
    },
    '/me-by-cookie': (req, res) => {
      const id = sessionOf(req.headers.cookie);
      if (!id) return errorJson(res, 401, IDENTITY_MISSING);
      json(res, 200, profileOf(id));
    },
    '/tenant': (req, res) => {
      const tenant = req.headers['x-tenant'];
      if (typeof tenant !== 'string' || !tenant) return errorJson(res, 400, TENANT_MISSING);
      json(res, 200, tenantOf(tenant));
    },
    '/private-answer': (_req, res) => {
      counter += 1;
      json(res, 200, { counter }, { 'cache-control': 'private, no-store', 'set-cookie': `sid=visit-${counter}; Path=/; HttpOnly` });
    },
    '/redirect/same': (_req, res) => redirect(res, 302, '/plain'),
    '/redirect/303': (_req, res) => redirect(res, 303, `${selfUrl}/plain`),
    '/redirect/other': (_req, res) => redirect(res, 302, `${internalUrl}/admin/secrets`),
    '/redirect/307-other': (_req, res) => redirect(res, 307, `${internalUrl}/admin/secrets`),
    '/redirect/loop': (_req, res) => redirect(res, 302, '/redirect/loop'),
    '/mapped-error': (_req, res) => json(res, 400, { error: { code: 'TEAPOT', message: 'short and stout', http: { status: 418, headers: { 'set-cookie': 'planted=1', 'x-from-origin': 'yes' } } } }),
    '/links': (_req, res) => json(res, 200, { self: `${selfUrl}/plain`, other: `${internalUrl}/admin/secrets` }),
    '/bomb': (_req, res) => raw(res, 200, bodies.bomb, { 'content-encoding': 'gzip' }),
    '/big': (_req, res) => raw(res, 200, bodies.big),
    '/endless': (_req, res) =>
      streamForever(res, (n) => {
        endlessBytes += n;
      }),
    '/large-raw': (_req, res) => raw(res, 200, bodies.largeRaw),
    '/deep': (_req, res) => raw(res, 200, bodies.deep),
    '/huge-int': (_req, res) => raw(res, 200, '{"count": 1e400}'),
    '/not-int': (_req, res) => json(res, 200, { count: 'unknown' }),
    '/no-content': (req, res) => {
      // Node refuses to write a 204's body, so the answer goes on the socket as is; `connection: close` so that the body cannot be read as the next response.
      const body = JSON.stringify({ ok: true, where: 'no-content' });
      res.detachSocket(req.socket);
      req.socket.end(`HTTP/1.1 204 No Content\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
    '/rate-limited': (_req, res) => errorJson(res, 429, 'slow down', { 'retry-after': '30' }),
    '/rate-limited-long': (_req, res) => errorJson(res, 429, 'come back in an hour', { 'retry-after': '3600' }),
    '/leaky-error': (_req, res) => errorJson(res, 400, LEAKY_MESSAGE),
    '/plain-error': (_req, res) => errorJson(res, 400, PLAIN_ERROR_MESSAGE),
  };

  const running = await startRecording(
    (req, res) => {
      const route = routes[splitTarget(req.url ?? '/').path];
      if (!route) return errorJson(res, 404, 'no such route');
      return route(req, res);
    },
    () => {
      counter = 0;
      endlessBytes = 0;
    },
  );
  selfUrl = running.url;
  const { server: _server, ...rest } = running;
  return { ...rest, endlessBytesSent: () => endlessBytes };
}
