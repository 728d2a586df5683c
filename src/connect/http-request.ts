import { GraphQLError } from 'graphql';
import type { OriginRequest } from '../upstream/client.ts';
import type { ConnectorPlan, HeaderRule } from './connector-plan.ts';
import { formBody } from './form-body.ts';
import { scalarText } from './mapping/json.ts';
import { applySelection, type Selection, type Variables } from './selection.ts';
import { interpolate } from './template.ts';

export interface ConnectorRequest extends OriginRequest {
  /** Method, URL and the values of the forwarded headers: everything the answer may vary on. */
  cacheKey: string;
}

/** What a connector's source gives its requests: where it is, and its `$config`. */
export interface SourceSettings {
  /** The source's base URL as configured; empty for a connector without a source. */
  baseUrl: string;
  /** `scheme://host:port` where a URL taken from the data may lead: the connector's own source's (its headers and `$config` go with the call), or for a connector without a source, any declared source's. */
  origins: ReadonlySet<string>;
  config: Record<string, string>;
}

/** The client headers (lower-case) a connector copies into its requests (`from:`, or `$request.headers.x`): the answer may differ by their values. */
export function forwardedHeaders(connector: ConnectorPlan): string[] {
  return [...new Set([...rulesOf(connector).flatMap((rule) => ('from' in rule ? [rule.from] : [])), ...connector.requestHeaders])];
}

/**
 * The variables a connector's request and selection may read beside the
 * field's: `$config`, `$env`, `$context` (nothing: this gateway runs no
 * coprocessor) and `$request.headers`, holding only the client headers the
 * connector names, each as a list of values, as Apollo does.
 */
export function connectorVariables(connector: ConnectorPlan, variables: Variables, settings: SourceSettings, env: Record<string, string>, incoming: Headers): Variables {
  const headers: Record<string, string[]> = {};
  for (const name of connector.requestHeaders) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = [value];
  }
  return { ...variables, config: settings.config, env, context: {}, request: { headers } };
}

/** The request a connector makes for these variables: the source's base URL (as configured), path, query, headers and JSON body. */
export function buildRequest(connector: ConnectorPlan, variables: Variables, settings: SourceSettings, incoming: Headers): ConnectorRequest {
  const http = connector.http!;
  const url = requestUrl(connector, variables, settings);
  // The source's query parameters, then the connector's.
  for (const selection of [connector.source?.requestParts?.queryParams, http.queryParams]) {
    const query = selection && applySelection(selection, undefined, variables, 'omit');
    for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
      for (const each of Array.isArray(value) ? value.flat(Infinity) : [value]) {
        if (each != null) url.searchParams.append(name, typeof each === 'object' ? JSON.stringify(each) : String(each));
      }
    }
  }
  const headers: Record<string, string> = {};
  const varying: string[] = [];
  for (const rule of rulesOf(connector)) {
    if ('value' in rule) {
      const made = rule.template ? interpolate(rule.template, undefined, variables) : { text: rule.value };
      if ('error' in made) throw badInput(connector, `header ${rule.name}: ${made.error}`);
      // A value that would end the header and start another (a client's argument in a template) is refused, not sent.
      if (/[\r\n\0]/.test(made.text)) throw badInput(connector, `header ${rule.name}: a value may not hold a line break`);
      headers[rule.name] = made.text;
      continue;
    }
    const value = incoming.get(rule.from);
    if (value === null) continue;
    headers[rule.name] = value;
    varying.push(`${rule.name}=${value}`);
  }
  // The client headers its expressions read, as connectorVariables put them in `$request`.
  const read = (variables.request as { headers?: Record<string, string[]> } | undefined)?.headers ?? {};
  for (const [name, values] of Object.entries(read)) varying.push(`$request.${name}=${values.join(',')}`);
  const json = http.body ? applySelection(http.body, undefined, variables, 'omit') : undefined;
  const form = json !== undefined && /^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? '');
  const encoded = form ? formBody(json) : undefined;
  if (form && encoded === undefined) throw badInput(connector, 'a form-encoded body must be an object');
  const body = form ? undefined : json;
  const cacheKey = [`${http.method} ${url.href}`, ...varying.sort()].join('\n');
  return { method: http.method, url: url.href, headers, body, encodedBody: encoded, cacheKey, answerClientErrors: connector.errors !== undefined, responseHeaders: connector.responseHeaders };
}

/**
 * The URL: the base URL, the source's `http.path` segments, the path
 * template, and the connector's `http.path` segments, each value
 * percent-encoded. A template that starts with a value which is a whole
 * `http(s)://` URL (a relation given as a link, `{$this.homeworld}`) is that
 * URL, provided it leads to the connector's own source's origin (or, without
 * a source, to a declared one's); anywhere else nothing is sent.
 */
function requestUrl(connector: ConnectorPlan, variables: Variables, settings: SourceSettings): URL {
  const { template, path } = connector.http!;
  const [first] = template.parts;
  const whole = typeof first !== 'string' && first !== undefined ? interpolate({ parts: [first], source: template.source }, undefined, variables) : undefined;
  if (whole && 'text' in whole && /^https?:\/\//i.test(whole.text)) {
    const rest = interpolate({ parts: template.parts.slice(1), source: template.source }, undefined, variables, encodePathValue);
    if ('error' in rest) throw badInput(connector, rest.error);
    const url = new URL(whole.text + rest.text + segments(path, variables));
    if (!settings.origins.has(url.origin)) {
      throw new GraphQLError(`${connector.name}: a URL taken from the data leads off its source, and was not called`, { extensions: { code: 'CONNECTOR_URL_REFUSED' } });
    }
    return url;
  }
  const made = interpolate(template, undefined, variables, encodePathValue);
  if ('error' in made) throw badInput(connector, made.error);
  const [pathPart = '', query] = made.text.split(/\?(.*)/s);
  // As Apollo joins them: one `/` between the base URL and the path, whether or not the path starts with one (`GET: "items"`).
  const joined = settings.baseUrl && pathPart && !pathPart.startsWith('/') ? `/${pathPart}` : pathPart;
  return new URL(settings.baseUrl + segments(connector.source?.requestParts?.path, variables) + joined + segments(path, variables) + (query === undefined ? '' : `?${query}`));
}

/** `http.path`'s list, as path segments: `["a", "b c"]` → `/a/b%20c`. */
function segments(selection: Selection | undefined, variables: Variables): string {
  if (!selection) return '';
  const value = applySelection(selection, undefined, variables, 'omit');
  return (Array.isArray(value) ? value : [value]).flatMap((each) => (each == null ? [] : [`/${encodePathValue(scalarText(each).text ?? JSON.stringify(each))}`])).join('');
}

/** A value in a path is one segment: `/` and the rest are escaped, and `.` or `..` alone, which would climb the path, is refused. */
function encodePathValue(text: string): string {
  if (text === '.' || text === '..') throw new GraphQLError(`a value in a request path may not be "${text}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  return encodeURIComponent(text);
}

function badInput(connector: ConnectorPlan, message: string): GraphQLError {
  return new GraphQLError(`${connector.name}: ${message}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function rulesOf(connector: ConnectorPlan): HeaderRule[] {
  return [...(connector.source?.headers ?? []), ...(connector.http?.headers ?? [])];
}
