import type { Figures } from './model.ts';
import { PRICES } from './prices.ts';

const number = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 10) / 10));
const dollars = (value: number) => `$${value.toFixed(4)}`;

export interface Row {
  rps: number;
  design: string;
  figures: Figures;
}

export const METHOD = `Method: analytic, per key, with two seeded simulations. Requests are spread evenly over the locations and their isolates; key popularity is Zipf; each location is at one of the object distances. Each isolate asks a key's object once per memory TTL at most (a confirmation counts from when its lookup was sent; one lookup is in flight at a time; the next waits for the next request). With the location tier, what a location asks of a key's object comes from a simulation of one location under the same rules per bin of request rates (bench/scaling/location-tier.ts): a lapsed isolate takes the location's copy while the object confirmed it less than the location TTL ago, and every isolate that lapses while a lookup is in flight asks the object too. Each key is refreshed once per life of its entry worldwide: maxAge, or less when a purge (spread evenly over the keys) ends it first. Added latency: ${(200_000).toLocaleString('en-US')} requests drawn (seeded) by key popularity and object distance, each waiting for a refresh it leads (the origin and the round trips of the refresh), an object round trip (its isolate's confirmation lapsed), the location tier, or nothing (memory).`;

export function markdown(rows: Row[]): string {
  const lines = [
    '| requests/s | design | isolates | hottest key object/s | index shard/s | shield/s | origin/s | origin in flight | purge bound ms | added p50 ms | added p99 ms | $ per million requests |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ rps, design, figures: f }) =>
      [
        rps.toLocaleString('en-US'),
        design,
        f.isolates.toLocaleString('en-US'),
        number(f.hottestKeyObjectRps),
        number(f.indexShardRps),
        number(f.shieldRps),
        number(f.originRps),
        number(f.originInFlight),
        number(f.purgeBoundMs),
        number(f.addedLatencyP50Ms),
        number(f.addedLatencyP99Ms),
        dollars(f.costPerMillionRequests.total),
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
  ];
  return `${lines.join('\n')}\n\nPrices: Cloudflare's Workers and Durable Objects pricing pages as read on ${PRICES.date}, beyond the included amounts: $${PRICES.workerRequestsPerMillion} per million Worker requests, $${PRICES.workerCpuPerMillionMs} per million CPU ms, $${PRICES.objectRequestsPerMillion} per million Durable Object requests (each RPC call), $${PRICES.objectDurationPerMillionGbS} per million GB-s, $${PRICES.sqliteRowsWrittenPerMillion} per million SQLite rows written; the Cache API (the location tier) has no listed price and is counted free (an assumption). Origin in flight: origin calls/s × the origin's latency, against ORIGIN_MAX_CONCURRENCY (default 8).\n`;
}
