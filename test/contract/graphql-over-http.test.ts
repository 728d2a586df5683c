import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { gateway } from './gateway.ts';
import type { Settings } from './setup.ts';

/** The GraphQL-over-HTTP spec's own server audit (the graphql-http package), its requests as it sends them, against the production build. */
async function audit(settings: Settings) {
  const audits = serverAudits({ url: `${gateway(settings).url}/graphql` });
  const results = await Promise.all(audits.map((one) => one.fn()));
  return {
    errors: results.filter((result) => result.status === 'error').map(({ id, name }) => `${id} ${name}`),
    warnings: results.filter((result) => result.status === 'warn').map(({ id, name }) => `${id} ${name}`),
    ok: results.filter((result) => result.status === 'ok').length,
    total: results.length,
  };
}

/**
 * Production turns introspection off, and these audits (one MUST, one SHOULD)
 * send their variables with `query Type($name: String!) { __type(name: $name) { name } }`.
 */
const NEED_INTROSPECTION = { errors: ['28B9'], warnings: ['2EA1'] };
const ids = (lines: string[]) => lines.map((line) => line.split(' ')[0]);

describe('the graphql-http server audit against the production build', () => {
  it('development settings: no errors', async () => {
    const { errors, warnings, ok, total } = await audit('development');
    console.info(`graphql-http audit, development: ${ok} ok, ${warnings.length} warnings, ${errors.length} errors of ${total}`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(ok).toBeGreaterThan(total / 2);
  });

  it('production settings: only the audits that need introspection fail', async () => {
    const { errors, ok, total, warnings } = await audit('production');
    console.info(`graphql-http audit, production: ${ok} ok, ${warnings.length} warnings, ${errors.length} errors of ${total}`);
    expect({ errors: ids(errors), warnings: ids(warnings) }).toEqual(NEED_INTROSPECTION);
    expect(ok).toBeGreaterThan(total / 2);
  });
});

describe('parse and validation failures, as GraphQL over HTTP prescribes', () => {
  const target = gateway('production');
  beforeAll(() => target.reset());

  it.each([
    ['a syntax error', '{ product(', 'GRAPHQL_PARSE_FAILED', /Syntax Error: Expected Name, found <EOF>/],
    ['an unknown field', '{ nope }', 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope" on type "Query"/],
  ])('%s: 400 with the message and its location for application/graphql-response+json, 200 for application/json', async (_, query, code, message) => {
    const modern = await target.send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const legacy = await target.query(query);
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    for (const { body } of [modern, legacy]) {
      const [error] = body?.errors ?? [];
      expect(error?.message).toMatch(message);
      expect(error?.extensions?.code).toBe(code);
      expect(error?.locations).toEqual([{ line: 1, column: expect.any(Number) }]);
      expect(body?.data).toBeUndefined();
    }
  });
});
