import { OriginError } from './errors.ts';
import { decodeComponent, type Reply } from './http.ts';

/** The `:name` segments of the matched path: decoded, or as sent when the caller asks for them raw. */
export interface RouteParams {
  get(name: string): string;
}

export interface Route<C> {
  method: string;
  /** Literal segments and `:name` parameters, e.g. `/api/products/:id`. */
  pattern: string;
  handle(context: C, params: RouteParams): Reply;
}

/** Handlers by path pattern, then method; a pattern's methods, in this order, are what its 405 allows. */
type RouteTable<C> = Record<string, Record<string, Route<C>['handle']>>;

export function routesByPath<C>(table: RouteTable<C>): Route<C>[] {
  return Object.entries(table).flatMap(([pattern, handlers]) =>
    Object.entries(handlers).map(([method, handle]) => ({ method, pattern, handle })),
  );
}

export interface RouteMatch<C> {
  /** Method and pattern, e.g. `GET /api/products/:id`; undefined when no route matched. */
  key: string | undefined;
  /** Runs the handler, or throws the 400/404/405 that the request deserves. */
  run(context: C): Reply;
}

/** `decode: false` keeps parameters percent-encoded, for an API that matches them as written and never rejects an escape. */
export function matchRoute<C>(routes: readonly Route<C>[], method: string, path: string, decode = true): RouteMatch<C> {
  const segments = path.split('/');
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (params === undefined) continue;
    if (route.method === method) {
      return { key: `${route.method} ${route.pattern}`, run: (context) => route.handle(context, routeParams(params, decode)) };
    }
    allowed.push(route.method);
  }
  const error =
    allowed.length > 0
      ? new OriginError('METHOD_NOT_ALLOWED', `${method} is not allowed here`, { allow: allowed.join(', ') })
      : new OriginError('NOT_FOUND', 'no such endpoint');
  return {
    key: undefined,
    run: () => {
      throw error;
    },
  };
}

/** The raw parameters when the path fits the pattern, else undefined. */
function matchPattern(pattern: string, segments: readonly string[]): Map<string, string> | undefined {
  const expected = pattern.split('/');
  if (expected.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [index, part] of expected.entries()) {
    const segment = segments[index];
    if (part.startsWith(':') && segment) params.set(part.slice(1), segment);
    else if (part !== segment) return undefined;
  }
  return params;
}

function routeParams(raw: ReadonlyMap<string, string>, decode: boolean): RouteParams {
  const values = decode ? new Map([...raw].map(([name, value]) => [name, decodeComponent(value, 'path')])) : raw;
  return {
    get(name) {
      const value = values.get(name);
      if (value === undefined) throw new Error(`route has no :${name} parameter`);
      return value;
    },
  };
}
