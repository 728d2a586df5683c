/**
 * src/'s layers and what each may import: the one list that the
 * dependency-cruiser rules (.dependency-cruiser.mjs, `npm run check:layers`)
 * and the drawing in docs/contributing/layout.md (scripts/draw-layout.ts)
 * are made from. A request passes the stages in order, and each stage
 * imports only the stages after it; leaves, which any layer may use, import
 * only leaves.
 */

export interface Layer {
  name: string;
  /** Its files: a regular expression over paths from the project's root, as dependency-cruiser matches them. */
  path: string;
  /** What it is for, in the drawing. */
  job: string;
  /** The other layers whose files it may import. */
  mayImport: string[];
  /** Any layer may use it, and it uses only leaves. */
  leaf?: true;
}

/** The stages, in the order a request meets them, with their jobs. */
const STAGES: [name: string, job: string][] = [
  ['http', 'what is checked or answered before the cache: CORS, CSRF, rate limits, GraphiQL, the admin routes, the request parameters'],
  ['response-cache', 'whole answers: the key, the memory and location tiers, the per-key Durable Object and its lease'],
  ['graphql', 'Yoga and its plugins, the per-request context, persisted operations'],
  ['connect', 'the connectors: the directives read and checked, the mapping language, the generated resolvers'],
  ['field-cache', 'connector calls cached per key, in the field cache Durable Object'],
  ['upstream', 'the one origin client and the origin shield'],
];

const LEAVES: [name: string, path: string, job: string][] = [
  ['shared', '^src/shared/', 'small helpers every layer uses: hashes, JSON answers, the trace, the log line'],
  ['single-flight', '^src/single-flight/', 'one caller fetches, the others wait: leases, permits, the stale-while-revalidate decision'],
  ['cache-hints', '^src/cache-hints/', 'the one reader of @cacheControl hints, and the Cache-Control header'],
  ['analytics', '^src/analytics/', 'requests and connector calls counted per isolate, flushed to sharded Durable Objects, and exported (Prometheus, Analytics Engine, OTLP)'],
  ['config', '^src/config\\.ts$', "the Worker's vars, read and checked once per isolate"],
];
const LEAF_NAMES = LEAVES.map(([name]) => name);
const STAGE_NAMES = STAGES.map(([name]) => name);

/** The origin client is the one stage that never invalidates. */
const callsInvalidation = (stage: string) => stage !== 'upstream';

export const LAYERS: Layer[] = [
  {
    name: 'entry',
    path: '^src/(index|isolate|schema-folder-api)\\.ts$',
    job: "the Worker's entry and what an isolate builds once; the one module schema folders import (gateway:resolvers)",
    mayImport: [...STAGE_NAMES, 'invalidation', ...LEAF_NAMES],
  },
  ...STAGES.map(([name, job], index) => ({
    name,
    path: `^src/${name}/`,
    job,
    mayImport: [...STAGE_NAMES.slice(index + 1), ...(callsInvalidation(name) ? ['invalidation'] : []), ...LEAF_NAMES],
  })),
  { name: 'invalidation', path: '^src/invalidation/', job: 'purges by tag and entity, and the sharded index of which entries hold which; it reaches the caches only through their Purgeable interface', mayImport: LEAF_NAMES },
  ...LEAVES.map(([name, path, job]): Layer => ({ name, path, job, mayImport: LEAF_NAMES.filter((other) => other !== name), leaf: true })),
];

/** The layer a path from the project's root belongs to, if any. */
export function layerOf(path: string): Layer | undefined {
  return LAYERS.find((layer) => new RegExp(layer.path).test(path));
}
