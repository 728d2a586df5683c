/** What the scripted origins (scripted-origin.ts) answer, and what they record: shared by the server and the tests that script it. */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Three scripted origins, each its own origin (port): the one under test, another one, and one for the gateway's 429s. */
    scriptedOrigins: { main: string; elsewhere: string; limited: string };
  }
}

/** What a scripted origin answers to one `METHOD /path` (the query string aside). */
export interface ScriptedAnswer {
  /** Default 200. */
  status?: number;
  /** The reason phrase, e.g. one that names an internal host. */
  reason?: string;
  headers?: Record<string, string>;
  /** Sent as it is: the test writes the JSON, so that it can be invalid, hostile or huge. */
  body?: string;
  /** `body` this many times over, without a Content-Length (chunked): its size is known only by reading it. */
  repeat?: number;
  /** Gzipped, with `Content-Encoding: gzip`: a small body that expands, when `repeat` is large. */
  gzip?: boolean;
  /** The status and headers, then nothing until the connection closes: a body that must not be waited for. */
  stall?: boolean;
}

/** One request a scripted origin received. */
export interface ScriptedRequest {
  method: string;
  /** With the query string. */
  url: string;
  headers: Record<string, string>;
  body: string;
}
