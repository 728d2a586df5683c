/**
 * Security schemes as request headers: bearer, basic, OAuth 2 and OpenID
 * Connect forward the client's `Authorization`; an API key is read from
 * `$config` (a `CONFIG_<key>` var or secret) into its header or query
 * parameter. What the user must set is listed for the README and the run.
 */
import { resolve, type TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { fieldName } from './names.ts';

export interface Credentials {
  headers: string[];
  queryParams: string[];
  /** `$config` keys to set, with the scheme they serve. */
  config: { key: string; scheme: string; where: string }[];
  /** Schemes no header rule can send. */
  unsupported: string[];
  /** What each header or parameter sends, written `# guessed:` above its connector: whose credentials is the document's silence. */
  guesses: string[];
}

export function credentialsFor(registry: TypeRegistry, security: Json[]): Credentials {
  const schemes = (((registry.document.components as Json | undefined)?.securitySchemes as Json | undefined) ?? {}) as Json;
  const result: Credentials = { headers: [], queryParams: [], config: [], unsupported: [], guesses: [] };
  // Requirements are alternatives: the first one is sent; an empty one (`{}`) makes credentials optional.
  for (const name of Object.keys(security[0] ?? {})) {
    const scheme = resolve(registry, schemes[name]).schema;
    const type = String(scheme.type ?? '');
    if (type === 'oauth2' || type === 'openIdConnect' || (type === 'http' && /^(bearer|basic)$/i.test(String(scheme.scheme)))) {
      result.headers.push('{ name: "authorization", from: "authorization" }');
      result.guesses.push(`security scheme ${name} (${type === 'http' ? `http ${String(scheme.scheme)}` : type}): the client's Authorization is forwarded, not a credential of the gateway's`);
    } else if (type === 'apiKey') {
      const key = fieldName(name);
      const where = String(scheme.in);
      if (where === 'header') result.headers.push(`{ name: ${JSON.stringify(String(scheme.name))}, value: "{$config.${key}}" }`);
      else if (where === 'query') result.queryParams.push(`${JSON.stringify(String(scheme.name)).replace(/^"([_A-Za-z][_0-9A-Za-z]*)"$/, '$1')}: $config.${key}`);
      else {
        result.unsupported.push(`${name} (an API key in a ${where})`);
        continue;
      }
      result.config.push({ key, scheme: name, where: `${where} ${String(scheme.name)}` });
      result.guesses.push(`security scheme ${name}: the ${where} ${String(scheme.name)} is one key of the gateway's, $config.${key} (CONFIG_${key}), not the client's`);
    } else result.unsupported.push(`${name} (${type || 'unknown type'})`);
  }
  return result;
}
