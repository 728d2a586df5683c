/**
 * `npm run scale-model [-- --rps N --locations L --isolates I --keys K ...] [--json]`:
 * what the gateway's objects, origin and latency come to at internet scale.
 * Without --rps: the README's table, 5,000 to 1,000,000 requests/s, before
 * and with the changes it argues for. With --rps: one run of the given inputs
 * (at small scale, what `npm run serve -- --isolates` measures).
 */
import { parseArgs } from 'node:util';
import { BEFORE, CHANGED, DEFAULTS, REPORTED_RPS, type Inputs } from './scaling/inputs.ts';
import { model } from './scaling/model.ts';
import { markdown, METHOD, type Row } from './scaling/report.ts';

const NUMBERS = {
  rps: 'rps',
  locations: 'locations',
  'isolate-rps': 'isolateRps',
  keys: 'keys',
  zipf: 'zipf',
  'memory-ttl-ms': 'memoryTtlMs',
  'location-ttl-ms': 'locationTtlMs',
  'max-age-s': 'maxAgeS',
  'stale-while-revalidate-s': 'staleWhileRevalidateS',
  'index-shards': 'indexShards',
  'mutations-per-s': 'mutationsPerS',
  'purges-per-s': 'purgesPerS',
  'duration-s': 'durationS',
} as const satisfies Record<string, keyof Inputs>;

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

function positive(flag: string): number | undefined {
  const value = parsed[flag];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n < 0) fail(`--${flag} must be a number of at least 0, not "${String(value)}"`);
  return n;
}

const given: Partial<Inputs> = {};
for (const [flag, key] of Object.entries(NUMBERS)) {
  const value = positive(flag);
  if (value !== undefined) given[key] = value;
}
const rtt = positive('object-rtt-ms');
if (rtt !== undefined) given.objectRttMs = [{ ms: rtt, share: 1 }];
const isolates = positive('isolates');
if (isolates !== undefined && (!Number.isInteger(isolates) || isolates < 1)) fail(`--isolates must be a whole number of at least 1, not "${parsed.isolates}"`);

const rows: Row[] =
  given.rps !== undefined
    ? [{ rps: given.rps, design: 'as given', figures: model({ ...DEFAULTS, ...given }, isolates) }]
    : REPORTED_RPS.flatMap((rps) => [
        { rps, design: 'before: one index, no location tier', figures: model({ ...DEFAULTS, ...given, ...BEFORE, rps }, isolates) },
        { rps, design: 'changed: 16 index shards, location tier 1 s', figures: model({ ...DEFAULTS, ...given, ...CHANGED, rps }, isolates) },
      ]);

if (parsed.json) console.log(JSON.stringify({ method: METHOD, rows }, null, 2));
else {
  console.log(`${METHOD}\n\n${markdown(rows)}`);
  if (given.rps !== undefined) {
    const [{ figures }] = rows as [Row];
    console.log(`Lookups of the hottest key's object per isolate over ${given.durationS ?? DEFAULTS.durationS} s: ${figures.hottestKeyLookupsPerIsolate.toFixed(1)} (${figures.isolates} isolates).`);
  }
}
