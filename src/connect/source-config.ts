import type { GatewayConfig } from '../config.ts';
import { sourceVarSuffix } from './source-vars.ts';
import { connectorReads, type GatewayPlan, type SourcePlan } from './connector-plan.ts';

/**
 * Each source's `$config`: every `CONFIG_<key>` var or secret, and over
 * them the source's own, `CONFIG_<SOURCE>_<key>` (`CONFIG_STRIPE_apiKey` is
 * `$config.apiKey` for the source `stripe` alone). An API key belongs in a
 * secret (`wrangler secret put CONFIG_apiKey`).
 */
export function resolveSourceConfig(sources: readonly SourcePlan[], { connectorConfig }: Pick<GatewayConfig, 'connectorConfig'>): Map<string, Record<string, string>> {
  const prefixes = sources.map((source) => `${sourceVarSuffix(source.name)}_`);
  // What no source claims is every source's; a source's own values are its alone, never another's under their full name.
  const shared = Object.fromEntries(Object.entries(connectorConfig).filter(([key]) => !prefixes.some((prefix) => key.startsWith(prefix))));
  return new Map(
    sources.map((source, index) => {
      const own = prefixes[index]!;
      const config = { ...shared };
      for (const [key, value] of Object.entries(connectorConfig)) if (key.startsWith(own)) config[key.slice(own.length)] = value;
      return [source.name, config];
    }),
  );
}

/**
 * Every `$config.<key>` some connector reads that its source's `$config`
 * lacks (or holds empty), one `[config]` message per source and key: such a
 * connector would send its requests without the value (an API key, as often
 * as not), so the gateway refuses to start instead. A connector without a
 * source has no `$config` to give it: that is the schema's matter, not a var's.
 */
export function missingConfig(plan: Pick<GatewayPlan, 'fields' | 'entities'>, sourceConfig: ReadonlyMap<string, Record<string, string>>): string[] {
  const readers = new Map<string, { source: string; key: string; where: string[] }>();
  for (const connector of new Set([...plan.fields.values(), ...plan.entities.values()])) {
    const source = connector.source?.name;
    if (source === undefined) continue;
    for (const read of connectorReads(connector)) {
      const key = read.keys[0];
      if (read.name !== '$config' || key === undefined || sourceConfig.get(source)?.[key]) continue;
      const missing = readers.get(`${source}\0${key}`) ?? { source, key, where: [] };
      const where = `${connector.name} (${connector.where})`;
      if (!missing.where.includes(where)) missing.where.push(where);
      readers.set(`${source}\0${key}`, missing);
    }
  }
  return [...readers.values()].map(
    ({ source, key, where }) => `[config] @source "${source}": $config.${key}, read by ${where.join(', ')}, has no value: set CONFIG_${key} or CONFIG_${sourceVarSuffix(source)}_${key}`,
  );
}
