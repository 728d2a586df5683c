import { ok, type Reply } from '../../../simulator/http.ts';
import type { RouteParams } from '../../../simulator/router.ts';
import type { GalaxyContext } from './api-routes.ts';
import { byId, NOT_FOUND, numberedPage } from './pages.ts';
import { starshipRecord } from './records.ts';
import { STARSHIPS } from './seed.ts';

const STARSHIPS_PER_PAGE = 3;

/** As `GET /api/people/`: `?page=N`, with the next page's absolute URL in the body (`next`, null on the last). */
export function listStarships({ query, base }: GalaxyContext): Reply {
  return numberedPage(STARSHIPS, query, STARSHIPS_PER_PAGE, (page) => `${base}/api/starships/?page=${page}`, (starship) => starshipRecord(base, starship));
}

export function getStarship({ base }: GalaxyContext, params: RouteParams): Reply {
  const starship = byId(STARSHIPS, params.get('id'));
  return starship ? ok(starshipRecord(base, starship)) : NOT_FOUND;
}
