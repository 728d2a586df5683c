import type { GatewayConfig } from '../config.ts';
import type { SourcePlan } from './connector-plan.ts';
import { baseUrlVar, sourceVarSuffix } from './source-vars.ts';

/**
 * Each source's base URL: `ORIGIN_URL_<SOURCE>`, else `ORIGIN_URL` when the
 * schema has only one source, else the `@source`'s `baseURL`. An
 * `ORIGIN_URL` that could mean several sources, an `ORIGIN_URL_<SOURCE>`
 * that names none, or a source left with no http(s) URL (a template's
 * `<YOUR_URL>` placeholder) is a mistake: the isolate refuses to start.
 */
export function resolveBaseUrls(sources: readonly SourcePlan[], { originUrl, sourceUrls }: Pick<GatewayConfig, 'originUrl' | 'sourceUrls'>): Map<string, string> {
  const suffixes = new Map(sources.map((source) => [sourceVarSuffix(source.name), source]));
  for (const suffix of Object.keys(sourceUrls)) {
    if (!suffixes.has(suffix)) throw new Error(`[config] ORIGIN_URL_${suffix} names no @source (sources: ${sources.map((source) => source.name).join(', ') || 'none'})`);
  }
  const unnamed = sources.filter((source) => !sourceUrls[sourceVarSuffix(source.name)]);
  if (originUrl && unnamed.length > 1) {
    const names = unnamed.map((source) => baseUrlVar(source.name)).join(', ');
    throw new Error(`[config] ORIGIN_URL is set but the schema has ${unnamed.length} sources without their own var: set ${names} instead`);
  }
  return new Map(
    sources.map((source) => {
      const url = sourceUrls[sourceVarSuffix(source.name)] ?? originUrl ?? source.baseURL;
      if (!/^https?:\/\//.test(url)) throw new Error(`[config] @source "${source.name}" has no http(s) base URL ("${url}"): set ${baseUrlVar(source.name)}`);
      return [source.name, url];
    }),
  );
}
