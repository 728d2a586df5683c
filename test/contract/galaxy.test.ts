import { describe, expect, it } from 'vitest';
import { API_KEY, KEY_HEADER, NO_KEY, WRONG_KEY } from '../../examples/galaxy/simulator/auth.ts';
import { PEOPLE, PLANETS, STARSHIPS } from '../../examples/galaxy/simulator/seed.ts';
import { startGalaxyOrigin } from '../../examples/galaxy/simulator/server.ts';
import type { GalaxyStats } from '../../examples/galaxy/simulator/types.ts';
import { answer, postJson, type Answer } from '../support/answers.ts';
import { useServedExample } from './served-example.ts';

/**
 * The third example API, end to end: `npm run serve -- --schema
 * examples/galaxy` (the production bundle on workerd, production settings)
 * over the galaxy simulator, a SWAPI-shaped API with the quirks real REST
 * APIs have, met with the connectors' own means and no TypeScript: links
 * followed (only to the galaxy's own origin), snake_case aliased, numbers
 * sent as strings parsed ("unknown" is null), an error sent with status
 * 200 mapped by `isSuccess` and `errors`, a key sent from `$config`, and
 * the five pagination recipes of docs/connectors/pagination.md. Origin
 * calls are read from the simulator's `/__galaxy/stats`.
 */

const names = (ids: number[]): { name: string }[] => ids.map((id) => ({ name: PEOPLE.find((person) => person.id === id)!.name }));

