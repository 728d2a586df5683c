import { exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheStats } from '../../src/shared/cache-stats.ts';
import { PURGE_TOKEN, admin, gql, origin, resetAll } from './helpers.ts';

type Stats = CacheStats & { memoryBytes: number };

const PRODUCT_1 = '{ product(id: "1") { id name } }';
const PRODUCTS_1_2 = '{ productsByIds(ids: ["1", "2"]) { id } }';
const PRODUCT_3 = '{ product(id: "3") { id } }';
const SET_INVENTORY = 'mutation { setInventory(sku: "SKU-00001", available: 7) { sku available } }';

/** A request to the admin API with full control of the method, headers and raw body. */
function raw(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`http://gateway.test/admin/${path}`, init);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function stats(): Promise<Stats> {
  const response = await admin('stats');
  expect(response.status).toBe(200);
  return (await response.json()) as Stats;
}

/** How much each counter rose while `run` ran. */
async function countersDuring(run: () => Promise<unknown>): Promise<Omit<Stats, 'memoryBytes'>> {
  const before = await stats();
  await run();
  const after = await stats();
  return {
    HIT: after.HIT - before.HIT,
    STALE: after.STALE - before.STALE,
    MISS: after.MISS - before.MISS,
    BYPASS: after.BYPASS - before.BYPASS,
    revalidations: after.revalidations - before.revalidations,
    originCalls: after.originCalls - before.originCalls,
    objectLookups: after.objectLookups - before.objectLookups,
    locationHits: after.locationHits - before.locationHits,
    fieldTooLarge: after.fieldTooLarge - before.fieldTooLarge,
  };
}

async function xCache(query: string): Promise<string | null> {
  return (await gql(query)).headers.get('x-cache');
}

