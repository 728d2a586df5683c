import type { Figures } from './model.ts';
import { PRICES } from './prices.ts';

const number = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 10) / 10));
const dollars = (value: number) => `$${value.toFixed(4)}`;

export interface Row {
  rps: number;
  design: string;
  figures: Figures;
}

export const METHOD = `Method: analytic, per key. Requests are spread evenly over the locations and their isolates; key popularity is Zipf. Each isolate asks a key's object once per memory TTL at most (a confirmation counts from when its lookup was sent; the next lookup waits for the next request); with the location tier, a location asks once per location TTL, plus the lapses of its other isolates during that lookup's round trip. Each key is refreshed once per maxAge worldwide. Added latency: ${(200_000).toLocaleString('en-US')} requests drawn (seeded) by key popularity and object distance, each waiting the origin (a miss), an object round trip (the request that found the confirmation lapsed), the location tier, or nothing (memory).`;

export function markdown(rows: Row[]): string {
  const lines = [
    '| requests/s | design | isolates | hottest key object/s | index shard/s | shield/s | origin/s | purge bound ms | added p50 ms | added p99 ms | $ per million requests |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ rps, design, figures: f }) =>
      [
        rps.toLocaleString('en-US'),
        design,
        f.isolates.toLocaleString('en-US'),
        number(f.hottestKeyObjectRps),
        number(f.indexShardRps),
        number(f.shieldRps),
        number(f.originRps),
        number(f.purgeBoundMs),
        number(f.addedLatencyP50Ms),
        number(f.addedLatencyP99Ms),
        dollars(f.costPerMillionRequests.total),
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
  ];
  return `${lines.join('\n')}\n\nPrices: Cloudflare's Workers and Durable Objects pricing pages as read on ${PRICES.date}, beyond the included amounts: $${PRICES.workerRequestsPerMillion} per million Worker requests, $${PRICES.workerCpuPerMillionMs} per million CPU ms, $${PRICES.objectRequestsPerMillion} per million Durable Object requests (each RPC call), $${PRICES.objectDurationPerMillionGbS} per million GB-s, $${PRICES.sqliteRowsWrittenPerMillion} per million SQLite rows written.\n`;
}
