import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { OriginError, type ErrorStyle } from './errors.ts';

export interface Reply {
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Turns anything thrown while handling a request into an answer without leaking internals. */
export function errorReply(error: unknown, style: ErrorStyle): Reply {
  const known = error instanceof OriginError ? error : internalError(error, style);
  return { status: known.status, body: style.errorBody(known), headers: known.headers };
}

function internalError(error: unknown, style: ErrorStyle): OriginError {
  console.error(`${style.name}: unexpected error`, error);
  return new OriginError('INTERNAL', 'internal error');
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  sendJsonText(res, reply.status, JSON.stringify(reply.body), reply.headers);
}

export function sendJsonText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Requests Node cannot even parse still get a JSON error rather than Node's plain-text default. */
export function rejectMalformedRequest(socket: Duplex, style: ErrorStyle): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const text = JSON.stringify(errorReply(new OriginError('BAD_REQUEST', 'malformed HTTP request'), style).body);
  socket.end(
    'HTTP/1.1 400 Bad Request\r\n' +
      `content-type: ${JSON_TYPE}\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\n` +
      'connection: close\r\n\r\n' +
      text,
  );
}

/** A request target split into its raw (still percent-encoded) path and query. */
export interface RequestTarget {
  path: string;
  query: string;
}

export function splitTarget(url: string): RequestTarget {
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}

/** Like `new URLSearchParams`, but rejects malformed percent-encoding instead of passing it through. */
export function parseQuery(query: string): URLSearchParams {
  for (const part of query.split(/[&=]/)) decodeComponent(part.replaceAll('+', ' '), 'query string');
  return new URLSearchParams(query);
}

export function decodeComponent(raw: string, where: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new OriginError('BAD_REQUEST', `malformed percent-encoding in ${where}`);
  }
}

/** Reads the whole body as UTF-8, refusing more than MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = new OriginError('PAYLOAD_TOO_LARGE', `request body exceeds ${MAX_BODY_BYTES} bytes`, {
    connection: 'close',
  });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        reject(tooLarge);
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    const incomplete = (): void => reject(new OriginError('BAD_REQUEST', 'request body was not completely received'));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', incomplete);
    // Fires after 'end' too, when settling again is a no-op.
    req.once('close', incomplete);
  });
}

/** Parses a JSON request body; an empty or invalid body is a 400 with `message`. */
export function parseJson(body: string, message = 'request body must be valid JSON'): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new OriginError('BAD_REQUEST', message);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