describe('the galaxy example through the gateway (SDL only)', () => {
  // `npm run serve` for the galaxy folder, in production settings, with the galaxy's key as `$config.apiKey`; before each test the galaxy's counters are at zero and its key the default one.
  const { originUrl, gatewayUrl, admin } = useServedExample<GalaxyStats>({
    name: 'galaxy',
    startSimulator: () => startGalaxyOrigin({ port: 0, latencyMs: 5 }),
    serveArgs: (url) => [
      ...['--port', '0', '--env', 'production', '--schema', 'examples/galaxy', '--origin-url', url],
      ...['CACHE_SCOPE_SECRET:galaxy-scope', 'ORIGIN_BREAKER_FAILURES:1000000', `CONFIG_apiKey:${API_KEY}`].flatMap((pair) => ['--var', pair]),
    ],
  });

  const query = async (text: string, variables?: Record<string, unknown>): Promise<Answer> =>
    answer(await fetch(`${gatewayUrl()}/graphql`, postJson({ query: text, variables })));

  /** The answer's data, after checking that it has no errors. */
  function dataOf<T>(answered: Answer): T {
    expect(answered.body?.errors, answered.text).toBeUndefined();
    expect(answered.status).toBe(200);
    return answered.body?.data as T;
  }

  const stats = (): Promise<GalaxyStats> => admin().stats();

  /** One error on the root field `field`, with the mapped message and code; `extensions.http` is not checked (see the report on Yoga). */
  /** A failed answer the schema maps (`errors`, `isSuccess`): its message, its code, the origin's status, and the connector. */
  const mappedError = (field: string, message: string, code: string, status: number) => ({
    message,
    locations: [{ line: 1, column: 3 }],
    path: [field],
    extensions: { code, status, connector: `Query.${field}` },
  });

  describe('quirks', () => {
    it('snake_case keys by alias, measures from strings, "unknown" as null: one call each', async () => {
      const text = '{ person(id: "1") { id name height mass birthYear eyeColor url } unknown: person(id: "11") { height mass birthYear } }';
      expect(dataOf(await query(text))).toEqual({
        person: { id: '1', name: 'Oren Vask', height: 172, mass: 77, birthYear: '19BE', eyeColor: 'blue', url: `${originUrl()}/api/people/1/` },
        unknown: { height: null, mass: null, birthYear: 'unknown' },
      });
      expect(await stats()).toEqual({ total: 2, refused: 0, routes: { 'GET /api/people/:id/': 2 } });
    });

    it('a relation given as an absolute URL is followed: one call for the person, one for the homeworld', async () => {
      expect(dataOf(await query('{ person(id: "8") { name homeworld { id name climate diameter population rotationPeriod orbitalPeriod url } } }'))).toEqual({
        person: {
          name: 'Sela Marr',
          homeworld: { id: '4', name: 'Taloss', climate: 'murky', diameter: 8900, population: 800, rotationPeriod: 27, orbitalPeriod: 341, url: `${originUrl()}/api/planets/4/` },
        },
      });
      expect(await stats()).toEqual({ total: 2, refused: 0, routes: { 'GET /api/people/:id/': 1, 'GET /api/planets/:id/': 1 } });
    });

    it('the link itself is @inaccessible: homeworldUrl is not in the served schema, and nothing is called', async () => {
      const refused = await query('{ person(id: "1") { homeworldUrl } }');
      expect(refused.body?.data ?? null).toBeNull();
      // Production hides suggestions, and says so after the message.
      expect(refused.body?.errors?.[0]?.message).toMatch(/^Cannot query field "homeworldUrl" on type "Person"\./);
      expect((await stats()).total).toBe(0);
    });

    it('a list of links (starships): each followed once, and only when more than its url is asked', async () => {
      const urls = [`${originUrl()}/api/starships/2/`, `${originUrl()}/api/starships/5/`];
      expect(dataOf(await query('{ person(id: "6") { starships { url } } }'))).toEqual({ person: { starships: urls.map((url) => ({ url })) } });
      expect(await stats()).toEqual({ total: 1, refused: 0, routes: { 'GET /api/people/:id/': 1 } });

      // Another document: the person from the field cache, each starship from its own link.
      expect(dataOf(await query('{ person(id: "6") { starships { url name crew costInCredits } } }'))).toEqual({
        person: {
          starships: [
            { url: urls[0], name: 'Halcyon', crew: 2, costInCredits: null },
            { url: urls[1], name: 'Pale Lantern', crew: 5, costInCredits: null },
          ],
        },
      });
      expect(await stats()).toEqual({ total: 3, refused: 0, routes: { 'GET /api/people/:id/': 1, 'GET /api/starships/:id/': 2 } });
    });

    it('a page of people with their links: one call per distinct link (two homeworlds, four starships)', async () => {
      const { people } = dataOf<{ people: { results: { name: string; homeworld: { name: string }; starships: { name: string }[] }[] } }>(
        await query('{ people { results { name homeworld { name } starships { name } } } }'),
      );
      const shipName = (id: number): string => STARSHIPS.find((starship) => starship.id === id)!.name;
      const planetName = (id: number): string => PLANETS.find((planet) => planet.id === id)!.name;
      expect(people.results).toEqual(
        PEOPLE.slice(0, 5).map((person) => ({ name: person.name, homeworld: { name: planetName(person.homeworld) }, starships: person.starships.map((id) => ({ name: shipName(id) })) })),
      );
      expect(await stats()).toEqual({ total: 7, refused: 0, routes: { 'GET /api/people/': 1, 'GET /api/planets/:id/': 2, 'GET /api/starships/:id/': 4 } });
    });

    it('an error sent with status 200 ({ detail, ok: false }): its detail as the message, NOT_FOUND, and null', async () => {
      const unknown = await query('{ person(id: "99") { name } }');
      expect(unknown.body).toEqual({ data: { person: null }, errors: [mappedError('person', 'Not found', 'NOT_FOUND', 200)] });
      // The field is null; the response itself is a success, whatever the origin answered.
      expect(unknown.status).toBe(200);
      expect(await stats()).toEqual({ total: 1, refused: 0, routes: { 'GET /api/people/:id/': 1 } });
    });

    it('the key comes from $config: every call the gateway makes carries it, and the galaxy refuses calls without it', async () => {
      expect(dataOf(await query('{ planet(id: "2") { name } }'))).toEqual({ planet: { name: 'Quell' } });
      expect(await stats()).toEqual({ total: 1, refused: 0, routes: { 'GET /api/planets/:id/': 1 } });

      const keyless = await fetch(`${originUrl()}/api/planets/2/`);
      expect([keyless.status, await keyless.json()]).toEqual([401, { detail: NO_KEY, ok: false }]);
      const wrong = await fetch(`${originUrl()}/api/planets/2/`, { headers: { [KEY_HEADER]: 'guess' } });
      expect([wrong.status, await wrong.json()]).toEqual([401, { detail: WRONG_KEY, ok: false }]);
      expect((await stats()).refused).toBe(2);
    });

    it('a key the galaxy no longer takes: its 401 mapped to its detail and UNAUTHENTICATED, and null', async () => {
      expect((await fetch(`${originUrl()}/__galaxy/reset`, postJson({ apiKey: 'rotated' }))).status).toBe(200);
      const refused = await query('{ planet(id: "2") { name } }');
      expect(refused.body).toEqual({ data: { planet: null }, errors: [mappedError('planet', WRONG_KEY, 'UNAUTHENTICATED', 401)] });
      expect(refused.status).toBe(200);
      expect(await stats()).toEqual({ total: 1, refused: 1, routes: { 'GET /api/planets/:id/': 1 } });
    });
  });

  describe('pagination recipes', () => {
    interface Page {
      results: { name: string }[];
      count?: number | null;
      hasNextPage: boolean;
      endCursor: string | null;
    }

    it('1. page number: people(page:), five a page; endCursor is the next page, hasNextPage from the body', async () => {
      const text = 'query ($page: Int!) { people(page: $page) { count hasNextPage endCursor results { name } } }';
      const pages: Page[] = [];
      for (let page = 1, more = true; more; page++) {
        const { people } = dataOf<{ people: Page }>(await query(text, { page }));
        pages.push(people);
        more = people.hasNextPage;
      }
      expect(pages).toEqual([
        { count: 12, hasNextPage: true, endCursor: '2', results: names([1, 2, 3, 4, 5]) },
        { count: 12, hasNextPage: true, endCursor: '3', results: names([6, 7, 8, 9, 10]) },
        { count: 12, hasNextPage: false, endCursor: '4', results: names([11, 12]) },
      ]);
      expect(await stats()).toEqual({ total: 3, refused: 0, routes: { 'GET /api/people/': 3 } });
    });

    it('1. page number: a page past the last is the galaxy\'s 200 "Not found": NOT_FOUND and null', async () => {
      const past = await query('{ people(page: 4) { count } }');
      expect(past.body).toEqual({ data: { people: null }, errors: [mappedError('people', 'Not found', 'NOT_FOUND', 200)] });
    });

    it('2. offset and limit: planets(offset:, limit:); endCursor is the next offset', async () => {
      const text = 'query ($offset: Int!) { planets(offset: $offset) { count hasNextPage endCursor results { name } } }';
      const first = dataOf<{ planets: Page }>(await query(text, { offset: 0 })).planets;
      const second = dataOf<{ planets: Page }>(await query(text, { offset: Number(first.endCursor) })).planets;
      const planetNames = PLANETS.map((planet) => ({ name: planet.name }));
      expect([first, second]).toEqual([
        { count: 6, hasNextPage: true, endCursor: '3', results: planetNames.slice(0, 3) },
        { count: 6, hasNextPage: false, endCursor: '6', results: planetNames.slice(3) },
      ]);
      expect(await stats()).toEqual({ total: 2, refused: 0, routes: { 'GET /api/planets/': 2 } });
    });

    it('2. offset and limit: the galaxy gives 5 whatever the limit, and the next offset counts what came', async () => {
      expect(dataOf(await query('{ planets(limit: 10) { hasNextPage endCursor results { name } } }'))).toEqual({
        planets: { hasNextPage: true, endCursor: '5', results: PLANETS.slice(0, 5).map((planet) => ({ name: planet.name })) },
      });
    });

    it('3. a next URL in the body: starships, then starshipsAt(url: endCursor) until there is none', async () => {
      const fields = '{ count hasNextPage endCursor results { name } }';
      const pages = [dataOf<{ starships: Page }>(await query(`{ starships ${fields} }`)).starships];
      while (pages.at(-1)!.hasNextPage) {
        pages.push(dataOf<{ starshipsAt: Page }>(await query(`query ($url: String!) { starshipsAt(url: $url) ${fields} }`, { url: pages.at(-1)!.endCursor })).starshipsAt);
      }
      const shipNames = STARSHIPS.map((starship) => ({ name: starship.name }));
      expect(pages).toEqual([
        { count: 7, hasNextPage: true, endCursor: `${originUrl()}/api/starships/?page=2`, results: shipNames.slice(0, 3) },
        { count: 7, hasNextPage: true, endCursor: `${originUrl()}/api/starships/?page=3`, results: shipNames.slice(3, 6) },
        { count: 7, hasNextPage: false, endCursor: null, results: shipNames.slice(6) },
      ]);
      expect(await stats()).toEqual({ total: 3, refused: 0, routes: { 'GET /api/starships/': 3 } });
    });

    it('3. a next URL is followed only to the galaxy\'s own origin: any other is CONNECTOR_URL_REFUSED, and nothing is sent', async () => {
      const elsewhere = originUrl().replace('127.0.0.1', 'localhost');
      for (const url of [`${elsewhere}/api/starships/?page=2`, 'http://169.254.169.254/latest/meta-data/']) {
        const refused = await query('query ($url: String!) { starshipsAt(url: $url) { count } }', { url });
        expect(refused.body).toEqual({
          data: { starshipsAt: null },
          errors: [
            {
              message: 'Query.starshipsAt: a URL taken from the data leads off its source, and was not called',
              locations: [{ line: 1, column: 25 }],
              path: ['starshipsAt'],
              extensions: { code: 'CONNECTOR_URL_REFUSED' },
            },
          ],
        });
      }
      expect((await stats()).total).toBe(0);
    });

    it('4. a Link header: planet.residents(page:), two a page in a bare list; hasNextPage from rel="next"', async () => {
      const text = 'query ($page: Int!) { planet(id: "1") { residents(page: $page) { hasNextPage endCursor results { name } } } }';
      const pages: Page[] = [];
      for (let page = 1, more = true; more; page++) {
        const { planet } = dataOf<{ planet: { residents: Page } }>(await query(text, { page }));
        pages.push(planet.residents);
        more = planet.residents.hasNextPage;
      }
      expect(pages).toEqual([
        { hasNextPage: true, endCursor: '2', results: names([1, 2]) },
        { hasNextPage: true, endCursor: '3', results: names([3, 5]) },
        { hasNextPage: false, endCursor: '4', results: names([9]) },
      ]);
      // The planet once (the field cache), then each page.
      expect(await stats()).toEqual({ total: 4, refused: 0, routes: { 'GET /api/planets/:id/': 1, 'GET /api/planets/:id/residents/': 3 } });
    });

    it('4. a Link header: none on a single page, none on an empty one: no next page', async () => {
      const { one, none } = dataOf<{ one: { residents: Page }; none: { residents: Page } }>(
        await query('{ one: planet(id: "3") { residents { hasNextPage endCursor results { name } } } none: planet(id: "6") { residents { hasNextPage results { name } } } }'),
      );
      expect(one.residents).toEqual({ hasNextPage: false, endCursor: '2', results: names([7, 11]) });
      expect(none.residents).toEqual({ hasNextPage: false, results: [] });
    });

    it('4. a Link header: what it said is kept with the cached call, for another document', async () => {
      const first = await query('{ planet(id: "2") { residents { hasNextPage results { name } } } }');
      expect(dataOf(first)).toEqual({ planet: { residents: { hasNextPage: true, results: names([4, 6]) } } });
      const calls = (await stats()).total;
      const second = await query('{ planet(id: "2") { name residents { endCursor hasNextPage } } }');
      expect(dataOf(second)).toEqual({ planet: { name: 'Quell', residents: { endCursor: '2', hasNextPage: true } } });
      expect((await stats()).total).toBe(calls);
    });

    it('5. a cursor: searchPeople(text:, first:, after:); endCursor is the last result\'s id, hasNextPage the galaxy\'s has_more', async () => {
      const text = 'query ($after: String) { searchPeople(text: "OR", first: 2, after: $after) { hasNextPage endCursor results { name } } }';
      const pages: Page[] = [];
      let after: string | null = null;
      do {
        const { searchPeople }: { searchPeople: Page } = dataOf(await query(text, { after }));
        pages.push(searchPeople);
        after = searchPeople.hasNextPage ? searchPeople.endCursor : null;
      } while (after !== null);
      expect(pages).toEqual([
        { hasNextPage: true, endCursor: '3', results: names([1, 3]) },
        { hasNextPage: true, endCursor: '7', results: names([5, 7]) },
        { hasNextPage: false, endCursor: '10', results: names([9, 10]) },
      ]);
      expect(await stats()).toEqual({ total: 3, refused: 0, routes: { 'GET /api/search/people/': 3 } });
    });

    it('5. a cursor: a search that finds nobody has no last item, so no endCursor', async () => {
      expect(dataOf(await query('{ searchPeople(text: "zz") { hasNextPage endCursor results { name } } }'))).toEqual({
        searchPeople: { hasNextPage: false, endCursor: null, results: [] },
      });
    });

    it('5. a cursor the galaxy does not know: its 400 mapped to its detail and BAD_USER_INPUT, and null', async () => {
      const refused = await query('{ searchPeople(text: "or", after: "2") { hasNextPage } }');
      expect(refused.body).toEqual({ data: { searchPeople: null }, errors: [mappedError('searchPeople', 'starting_after: no such result: 2', 'BAD_USER_INPUT', 400)] });
    });
  });
});
