import { ORIGIN_MAX_PAGE } from './types.ts';
import { OriginError } from './errors.ts';

export function isIntegerAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** An optional integer query parameter within [min, max]; anything else is a 400. */
export function integerParam(
  query: URLSearchParams,
  name: string,
  range: { fallback: number; min: number; max?: number },
): number {
  const raw = query.get(name);
  if (raw === null) return range.fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const { min, max = Number.MAX_SAFE_INTEGER } = range;
  if (value >= min && value <= max) return value;
  const bounds = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  throw new OriginError('BAD_REQUEST', `${name} must be an integer ${bounds}`);
}

/** A comma-separated batch of keys (`ids=1,2,3`), or undefined when the parameter is absent. */
export function keyListParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const keys = raw.split(',');
  if (keys.some((key) => key === '')) {
    throw new OriginError('BAD_REQUEST', `${name} must be a comma-separated list of non-empty keys`);
  }
  if (keys.length > ORIGIN_MAX_PAGE) {
    throw new OriginError('BAD_REQUEST', `${name} accepts at most ${ORIGIN_MAX_PAGE} keys`);
  }
  return keys;
}
