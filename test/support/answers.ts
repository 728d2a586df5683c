/**
 * GraphQL-over-HTTP answers as the tests read them, and the requests they
 * send: plain fetch API, so that the workers pool and the contract suite
 * against the production build (Node) share them.
 */

export const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };

/** A GraphQL-over-HTTP answer as the guards write it, or as Yoga does. */
export interface ErrorBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; locations?: { line: number; column: number }[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** `undefined` when the body is not JSON (or empty). */
  body: ErrorBody | undefined;
}

export async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function postJson(value: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

export function graphqlPath(params: Record<string, string>): string {
  return `/graphql?${new URLSearchParams(params)}`;
}

export function codes(body: ErrorBody | undefined): (string | undefined)[] {
  return (body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Refused: a 4xx, or a 200 whose `errors` say why (GraphQL over HTTP with `application/json`). */
export function isRefusal({ status, body }: Answer): boolean {
  if (status >= 400 && status < 500) return true;
  return status === 200 && (body?.errors?.length ?? 0) > 0;
}
