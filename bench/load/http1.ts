/**
 * A keep-alive HTTP/1.1 connection for the open-loop generator: it writes one
 * prepared request at a time and reads of each answer only its status, its
 * `x-cache` header and its body (content-length or chunked). node:http's
 * client spends several times the CPU per request, CPU that on two cores the
 * system under test would lose.
 */
import { connect, type Socket } from 'node:net';
import type { Target } from './types.ts';

export interface Answer {
  status: number;
  /** A 2xx whose body carries GraphQL errors. */
  graphqlErrors: boolean;
  stale: boolean;
}

/** The request's bytes, written as they are for every request. */
export function prepareRequest({ url, method, headers = {} }: Target, body: string): Buffer {
  const { host, pathname, search } = new URL(url);
  const lines = [`${method} ${pathname}${search} HTTP/1.1`, `host: ${host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (body) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

const MALFORMED = Symbol('malformed');

/** One answer at the start of `buffer` and its length in bytes; undefined until all of it has arrived. */
function parseAnswer(buffer: Buffer): { answer: Answer; length: number; close: boolean } | undefined | typeof MALFORMED {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const contentLength = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  let body: Buffer;
  let length: number;
  if (contentLength !== undefined) {
    length = headEnd + 4 + Number(contentLength);
    if (buffer.length < length) return undefined;
    body = buffer.subarray(headEnd + 4, length);
  } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const chunks: Buffer[] = [];
    let at = headEnd + 4;
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
      if (Number.isNaN(size)) return MALFORMED;
      if (size === 0) {
        // The last chunk, then trailers if any, then an empty line.
        const end = buffer.indexOf('\r\n\r\n', lineEnd);
        if (end < 0) return undefined;
        length = end + 4;
        break;
      }
      if (buffer.length < lineEnd + 2 + size + 2) return undefined;
      chunks.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(chunks);
  } else if (status === 204 || status === 304) {
    length = headEnd + 4;
    body = Buffer.alloc(0);
  } else {
    // An answer delimited by closing the connection: not something a keep-alive benchmark can use.
    return MALFORMED;
  }
  return {
    answer: { status, graphqlErrors: status >= 200 && status < 300 && body.includes('"errors"'), stale: /\r\nx-cache:\s*STALE\b/i.test(head) },
    length,
    close: /\r\nconnection:\s*close/i.test(head),
  };
}

export class KeepAliveConnection {
  #socket: Socket;
  #request: Buffer;
  #received = Buffer.alloc(0);
  #done: ((answer: Answer | undefined) => void) | undefined;
  #sentAt = 0;
  closed = false;

  constructor(url: string, request: Buffer) {
    const { hostname, port } = new URL(url);
    this.#request = request;
    this.#socket = connect({ host: hostname, port: Number(port) || 80, noDelay: true });
    this.#socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#socket.on('error', () => this.#close());
    this.#socket.on('close', () => this.#close());
  }

  /** Writes the request; `done` gets its answer, or undefined if the connection failed first. One request at a time. */
  send(done: (answer: Answer | undefined) => void, now: number): void {
    this.#done = done;
    this.#sentAt = now;
    this.#socket.write(this.#request);
  }

  /** Closes the connection if its answer has been awaited since before `deadline`: the request fails. */
  expireIfSentBefore(deadline: number): void {
    if (this.#done && this.#sentAt < deadline) this.#close();
  }

  close(): void {
    this.#close();
  }

  #onData(chunk: Buffer): void {
    this.#received = this.#received.length ? Buffer.concat([this.#received, chunk]) : chunk;
    const parsed = parseAnswer(this.#received);
    if (parsed === undefined) return;
    if (parsed === MALFORMED) return this.#close();
    this.#received = this.#received.subarray(parsed.length);
    const done = this.#done;
    this.#done = undefined;
    if (parsed.close) {
      this.closed = true;
      this.#socket.destroy();
    }
    done?.(parsed.answer);
  }

  #close(): void {
    this.closed = true;
    this.#socket.destroy();
    const done = this.#done;
    this.#done = undefined;
    done?.(undefined);
  }
}
