import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, gql, origin, resetAll } from '../helpers.ts';

const QUERY = '{ product(id: "11") { id name price { amount currency } } }';

describe('cold stampede: one origin call per key, whatever the traffic', () => {
  beforeEach(() => resetAll());

  it('coalesces 200 concurrent identical cold requests into exactly 1 origin call and 200 identical answers', async () => {
    // Slow enough that every request arrives while the leader is still at the origin.
    await origin.fault({ mode: 'slow', latencyMs: 300 });
    const answers = await concurrently(200, () => gql(QUERY));
    const stats = await origin.stats();

    expect(stats.total).toBe(1);
    expect(stats.routes).toEqual({ 'GET /api/products': 1 });
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0]?.body.data).toMatchObject({ product: { id: '11' } });
    const statuses = answers.map((answer) => answer.headers.get('x-cache'));
    expect(statuses.filter((status) => status === 'MISS').length).toBeGreaterThan(100);
    expect(statuses.every((status) => status === 'MISS' || status === 'HIT')).toBe(true);
  });

  it('then answers HIT from the stored entry without the origin', async () => {
    await gql(QUERY);
    await origin.resetCounters();
    const answers = await concurrently(50, () => gql(QUERY));

    expect(answers.map((answer) => answer.headers.get('x-cache'))).toEqual(Array(50).fill('HIT'));
    expect((await origin.stats()).total).toBe(0);
  });

  it('keys apart what differs: other variables are another entry and another origin call', async () => {
    const query = 'query($id: ID!) { product(id: $id) { id } }';
    const a = await concurrently(20, () => gql(query, { variables: { id: '21' } }));
    const b = await concurrently(20, () => gql(query, { variables: { id: '22' } }));

    expect(new Set(a.map((answer) => JSON.stringify(answer.body.data)))).toEqual(new Set(['{"product":{"id":"21"}}']));
    expect(new Set(b.map((answer) => JSON.stringify(answer.body.data)))).toEqual(new Set(['{"product":{"id":"22"}}']));
    expect((await origin.stats()).total).toBe(2);
  });
});
