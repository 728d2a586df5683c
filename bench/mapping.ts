/**
 * The `mapping` scenario's measurement, in a process of its own so that no
 * other scenario's heap or compiled code sways it: a connector's selection
 * over a 1,000-item origin answer, against a hand-written TypeScript function
 * giving the same output. Prints its figures as JSON.
 *
 *   node --experimental-strip-types bench/mapping.ts [--quick]
 *   node --experimental-strip-types --cpu-prof --cpu-prof-dir=/tmp/prof bench/mapping.ts
 *
 * The selection is applied through `applySelection` (src/connect/selection.ts),
 * as a request applies it, in the form a Worker runs: the JavaScript the build
 * writes into the schema module (src/connect/mapping/emit.ts), found by its
 * text. The closures that form falls back to (evaluate.ts) are measured too,
 * as they run alone where the build wrote nothing.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { parseArgs } from 'node:util';
import { emitSelection, loadEmitted } from '../src/connect/mapping/emit.ts';
import { useEmittedSelections } from '../src/connect/mapping/index.ts';
import { applySelection, parseSelection } from '../src/connect/selection.ts';
import { seeded } from './seeded-random.ts';

const ITEMS = 1000;

/** 10 output fields, 2 method calls per item: snake_case renamed, a numeric string parsed, a list cut, a nested object read. */
const SELECTION = `$.items {
  id
  sku
  name: full_name
  priceCents: price_cents->parseInt
  currency
  tags: tag_list->slice(0, 3)
  city: address.city
  country: address.country_code
  inStock: in_stock
  updatedAt: updated_at
}`;

interface SourceItem {
  id: number;
  sku: string;
  full_name: string;
  description: string;
  price_cents: string;
  currency: string;
  stock_count: string;
  rating: string;
  tag_list: string[];
  address: { street: string; city: string; country_code: string; postal_code: string };
  in_stock: boolean;
  vendor_id: number;
  created_at: string;
  updated_at: string;
}

interface MappedItem {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
  currency: string;
  tags: string[];
  city: string;
  country: string;
  inStock: boolean;
  updatedAt: string;
}

const WORDS = ['desk', 'lamp', 'oak', 'steel', 'linen', 'chair', 'shelf', 'walnut', 'brass', 'wool', 'sofa', 'glass'];
const CITIES: [string, string][] = [['Lisbon', 'PT'], ['Lyon', 'FR'], ['Leipzig', 'DE'], ['Leeds', 'GB'], ['Lund', 'SE'], ['Lodz', 'PL']];

/** The origin's answer as a request receives it, parsed from its text: 14 fields an item, some snake_case, some numbers as strings. */
function originAnswer(count = ITEMS): { items: SourceItem[] } {
  const random = seeded(9);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString();
  const items = Array.from({ length: count }, (_, index): SourceItem => {
    const [city, country] = pick(CITIES);
    return {
      id: 10_000 + index,
      sku: `SKU-${(index * 7919).toString(36).toUpperCase().padStart(6, '0')}`,
      full_name: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      description: Array.from({ length: 12 }, () => pick(WORDS)).join(' '),
      price_cents: String(Math.floor(random() * 100_000)),
      currency: pick(['EUR', 'GBP', 'USD']),
      stock_count: String(Math.floor(random() * 500)),
      rating: (1 + random() * 4).toFixed(1),
      tag_list: Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(WORDS)),
      address: { street: `${1 + Math.floor(random() * 200)} ${pick(WORDS)} street`, city, country_code: country, postal_code: String(10_000 + Math.floor(random() * 89_999)) },
      in_stock: random() < 0.8,
      vendor_id: 1 + Math.floor(random() * 40),
      created_at: day(Math.floor(random() * 300)),
      updated_at: day(300 + Math.floor(random() * 60)),
    };
  });
  return JSON.parse(JSON.stringify({ items })) as { items: SourceItem[] };
}

/** What a resolver written by hand would do with the same answer. */
function handWritten(answer: { items: SourceItem[] }): MappedItem[] {
  return answer.items.map((item) => ({
    id: item.id,
    sku: item.sku,
    name: item.full_name,
    priceCents: Number.parseInt(item.price_cents, 10),
    currency: item.currency,
    tags: item.tag_list.slice(0, 3),
    city: item.address.city,
    country: item.address.country_code,
    inStock: item.in_stock,
    updatedAt: item.updated_at,
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Applies `apply` for about `ms` (warming it up) and answers how many applications fit. */
function applicationsIn(apply: () => unknown, ms: number): number {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) (apply(), count++);
  return count;
}

/** Microseconds per item of `apply`, over `applications` applications of the answer. */
function timed(apply: () => unknown, applications: number): number {
  let last: unknown;
  const start = process.hrtime.bigint();
  for (let i = 0; i < applications; i++) last = apply();
  const elapsedNs = Number(process.hrtime.bigint() - start);
  // The last result is read, so that no application can be dropped as unused.
  if (last === undefined) throw new Error('[bench] mapping: an application answered nothing');
  return elapsedNs / 1000 / (applications * ITEMS);
}

interface MappingFigures {
  items: number;
  outputFields: number;
  methodCallsPerItem: number;
  /** Median over the runs of µs per item through `applySelection`, in the form the build writes. */
  mappingUsPerItem: number;
  /** The same through the compiled closures alone. */
  closuresUsPerItem: number;
  handWrittenUsPerItem: number;
  /** mappingUsPerItem / handWrittenUsPerItem. */
  ratio: number;
  runs: number;
  /** How long each run of each side lasts, about. */
  runMs: number;
}

/**
 * Compiles once, checks the two agree, warms both up (which also sizes
 * their runs, so that each run of either lasts about `runMs`), then runs
 * them in turns, so that drift on a shared machine reaches both alike, and
 * takes each one's median run.
 */
function measureMapping(quick: boolean): MappingFigures {
  const answer = originAnswer();
  const closures = parseSelection(SELECTION);
  useEmittedSelections({ [SELECTION]: loadEmitted(emitSelection(closures.ast)) });
  const selection = parseSelection(SELECTION);
  const mapped = () => applySelection(selection, answer, { args: {} });
  const byClosures = () => applySelection(closures, answer, { args: {} });
  const byHand = () => handWritten(answer);
  deepStrictEqual(mapped(), byHand());
  deepStrictEqual(byClosures(), byHand());

  const [runs, runMs, warmUpMs] = quick ? [5, 20, 100] : [15, 60, 400];
  const sides = [mapped, byClosures, byHand].map((apply) => {
    const applications = Math.max(1, Math.round((applicationsIn(apply, warmUpMs) * runMs) / warmUpMs));
    return { apply, applications, usPerItem: [] as number[] };
  });
  for (let run = 0; run < runs; run++) for (const side of sides) side.usPerItem.push(timed(side.apply, side.applications));
  const [mapping, closureTime, hand] = sides.map((side) => median(side.usPerItem)) as [number, number, number];
  return {
    items: ITEMS,
    outputFields: 10,
    methodCallsPerItem: 2,
    mappingUsPerItem: Number(mapping.toPrecision(3)),
    closuresUsPerItem: Number(closureTime.toPrecision(3)),
    handWrittenUsPerItem: Number(hand.toPrecision(3)),
    ratio: Number((mapping / hand).toPrecision(3)),
    runs,
    runMs,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  console.log(JSON.stringify(measureMapping(values.quick)));
}
