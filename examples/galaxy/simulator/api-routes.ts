import { routesByPath, type Route } from '../../../simulator/router.ts';
import { getPerson, listPeople, searchPeople } from './people.ts';
import { getPlanet, listPlanets, listResidents } from './planets.ts';
import { getStarship, listStarships } from './starships.ts';

/** What a galaxy handler sees of a request. */
export interface GalaxyContext {
  query: URLSearchParams;
  /** `http://<host>` as the caller reached the API: where its records' URLs point. */
  base: string;
}

/** SWAPI's paths end with `/`; each list paginates its own way (see the README). */
export const API_ROUTES: readonly Route<GalaxyContext>[] = routesByPath({
  '/api/people/': { GET: listPeople },
  '/api/people/:id/': { GET: getPerson },
  '/api/planets/': { GET: listPlanets },
  '/api/planets/:id/': { GET: getPlanet },
  '/api/planets/:id/residents/': { GET: listResidents },
  '/api/starships/': { GET: listStarships },
  '/api/starships/:id/': { GET: getStarship },
  '/api/search/people/': { GET: searchPeople },
});
