import type { Reply } from '../../../simulator/http.ts';

/** JSONPlaceholder ids: positive integers, written without sign or leading zeros. */
export function parseId(raw: string | null | undefined): number | undefined {
  if (raw == null || !/^[1-9]\d{0,15}$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * A filter from a repeated query parameter (`id=1&id=2`), or undefined when
 * the parameter is absent. Values that are not ids match nothing; commas are
 * not separators (`id=1,2` is one value, and not an id).
 */
export function idFilter(query: URLSearchParams, name: string): Set<number> | undefined {
  if (!query.has(name)) return undefined;
  const ids = new Set<number>();
  for (const raw of query.getAll(name)) {
    const id = parseId(raw);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * The records with the asked ids, highest id first whatever the order
 * asked: a client must match them to its keys by id, never by position.
 */
export function pickDescending<T extends { id: number }>(records: readonly T[], ids: ReadonlySet<number>): T[] {
  return records.filter((record) => ids.has(record.id)).sort((a, b) => b.id - a.id);
}

/** JSONPlaceholder's answer for an unknown user or post: 404 with an empty object. */
export const NOT_FOUND: Reply = { status: 404, body: {} };
