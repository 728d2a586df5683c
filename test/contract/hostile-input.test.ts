import { beforeEach, describe, expect, it } from 'vitest';
import { isRefusal } from '../support/answers.ts';
import { check, CORPUS, EXPECTED_SUMMARY, type HostileCase, type Probe } from '../support/hostile-requests.ts';
import { gateway, type Gateway } from './gateway.ts';

async function probe(target: Gateway, c: HostileCase): Promise<Probe> {
  await target.origin.resetCounters();
  const answer = await target.send(c.path ?? '/graphql', c.init);
  return { ...answer, originCalls: (await target.origin.stats()).total };
}

describe('the hostile-input corpus against the production build', () => {
  const development = gateway('development');
  const production = gateway('production');
  beforeEach(() => Promise.all([development.reset(), production.reset()]));

  it('development settings: every request answers exactly as in the workers pool', async () => {
    const summary: Record<string, number> = {};
    for (const c of CORPUS) {
      const result = await probe(development, c);
      check(c, result);
      summary[result.status] = (summary[result.status] ?? 0) + 1;
    }
    expect(summary).toEqual(EXPECTED_SUMMARY);
  });

  // Production turns introspection off, so the introspection cases answer with another refusal: the same rules hold.
  it('production settings: every request is refused, never with a 5xx, a stack or an origin call', async () => {
    for (const c of CORPUS) {
      const result = await probe(production, c);
      expect(result.status, c.name).toBeLessThan(500);
      expect(isRefusal(result), c.name).toBe(true);
      expect(result.originCalls, `${c.name}: origin calls`).toBe(0);
      expect(result.text, c.name).not.toMatch(/"stack"|Did you mean/);
    }
    const after = await production.query('{ product(id: "1") { id } }');
    expect(after.body).toEqual({ data: { product: { id: '1' } } });
  });
});
