import { OriginError } from '../../../simulator/errors.ts';
import { ok, type Reply } from '../../../simulator/http.ts';
import { integerParam } from '../../../simulator/params.ts';
import type { RouteParams } from '../../../simulator/router.ts';
import type { GalaxyContext } from './api-routes.ts';
import { byId, NOT_FOUND, numberedPage } from './pages.ts';
import { personRecord } from './records.ts';
import { PEOPLE } from './seed.ts';

const PEOPLE_PER_PAGE = 5;
/** A search answers 3 people unless asked for more, and never more than 10. */
const SEARCH_LIMIT = { fallback: 3, max: 10 };

/** SWAPI's own pagination: `?page=N`, and the neighbouring pages' URLs in the body. */
export function listPeople({ query, base }: GalaxyContext): Reply {
  return numberedPage(PEOPLE, query, PEOPLE_PER_PAGE, (page) => `${base}/api/people/?page=${page}`, (person) => personRecord(base, person));
}

export function getPerson({ base }: GalaxyContext, params: RouteParams): Reply {
  const person = byId(PEOPLE, params.get('id'));
  return person ? ok(personRecord(base, person)) : NOT_FOUND;
}

/**
 * Cursor pagination, as Stripe's lists do it: the people whose name holds
 * `q` (in any case), `limit` at a time, after the one whose id is
 * `starting_after`; answered as `{ data, has_more }`. A `starting_after`
 * that is not among the results is a 400.
 */
export function searchPeople({ query, base }: GalaxyContext): Reply {
  const text = (query.get('q') ?? '').toLowerCase();
  const limit = Math.min(integerParam(query, 'limit', { fallback: SEARCH_LIMIT.fallback, min: 1 }), SEARCH_LIMIT.max);
  const found = PEOPLE.filter((person) => person.name.toLowerCase().includes(text));
  const after = query.get('starting_after');
  const start = after === null ? 0 : found.findIndex((person) => String(person.id) === after) + 1;
  if (start === 0 && after !== null) throw new OriginError('BAD_REQUEST', `starting_after: no such result: ${after}`);
  const data = found.slice(start, start + limit);
  return ok({ data: data.map((person) => personRecord(base, person)), has_more: start + limit < found.length });
}
