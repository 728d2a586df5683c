import type { GatewayConfig } from '../config.ts';
import { sourceVarSuffix } from './source-vars.ts';
import type { SourcePlan } from './connector-plan.ts';

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
