import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BlogErrorBody } from './types.ts';

export interface Reply {
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/** A failure the blog answers as `{ "error": { "message": "..." } }` with its status. */
export class BlogError extends Error {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;

  constructor(status: number, message: string, headers: OutgoingHttpHeaders = {}) {
    super(message);
    this.name = 'BlogError';
    this.status = status;
    this.headers = headers;
  }
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** JSONPlaceholder's answer for an unknown user or post: 404 with an empty object. */
export const NOT_FOUND: Reply = { status: 404, body: {} };

/** Anything thrown while handling a request, as an answer; unexpected errors are logged and answered 500 without detail. */
export function errorReply(error: unknown): Reply {
  if (!(error instanceof BlogError)) console.error('blog: unexpected error', error);
  const known = error instanceof BlogError ? error : new BlogError(500, 'internal error');
  const body: BlogErrorBody = { error: { message: known.message } };
  return { status: known.status, body, headers: known.headers };
}

export function sendReply(res: ServerResponse, { status, body, headers = {} }: Reply): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Requests Node cannot parse still get a JSON 400. */
export function rejectMalformedRequest(_error: Error, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const text = JSON.stringify({ error: { message: 'malformed HTTP request' } } satisfies BlogErrorBody);
  socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

/** The whole body as UTF-8; more than MAX_BODY_BYTES is a 413. */
export function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = new BlogError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    // Fires after 'end' too, when settling again is a no-op.
    req.once('close', () => reject(new BlogError(400, 'request body was not completely received')));
  });
}

/** A JSON object body; anything else is a 400. */
export function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BlogError(400, 'request body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BlogError(400, 'request body must be a JSON object');
  return value as Record<string, unknown>;
}
