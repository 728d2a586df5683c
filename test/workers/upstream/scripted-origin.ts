import type { GraphQLErrorExtensions } from 'graphql';
import { inject, type ProvidedContext } from 'vitest';
import { upstreamToGraphQL } from '../../../src/connect/upstream-to-graphql.ts';
import { UpstreamError } from '../../../src/upstream/upstream-error.ts';
import { fetchWorker, type GraphQLBody } from '../helpers.ts';
import type { ScriptedAnswer, ScriptedRequest } from '../setup/scripted-answers.ts';

/** A scripted origin (test/workers/setup/scripted-origin.ts) as a test sees it. */
export interface ScriptedOrigin {
  url: string;
  /** Replaces the script and forgets the requests received so far. */
  script(answers: Record<string, ScriptedAnswer>): Promise<void>;
  /** Every request received since the last `script`, in order. */
  requests(): Promise<ScriptedRequest[]>;
}

export function scriptedOrigin(name: keyof ProvidedContext['scriptedOrigins']): ScriptedOrigin {
  const url = inject('scriptedOrigins')[name];
  return {
    url,
    async script(answers) {
      const response = await fetch(`${url}/__script`, { method: 'POST', body: JSON.stringify(answers) });
      if (!response.ok) throw new Error(`scripting ${name} failed: ${response.status}`);
    },
    async requests() {
      return (await (await fetch(`${url}/__requests`)).json()) as ScriptedRequest[];
    },
  };
}

/** A failed call as the client sees it (`code`, `message`, `extensions`) and as the transport keeps it for logs (`status`, `detail`: the request line and the body). */
export interface OriginFailure {
  code: unknown;
  message: string;
  extensions: GraphQLErrorExtensions;
  status: number | undefined;
  detail: string;
  error: UpstreamError;
}

/** The `UpstreamError` a call fails with, and what the resolver boundary makes of it; fails the test if the call succeeds or fails otherwise. */
export async function originFailure(call: Promise<unknown>): Promise<OriginFailure> {
  const error = await call.then(
    (answer) => new Error(`expected an UpstreamError, got ${JSON.stringify(answer)}`),
    (error: unknown) => error,
  );
  if (!(error instanceof UpstreamError)) throw error;
  const { message, extensions } = upstreamToGraphQL(error);
  const detail = error.data === undefined ? error.message : `${error.message} ${JSON.stringify(error.data)}`;
  return { code: extensions.code, message, extensions, status: error.status, detail, error };
}

/** One GraphQL request to the gateway under other vars (another `ORIGIN_URL`, say); build each `target` once per file. */
export async function gqlWith<T = Record<string, unknown>>(target: Env, query: string, headers: Record<string, string> = {}) {
  const response = await fetchWorker(target, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { headers: response.headers, body: (await response.json()) as GraphQLBody<T> };
}