describe('admin API', () => {
  beforeEach(() => resetAll());

  describe('authorization', () => {
    const refused: [string, Record<string, string>][] = [
      ['no Authorization header', {}],
      ['a wrong token', bearer('not-the-token')],
      ['a prefix of the token', bearer(PURGE_TOKEN.slice(0, -1))],
      ['the token with more after it', bearer(`${PURGE_TOKEN}x`)],
      ['an empty bearer token', { authorization: 'Bearer ' }],
      ['the token without the Bearer scheme', { authorization: PURGE_TOKEN }],
      ['the token as Basic credentials', { authorization: `Basic ${btoa(`admin:${PURGE_TOKEN}`)}` }],
    ];

    for (const [what, headers] of refused) {
      it(`answers 401 to /admin/stats with ${what}`, async () => {
        const response = await raw('stats', { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(await response.json()).toMatchObject({ error: expect.any(String) });
      });
    }

    it('answers 401 to /admin/purge with a wrong token, and purges nothing', async () => {
      await gql(PRODUCT_1);

      const response = await admin('purge', { all: true }, 'wrong-token');
      const prefix = await admin('purge', { all: true }, PURGE_TOKEN.slice(0, 4));

      expect(response.status).toBe(401);
      expect(prefix.status).toBe(401);
      expect(await xCache(PRODUCT_1)).toBe('HIT');
    });

    it('checks the token before the method or the route', async () => {
      expect((await raw('purge', { method: 'DELETE' })).status).toBe(401);
      expect((await raw('nothing-here')).status).toBe(401);
    });

    it('answers 404 to an unknown admin route with the token', async () => {
      const response = await raw('nothing-here', { headers: bearer(PURGE_TOKEN) });
      expect(response.status).toBe(404);
    });

    it('accepts the Bearer scheme in any case', async () => {
      const response = await raw('stats', { headers: { authorization: `bearer ${PURGE_TOKEN}` } });
      expect(response.status).toBe(200);
    });
  });

  describe('methods', () => {
    it('answers 405 with Allow: POST to anything but POST on /admin/purge', async () => {
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        const response = await raw('purge', { method, headers: bearer(PURGE_TOKEN) });
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow'), method).toBe('POST');
      }
    });

    it('answers 405 with Allow: GET to anything but GET on /admin/stats', async () => {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const response = await raw('stats', { method, headers: bearer(PURGE_TOKEN) });
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow'), method).toBe('GET');
      }
    });
  });

  describe('POST /admin/purge', () => {
    const badBodies: [string, string][] = [
      ['a body that is not JSON', 'entities=Product:1'],
      ['an empty body', ''],
      ['a JSON array', '["Product:1"]'],
      ['JSON null', 'null'],
      ['an empty object', '{}'],
      ['entities as a string', '{"entities":"Product:1"}'],
      ['entities with a number', '{"entities":["Product:1",2]}'],
      ['entities with an empty string', '{"entities":[""]}'],
      ['types that are not a list', '{"types":{"Product":true}}'],
      ['more than 1000 entities', JSON.stringify({ entities: Array.from({ length: 1001 }, (_, i) => `Product:${i}`) })],
      ['all: false', '{"all":false}'],
      ['soft as a string', '{"entities":["Product:1"],"soft":"yes"}'],
      ['soft as a number', '{"all":true,"soft":1}'],
    ];

    for (const [what, body] of badBodies) {
      it(`answers 400 to ${what}, and purges nothing`, async () => {
        await gql(PRODUCT_1);

        const response = await raw('purge', {
          method: 'POST',
          headers: { ...bearer(PURGE_TOKEN), 'content-type': 'application/json' },
          body,
        });

        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: expect.any(String) });
        expect(await xCache(PRODUCT_1)).toBe('HIT');
      });
    }

    it('purges the responses that contain an entity, lists included, and answers how many', async () => {
      for (const query of [PRODUCT_1, PRODUCTS_1_2, PRODUCT_3]) expect(await xCache(query)).toBe('MISS');

      const response = await admin('purge', { entities: ['Product:1'] });

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ purged: 2 });
      expect(await xCache(PRODUCT_1)).toBe('MISS');
      expect(await xCache(PRODUCTS_1_2)).toBe('MISS');
      expect(await xCache(PRODUCT_3)).toBe('HIT');
    });

    it('answers { purged: 0 } when nothing contains what it names', async () => {
      await gql(PRODUCT_3);

      const response = await admin('purge', { entities: ['Product:999'] });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ purged: 0 });
      expect(await xCache(PRODUCT_3)).toBe('HIT');
    });

    it('purges by type and everything with all', async () => {
      for (const query of [PRODUCT_1, PRODUCT_3]) await gql(query);
      expect(await (await admin('purge', { types: ['Inventory'] })).json()).toEqual({ purged: 0 });
      expect(await (await admin('purge', { types: ['Product'] })).json()).toEqual({ purged: 2 });
      expect(await xCache(PRODUCT_1)).toBe('MISS');

      expect(await (await admin('purge', { all: true })).json()).toEqual({ purged: 1 });
      expect(await xCache(PRODUCT_1)).toBe('MISS');
      expect(await xCache(PRODUCT_3)).toBe('MISS');
    });

    it('soft: the entry is served stale while one request refreshes it', async () => {
      await gql(PRODUCT_1);

      const response = await admin('purge', { entities: ['Product:1'], soft: true });

      expect(await response.json()).toEqual({ purged: 1 });
      expect(await xCache(PRODUCT_1)).toBe('STALE');
      // Wait for the background refresh to land, so that it does not spill into the next test.
      await vi.waitFor(async () => expect(await xCache(PRODUCT_1)).toBe('HIT'), { timeout: 3000, interval: 20 });
    });
  });

  describe('GET /admin/stats', () => {
    it('answers the counters and the memory tier\'s size, uncached', async () => {
      const response = await admin('stats');

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Stats;
      for (const name of ['HIT', 'STALE', 'MISS', 'BYPASS', 'revalidations', 'originCalls', 'objectLookups', 'locationHits', 'fieldTooLarge', 'memoryBytes'] as const) {
        expect(Number.isSafeInteger(body[name]) && body[name] >= 0, name).toBe(true);
      }
    });

    it('counts each hit once', async () => {
      await gql(PRODUCT_1);

      const rose = await countersDuring(async () => {
        for (let i = 0; i < 3; i++) expect(await xCache(PRODUCT_1)).toBe('HIT');
      });

      expect(rose).toEqual({ HIT: 3, STALE: 0, MISS: 0, BYPASS: 0, revalidations: 0, originCalls: 0, objectLookups: 0, locationHits: 0, fieldTooLarge: 0 });
    });

    it('counts each miss once, and the origin calls they made', async () => {
      const originBefore = (await origin.stats()).total;

      const rose = await countersDuring(async () => {
        expect(await xCache(PRODUCT_1)).toBe('MISS');
        expect(await xCache('{ product(id: "2") { id name inventory { available } } }')).toBe('MISS');
      });

      const originCalls = (await origin.stats()).total - originBefore;
      expect(originCalls).toBeGreaterThanOrEqual(2);
      expect(rose).toEqual({ HIT: 0, STALE: 0, MISS: 2, BYPASS: 0, revalidations: 0, originCalls, objectLookups: 2, locationHits: 0, fieldTooLarge: 0 });
    });

    it('counts each bypass once', async () => {
      const rose = await countersDuring(async () => {
        for (let i = 0; i < 2; i++) {
          const { headers } = await gql(SET_INVENTORY, { token: 'token-admin' });
          expect(headers.get('x-cache')).toBe('BYPASS');
        }
        expect((await gql('{ viewer { id } }')).headers.get('x-cache')).toBe('BYPASS');
      });

      expect(rose).toMatchObject({ HIT: 0, STALE: 0, MISS: 0, BYPASS: 3 });
    });

    it('counts the origin calls of bypassed requests', async () => {
      const originBefore = (await origin.stats()).total;

      const rose = await countersDuring(() => gql(SET_INVENTORY, { token: 'token-admin' }));

      const originCalls = (await origin.stats()).total - originBefore;
      expect(originCalls).toBeGreaterThan(0);
      expect(rose.originCalls).toBe(originCalls);
    });

    it('shows the memory tier filling and a purge of everything emptying it', async () => {
      await gql(PRODUCT_1);
      expect((await stats()).memoryBytes).toBeGreaterThan(0);

      await admin('purge', { all: true });

      expect((await stats()).memoryBytes).toBe(0);
    });
  });
});
