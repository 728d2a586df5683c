import { env } from 'cloudflare:workers';
import { GraphQLError } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { invalidValueError } from '../../../src/connect/invalid-value.ts';
import { errorCodes, resetAll } from '../helpers.ts';
import { gqlWith, scriptedOrigin } from './scripted-origin.ts';

const main = scriptedOrigin('main');
const gateway = { ...env, ORIGIN_URL: main.url };

let products = 0;

/**
 * The origin's batch answers for a product and its inventory, `name` and
 * `available` written as raw JSON, and the query for it. A new id each time:
 * the gateway's isolate for `gateway` keeps what it read in memory.
 */
async function shop({ name = '"Lamp"', available = '3' }: { name?: string; available?: string }): Promise<{ id: string; query: string }> {
  const id = `iv-${++products}`;
  await main.script({
    'GET /api/products': {
      body: `{"items":[{"id":"${id}","sku":"${id}","name":${name},"description":"d","category":"c","price":{"amount":"1.00","currency":"USD"}}]}`,
    },
    'GET /api/inventory': { body: `{"items":[{"sku":"${id}","available":${available},"updatedAt":"2030-01-01T00:00:00Z"}]}` },
  });
  return { id, query: `{ product(id: "${id}") { id name inventory { available } } }` };
}

describe('origin values that do not fit their field\'s type', () => {
  beforeEach(() => resetAll());

  it('a well-typed answer is served (the scripted shop itself is right)', async () => {
    const { id, query } = await shop({});
    const { body } = await gqlWith(gateway, query);
    expect(body).toEqual({ data: { product: { id, name: 'Lamp', inventory: { available: 3 } } } });
  });

  it.each<[string, { name?: string; available?: string }, string, string]>([
    ['1e400 (Infinity) for an Int', { available: '1e400' }, 'product.inventory.available', 'Int'],
    ['"unknown" for an Int', { available: '"unknown"' }, 'product.inventory.available', 'Int'],
    ['2^31 for an Int', { available: '2147483648' }, 'product.inventory.available', 'Int'],
    ['an object for a String', { name: '{"secret":"10.1.2.3"}' }, 'product.name', 'String'],
  ])('%s: ORIGIN_INVALID_VALUE at the field, the null bubbling to the nullable product', async (_, answer, path, type) => {
    const { query } = await shop(answer);
    const { body } = await gqlWith(gateway, query);

    expect(body.data).toEqual({ product: null });
    expect(errorCodes(body)).toEqual(['ORIGIN_INVALID_VALUE']);
    expect(body.errors?.[0]?.path).toEqual(path.split('.'));
    expect(body.errors?.[0]?.message).toBe(`The origin's value for ${path} is not a valid ${type}.`);
    expect(JSON.stringify(body)).not.toMatch(/Infinity|unknown|2147483648|secret|10\.1\.2\.3|127\.0\.0\.1/);
  });

  it('an enum value the schema does not know: ORIGIN_INVALID_VALUE naming the enum', async () => {
    await main.script({
      'GET /api/orders/o1': {
        body: '{"id":"o1","userId":"u1","status":"LOST_IN_10.0.0.1","createdAt":"t","items":[],"total":{"amount":"0.00","currency":"USD"}}',
      },
    });
    const { body } = await gqlWith(gateway, '{ order(id: "o1") { id status } }', { authorization: 'Bearer token-u1' });
    expect(body.data).toEqual({ order: null });
    expect(errorCodes(body)).toEqual(['ORIGIN_INVALID_VALUE']);
    expect(body.errors?.[0]?.message).toBe("The origin's value for order.status is not a valid OrderStatus.");
  });

  it('JSON nested 100,000 levels deep: ORIGIN_INVALID_VALUE, not "Unexpected error."', async () => {
    await main.script({ 'GET /api/products': { body: `{"items":[{"id":"deep-1","name":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}` } });
    const { body } = await gqlWith(gateway, '{ product(id: "deep-1") { id name } }');
    expect(body.data).toEqual({ product: null });
    expect(errorCodes(body)).toEqual(['ORIGIN_INVALID_VALUE']);
  });
});

describe('invalidValueError: only leaf serialization errors', () => {
  const located = (message: string) => new GraphQLError(message, { path: ['product', 'price'], originalError: new Error(message) });

  it('recognises a located serialize failure', () => {
    expect(invalidValueError(located('Float cannot represent non numeric value: "x"'))?.extensions.code).toBe('ORIGIN_INVALID_VALUE');
    expect(invalidValueError(located('Expected `Money.serialize(undefined)` to return non-nullable value, returned: undefined'))?.message).toBe(
      "The origin's value for product.price is not a valid Money.",
    );
  });

  it.each<[string, unknown]>([
    ['a resolver\'s own error', located('connection reset by peer')],
    ['a variable that does not fit (no path)', new GraphQLError('Int cannot represent non-integer value: "x"')],
    ['a plain Error', new Error('Int cannot represent non-integer value: Infinity')],
  ])('leaves %s to the default masking', (_, error) => {
    expect(invalidValueError(error)).toBeUndefined();
  });
});
