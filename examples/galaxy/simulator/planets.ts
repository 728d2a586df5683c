import { ok, type Reply } from '../../../simulator/http.ts';
import { integerParam } from '../../../simulator/params.ts';
import type { RouteParams } from '../../../simulator/router.ts';
import type { GalaxyContext } from './api-routes.ts';
import { byId, lastPage, linkHeader, NOT_FOUND, pageOf, pageParam } from './pages.ts';
import { personRecord, planetRecord } from './records.ts';
import { PEOPLE, PLANETS } from './seed.ts';

/** `limit` is 3 unless asked; more than 5 is cut to 5, without a word. */
const PLANET_LIMIT = { fallback: 3, max: 5 };
const RESIDENTS_PER_PAGE = 2;

/** Offset pagination: `?offset=3&limit=3`, answered as `{ count, offset, limit, results }` (empty past the end). */
export function listPlanets({ query, base }: GalaxyContext): Reply {
  const offset = integerParam(query, 'offset', { fallback: 0, min: 0 });
  const limit = Math.min(integerParam(query, 'limit', { fallback: PLANET_LIMIT.fallback, min: 1 }), PLANET_LIMIT.max);
  const results = PLANETS.slice(offset, offset + limit).map((planet) => planetRecord(base, planet));
  return ok({ count: PLANETS.length, offset, limit, results });
}

export function getPlanet({ base }: GalaxyContext, params: RouteParams): Reply {
  const planet = byId(PLANETS, params.get('id'));
  return planet ? ok(planetRecord(base, planet)) : NOT_FOUND;
}

/**
 * Link-header pagination, as GitHub's lists do it: a bare JSON array of the
 * planet's residents, two a page (`?page=N`), and where the neighbouring
 * pages are only in the `Link` header.
 */
export function listResidents({ query, base }: GalaxyContext, params: RouteParams): Reply {
  const planet = byId(PLANETS, params.get('id'));
  const page = pageParam(query);
  if (planet === undefined || page === undefined) return NOT_FOUND;
  const residents = PEOPLE.filter((person) => person.homeworld === planet.id);
  const results = pageOf(residents, page, RESIDENTS_PER_PAGE);
  if (results === undefined) return NOT_FOUND;
  const link = linkHeader(page, lastPage(residents, RESIDENTS_PER_PAGE), (to) => `${base}/api/planets/${planet.id}/residents/?page=${to}`);
  return { status: 200, body: results.map((person) => personRecord(base, person)), headers: link === undefined ? {} : { link } };
}
