import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import type { ScriptedAnswer, ScriptedRequest } from './scripted-answers.ts';

/** Odd, so that multi-byte characters are split between chunks. */
const CHUNK_BYTES = 65_535;

/**
 * A test origin that answers what the test scripted (`POST /__script`, by
 * `METHOD /path`) and records every other request (`GET /__requests`): the
 * answers a hostile origin gives and the shop simulator never does (redirects
 * elsewhere, bombs, 429s, leaky messages, values that fit no type).
 */
export async function startScriptedOrigin(): Promise<{ url: string; close(): Promise<void> }> {
  let script: Record<string, ScriptedAnswer> = {};
  let requests: ScriptedRequest[] = [];

  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const { pathname } = new URL(req.url ?? '/', 'http://scripted');
    if (req.method === 'POST' && pathname === '/__script') {
      script = JSON.parse(body) as Record<string, ScriptedAnswer>;
      requests = [];
      return res.writeHead(204).end();
    }
    if (pathname === '/__requests') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers as Record<string, string>, body });
    const answer = script[`${req.method} ${pathname}`];
    if (!answer) return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not scripted"}}');
    await send(res, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the scripted origin is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function send(res: ServerResponse, { status = 200, reason, headers = {}, body = '', repeat = 1, gzip = false, stall = false }: ScriptedAnswer): Promise<void> {
  const plain = Buffer.from(body.repeat(repeat));
  const payload = gzip ? gzipSync(plain) : plain;
  res.writeHead(status, reason, { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...headers });
  if (stall) return void res.flushHeaders();
  const chunks = Array.from({ length: Math.ceil(payload.length / CHUNK_BYTES) }, (_, i) => payload.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  // The gateway may stop reading half-way: that is the point.
  await pipeline(Readable.from(chunks), res).catch(() => {});
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
