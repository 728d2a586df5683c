/**
 * `npm run scale-model [-- --rps N --locations L --isolates I --keys K ...] [--json]`:
 * what the gateway's objects, origin and latency come to at internet scale.
 * Without --rps: the table of docs/performance/scaling-model.md, 5,000 to 1,000,000 requests/s, before
 * and with the changes it argues for. With --rps: one run of the given inputs
 * (at small scale, what `npm run serve -- --isolates` measures).
 */
import { parseArgs } from 'node:util';
import { BEFORE, CHANGED, DEFAULTS, REPORTED_RPS, type Inputs } from './scaling/inputs.ts';
import { model } from './scaling/model.ts';
import { markdown, METHOD, type Row } from './scaling/report.ts';

type Least = 'zero' | 'positive' | 'count';

/** Each flag, the input it sets, and the least it may be (a count is a whole number). */
const NUMBERS = {
  rps: { key: 'rps', least: 'positive' },
  locations: { key: 'locations', least: 'count' },
  'isolate-rps': { key: 'isolateRps', least: 'positive' },
  keys: { key: 'keys', least: 'count' },
  zipf: { key: 'zipf', least: 'zero' },
  'memory-ttl-ms': { key: 'memoryTtlMs', least: 'zero' },
  'location-ttl-ms': { key: 'locationTtlMs', least: 'zero' },
  'max-age-s': { key: 'maxAgeS', least: 'zero' },
  'stale-while-revalidate-s': { key: 'staleWhileRevalidateS', least: 'zero' },
  'index-shards': { key: 'indexShards', least: 'count' },
  'mutations-per-s': { key: 'mutationsPerS', least: 'zero' },
  'purges-per-s': { key: 'purgesPerS', least: 'zero' },
  'duration-s': { key: 'durationS', least: 'positive' },
} as const satisfies Record<string, { key: keyof Inputs; least: Least }>;

const USAGE = `usage: npm run scale-model -- [--json] [--isolates N] [--object-rtt-ms MS] ${Object.keys(NUMBERS).map((flag) => `[--${flag} N]`).join(' ')}`;

function fail(message: string): never {
  console.error(`[scale-model] ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: Record<string, string | boolean | undefined>;
try {
  parsed = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      isolates: { type: 'string' },
      'object-rtt-ms': { type: 'string' },
      ...Object.fromEntries(Object.keys(NUMBERS).map((flag) => [flag, { type: 'string' as const }])),
    },
  }).values as Record<string, string | boolean | undefined>;
} catch (error) {
  fail((error as Error).message);
}

function number(flag: string, least: Least): number | undefined {
  const value = parsed[flag];
  if (value === undefined) return undefined;
  const n = Number(value);
  const fits = least === 'count' ? Number.isInteger(n) && n >= 1 : least === 'positive' ? n > 0 : n >= 0;
  const wanted = { zero: 'a number of at least 0', positive: 'a number above 0', count: 'a whole number of at least 1' }[least];
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || !fits) fail(`--${flag} must be ${wanted}, not "${String(value)}"`);
  return n;
}

const given: Partial<Inputs> = {};
for (const [flag, { key, least }] of Object.entries(NUMBERS)) {
  const value = number(flag, least);
  if (value !== undefined) given[key] = value;
}
const rtt = number('object-rtt-ms', 'zero');
if (rtt !== undefined) given.objectRttMs = [{ ms: rtt, share: 1 }];
const isolates = number('isolates', 'count');

/** The changes the model argues for, with the location TTL and the index shards as given. */
const changed = { locationTtlMs: given.locationTtlMs ?? CHANGED.locationTtlMs, indexShards: given.indexShards ?? CHANGED.indexShards };

const rows: Row[] =
  given.rps !== undefined
    ? [{ rps: given.rps, design: 'as given', figures: model({ ...DEFAULTS, ...given }, isolates) }]
    : REPORTED_RPS.flatMap((rps) => [
        { rps, design: 'before: one index, no location tier', figures: model({ ...DEFAULTS, ...given, ...BEFORE, rps }, isolates) },
        {
          rps,
          design: `changed: ${changed.indexShards} index shards, location tier ${changed.locationTtlMs / 1000} s`,
          figures: model({ ...DEFAULTS, ...given, ...changed, rps }, isolates),
        },
      ]);

if (parsed.json) console.log(JSON.stringify({ method: METHOD, rows }, null, 2));
else {
  console.log(`${METHOD}\n\n${markdown(rows)}`);
  if (given.rps !== undefined) {
    const [{ figures }] = rows as [Row];
    console.log(
      `Lookups of the hottest key's object over ${given.durationS ?? DEFAULTS.durationS} s: ${figures.hottestKeyLookupsPerIsolate.toFixed(1)} per isolate, ${figures.hottestKeyLookups.toFixed(1)} in all (${figures.isolates} isolates).`,
    );
  }
}
