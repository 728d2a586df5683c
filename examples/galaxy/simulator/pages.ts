import { ok, type Reply } from '../../../simulator/http.ts';
import type { GalaxyErrorBody } from './types.ts';

/**
 * The galaxy's answer for an unknown record or page: status 200, and a body
 * that only its `ok: false` tells from a record. A client that trusts the
 * status takes it for data.
 */
export const NOT_FOUND: Reply = ok({ detail: 'Not found', ok: false } satisfies GalaxyErrorBody);

/** A record by the id in its path (`/api/people/3/`): a positive integer as written, without sign or leading zeros. */
export function byId<T extends { id: number }>(records: readonly T[], raw: string): T | undefined {
  return /^[1-9]\d{0,8}$/.test(raw) ? records.find((record) => record.id === Number(raw)) : undefined;
}

/** Page `page` (from 1) of `size` items; undefined when there is no such page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] | undefined {
  return page <= lastPage(items, size) ? items.slice((page - 1) * size, page * size) : undefined;
}

/** Page 1 of nothing is an empty page: an empty list has one. */
export function lastPage(items: readonly unknown[], size: number): number {
  return Math.max(1, Math.ceil(items.length / size));
}

/** `?page=N`: 1 when absent; anything but a positive integer is no page (undefined), as an out-of-range one is. */
export function pageParam(query: URLSearchParams): number | undefined {
  const raw = query.get('page') ?? '1';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

/** SWAPI's list: the total, the neighbours' absolute URLs (null at either end), and the page's records. */
interface NumberedPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The page asked with `?page=N` of `items`, written by `write`; NOT_FOUND for a page that does not exist. */
export function numberedPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  size: number,
  pageUrl: (page: number) => string,
  write: (item: T) => unknown,
): Reply {
  const page = pageParam(query);
  const results = page === undefined ? undefined : pageOf(items, page, size);
  if (page === undefined || results === undefined) return NOT_FOUND;
  const last = lastPage(items, size);
  const body: NumberedPage<unknown> = {
    count: items.length,
    next: page < last ? pageUrl(page + 1) : null,
    previous: page > 1 ? pageUrl(page - 1) : null,
    results: results.map(write),
  };
  return ok(body);
}

/**
 * An RFC 8288 `Link` header for page `page` of `last`: the previous page,
 * then the next, each only where there is one (so `rel="next"`, when there,
 * is the last link); undefined for a single page.
 */
export function linkHeader(page: number, last: number, pageUrl: (page: number) => string): string | undefined {
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
  if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
  return links.length > 0 ? links.join(', ') : undefined;
}
