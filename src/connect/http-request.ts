import { GraphQLError } from 'graphql';
import type { OriginRequest } from '../origin/client.ts';
import type { ConnectorPlan, HeaderRule } from './connector-plan.ts';
import { applySelection, type Variables } from './selection.ts';
import { expandTemplate } from './template.ts';

export interface ConnectorRequest extends OriginRequest {
  /** Method, URL and the values of the forwarded headers: everything the answer may vary on. */
  cacheKey: string;
}

/** The client headers (lower-case) a connector copies into its requests: the answer may differ by their values. */
export function forwardedHeaders(connector: ConnectorPlan): string[] {
  return rulesOf(connector).flatMap((rule) => ('from' in rule ? [rule.from.toLowerCase()] : []));
}

/** The request a connector makes for these variables: the source's base URL (as configured), path, query, headers and JSON body. */
export function buildRequest(connector: ConnectorPlan, variables: Variables, baseUrl: string, incoming: Headers): ConnectorRequest {
  const http = connector.http!;
  const paths = expandTemplate(http.path, undefined, variables, encodeURIComponent);
  if (paths.length !== 1) {
    throw new GraphQLError(`${connector.name}: the request path "${http.path.source}" needs one value for each {...}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const url = new URL(baseUrl + paths[0]);
  const query = http.queryParams ? applySelection(http.queryParams, undefined, variables) : undefined;
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    for (const each of Array.isArray(value) ? value.flat(Infinity) : [value]) {
      if (each != null) url.searchParams.append(name, typeof each === 'object' ? JSON.stringify(each) : String(each));
    }
  }
  const headers: Record<string, string> = {};
  const varying: string[] = [];
  for (const rule of rulesOf(connector)) {
    if ('value' in rule) headers[rule.name] = rule.value;
    else {
      const value = incoming.get(rule.from);
      if (value === null) continue;
      headers[rule.name] = value;
      varying.push(`${rule.name}=${value}`);
    }
  }
  const body = http.body ? applySelection(http.body, undefined, variables) : undefined;
  const cacheKey = [`${http.method} ${url.href}`, ...varying.sort()].join('\n');
  return { method: http.method, url: url.href, headers, body, cacheKey };
}

function rulesOf(connector: ConnectorPlan): HeaderRule[] {
  return [...(connector.source?.headers ?? []), ...(connector.http?.headers ?? [])];
}
