import { BlogError, type Reply } from './http.ts';

export interface Route<C> {
  method: string;
  /** Literal segments and `:name` parameters, e.g. `/posts/:id`. */
  pattern: string;
  /** `params` holds the raw (still percent-encoded) `:name` segments. */
  handle(context: C, params: ReadonlyMap<string, string>): Reply;
}

export interface RouteMatch<C> {
  /** `GET /posts/:id`, the key the stats count under; undefined when no route matched. */
  key: string | undefined;
  /** Runs the handler, or throws the 404 or 405 the request deserves. */
  run(context: C): Reply;
}

export function matchRoute<C>(routes: readonly Route<C>[], method: string, path: string): RouteMatch<C> {
  const segments = path.split('/');
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (params === undefined) continue;
    if (route.method === method) return { key: `${route.method} ${route.pattern}`, run: (context) => route.handle(context, params) };
    allowed.push(route.method);
  }
  const error = allowed.length > 0 ? new BlogError(405, `${method} is not allowed here`, { allow: allowed.join(', ') }) : new BlogError(404, 'no such endpoint');
  return {
    key: undefined,
    run: () => {
      throw error;
    },
  };
}

function matchPattern(pattern: string, segments: readonly string[]): Map<string, string> | undefined {
  const expected = pattern.split('/');
  if (expected.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [index, part] of expected.entries()) {
    const segment = segments[index]!;
    if (part.startsWith(':') && segment !== '') params.set(part.slice(1), segment);
    else if (part !== segment) return undefined;
  }
  return params;
}
