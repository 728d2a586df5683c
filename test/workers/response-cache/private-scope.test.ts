import { beforeEach, describe, expect, it } from 'vitest';
import { gql, origin, resetAll } from '../helpers.ts';

const QUERY = '{ viewer { id orders { id } } }';
type Answer = { viewer: { id: string; orders: { id: string }[] } | null };

/** The seeded orders: user uK owns o(3K-2)..o(3K). */
const ordersOf = (user: number) => [3 * user - 2, 3 * user - 1, 3 * user].map((n) => `o${n}`);

/** A seeded generator, so that a failing interleaving can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('private scope: an entry is served only to the identity it was made for', () => {
  beforeEach(() => resetAll());

  it('1,000 requests interleaved at random across token-u1, token-u2 and no token: zero answers for the wrong identity', async () => {
    const next = random(20261123);
    const callers = Array.from({ length: 1000 }, () => [1, 2, 0][Math.floor(next() * 3)] ?? 0);
    const wrong: string[] = [];
    const seen = { HIT: 0, MISS: 0, STALE: 0, BYPASS: 0 } as Record<string, number>;

    for (let i = 0; i < callers.length; i += 50) {
      const batch = callers.slice(i, i + 50);
      const answers = await Promise.all(batch.map((user) => gql<Answer>(QUERY, { token: user ? `token-u${user}` : undefined })));
      answers.forEach((answer, j) => {
        const user = batch[j] ?? 0;
        const cache = answer.headers.get('x-cache') ?? '';
        seen[cache] = (seen[cache] ?? 0) + 1;
        const viewer = answer.body.data?.viewer;
        const expected = user ? { id: `u${user}`, orders: ordersOf(user) } : null;
        const got = viewer ? { id: viewer.id, orders: viewer.orders.map((o) => o.id).sort() } : null;
        if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`#${i + j} user ${user}: ${JSON.stringify(got)}`);
        if (!user && cache !== 'BYPASS') wrong.push(`#${i + j} anonymous got ${cache}`);
        if (user && answer.headers.get('cache-control') !== 'private, max-age=30') wrong.push(`#${i + j} cache-control ${answer.headers.get('cache-control')}`);
      });
    }

    expect(wrong).toEqual([]);
    // The cache really was in play: most identified requests were hits.
    expect(seen.HIT).toBeGreaterThan(500);
    // Each identity was read from the origin once (users/me, then their orders); anonymous never reaches it.
    expect((await origin.stats()).routes).toEqual({ 'GET /api/users/me': 2, 'GET /api/users/me/orders': 2 });
  }, 30_000);

  it('10,000 randomized requests across 20 users and anonymous, cached and uncached private fields: zero cross-user answers', async () => {
    const next = random(4242);
    const pick = (n: number) => Math.floor(next() * n);
    type Mixed = { viewer: { id: string; name: string; orders: { id: string }[] } | null; order?: { id: string } | null; products?: unknown };
    const shapes = [
      // Cached per user.
      { query: '{ viewer { id name orders { id } } }', variables: () => ({}) },
      // Cached per user; someone else's order is null.
      { query: 'query($id: ID!) { viewer { id name orders { id } } order(id: $id) { id } }', variables: () => ({ id: `o${1 + pick(60)}` }) },
      // Public and private fields in one response: private.
      { query: '{ products(first: 2) { nodes { id } } viewer { id name orders(first: 2) { id } } }', variables: () => ({}) },
      // Not cached at all: an error in the response (an unknown product is fine, a negative page is not).
      { query: '{ viewer { id name orders(first: 0) { id } } }', variables: () => ({}) },
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (let batch = 0; batch < 100; batch++) {
      const requests = Array.from({ length: 100 }, () => {
        const user = pick(21);
        const shape = shapes[pick(shapes.length)]!;
        return { user, shape, variables: shape.variables() };
      });
      const answers = await Promise.all(
        requests.map(({ user, shape, variables }) => gql<Mixed>(shape.query, { token: user ? `token-u${user}` : undefined, variables })),
      );
      answers.forEach((answer, i) => {
        const { user, variables } = requests[i]!;
        const viewer = answer.body.data?.viewer ?? null;
        checked++;
        if (!user) {
          if (viewer !== null) wrong.push(`anonymous got ${viewer.id}`);
          return;
        }
        if (viewer && (viewer.id !== `u${user}` || viewer.name === '')) wrong.push(`u${user} got viewer ${viewer.id}`);
        for (const order of viewer?.orders ?? []) if (!ordersOf(user).includes(order.id)) wrong.push(`u${user} got order ${order.id}`);
        const asked = (variables as { id?: string }).id;
        const order = answer.body.data?.order;
        if (asked && order && !ordersOf(user).includes(order.id)) wrong.push(`u${user} got order(${asked}) = ${order.id}`);
        if (asked && order === null && ordersOf(user).includes(asked)) wrong.push(`u${user} was denied own ${asked}`);
      });
    }
    expect(checked).toBe(10_000);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('keys by the whole credential: a token the origin refuses is not served another identity\'s entry', async () => {
    await gql(QUERY, { token: 'token-u1' });
    const forged = await gql<Answer>(QUERY, { token: 'token-u1x' });
    expect(forged.body.data?.viewer ?? null).toBeNull();
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keys a private answer by every identity header: the same token with another cookie is another identity', async () => {
    const asU1 = (cookie: string) => gql<Answer>(QUERY, { token: 'token-u1', headers: { cookie } });
    const first = await asU1('session=a');
    const otherCookie = await asU1('session=b');
    const again = await asU1('session=a');
    expect([first, otherCookie, again].map((answer) => answer.headers.get('x-cache'))).toEqual(['MISS', 'MISS', 'HIT']);
    for (const answer of [first, otherCookie, again]) expect(answer.body.data?.viewer?.id).toBe('u1');
  });

  it('does not cache a private answer for a caller with no identity header at all', async () => {
    const anonymous = await gql<Answer>(QUERY, { headers: { 'x-tenant': 'a' } });
    expect(anonymous.headers.get('x-cache')).toBe('BYPASS');
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });

  it('a connector that forwards Authorization makes the answer private to its caller, under a PUBLIC hint too', async () => {
    type Me = { me: { id: string } | null };
    const ask = (token?: string) => gql<Me>('{ me { id } }', { token });
    const u1 = await ask('token-u1');
    const u2 = await ask('token-u2');
    const nobody = await ask();
    const u1Again = await ask('token-u1');

    expect([u1, u2, u1Again].map((answer) => answer.body.data?.me?.id)).toEqual(['u1', 'u2', 'u1']);
    expect(nobody.body.data?.me ?? null).toBeNull();
    expect([u1, u2, nobody, u1Again].map((answer) => answer.headers.get('x-cache'))).toEqual(['MISS', 'MISS', 'BYPASS', 'HIT']);
    for (const answer of [u1, u2, u1Again]) expect(answer.headers.get('cache-control')).toBe('private, max-age=30');
    expect(u1Again.headers.get('vary')).toMatch(/authorization/);
  });
});
