import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OriginFaultMode } from '../../../simulator/types.ts';
import { errorCodes, gql, origin, resetAll } from '../helpers.ts';

const PRODUCT = '{ product(id: "1") { id name inventory { available } } }';

describe('origin failures become GraphQL errors with extensions.code', () => {
  beforeEach(() => resetAll());
  afterEach(() => origin.fault({ mode: 'none' }));

  it.each<[OriginFaultMode, string]>([
    ['down', 'the connection is dropped'],
    ['error', 'the origin answers 500'],
    ['hang', 'the origin never answers'],
    ['malformed', 'the origin answers truncated JSON'],
  ])('%s: %s → ORIGIN_UNAVAILABLE, then the gateway keeps serving', async (mode) => {
    await origin.fault({ mode });
    const failed = await gql(PRODUCT);

    expect(failed.status).toBe(200);
    expect(failed.body.data).toEqual({ product: null });
    expect(errorCodes(failed.body)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect(failed.body.errors?.[0]?.path).toEqual(['product']);

    await origin.fault({ mode: 'none' });
    const recovered = await gql<{ product: { id: string } }>(PRODUCT);
    expect(recovered.body.errors).toBeUndefined();
    expect(recovered.body.data?.product.id).toBe('1');
  });

  it('never shows a stack, the original error or the origin address to the client', async () => {
    await origin.fault({ mode: 'error' });
    const { body } = await gql(PRODUCT);
    const text = JSON.stringify(body);

    expect(errorCodes(body)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect(text).not.toMatch(/stack|originalError|at \w+ \(/);
    expect(text).not.toContain(new URL(env.ORIGIN_URL).host);
  });

  it('origin 401 → UNAUTHENTICATED for a token the origin does not know', async () => {
    const { body } = await gql('{ viewer { id } }', { token: 'token-nobody' });
    expect(body.data).toEqual({ viewer: null });
    expect(errorCodes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('origin 401 → UNAUTHENTICATED for an anonymous write', async () => {
    const { body } = await gql('mutation { setInventory(sku: "SKU-00001", available: 1) { available } }');
    expect(errorCodes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('origin 403 → FORBIDDEN for a user token on an admin write', async () => {
    const { body } = await gql('mutation { setInventory(sku: "SKU-00001", available: 1) { available } }', {
      token: 'token-u1',
    });
    expect(errorCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('origin 404 → null for a nullable field: an unknown order, and another user\'s order', async () => {
    const unknown = await gql('{ order(id: "o999999") { id } }', { token: 'token-u1' });
    expect(unknown.body).toEqual({ data: { order: null } });

    const someoneElses = await gql('{ order(id: "o4") { id } }', { token: 'token-u1' });
    expect(someoneElses.body).toEqual({ data: { order: null } });

    const own = await gql('{ order(id: "o1") { id } }', { token: 'token-u1' });
    expect(own.body).toEqual({ data: { order: { id: 'o1' } } });
  });

  it('origin 400 → BAD_USER_INPUT with the origin\'s own message', async () => {
    const { body } = await gql('mutation { placeOrder(input: { items: [{ productId: "1", quantity: 0 }] }) { id } }', {
      token: 'token-u1',
    });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toMatch(/quantity/i);
  });

  it('origin 409 → CONFLICT when stock is short, and no stock is taken', async () => {
    const before = await gql<{ product: { inventory: { available: number } } }>(PRODUCT);
    const available = before.body.data?.product.inventory.available ?? -1;

    const { body } = await gql(
      'mutation($q: Int!) { placeOrder(input: { items: [{ productId: "1", quantity: $q }] }) { id } }',
      { token: 'token-u1', variables: { q: available + 1 } },
    );
    expect(errorCodes(body)).toEqual(['CONFLICT']);

    const after = await gql<{ product: { inventory: { available: number } } }>(PRODUCT);
    expect(after.body.data?.product.inventory.available).toBe(available);
  });

  it('gives up on a hanging origin after ORIGIN_TIMEOUT_MS rather than holding the client', async () => {
    await origin.fault({ mode: 'hang' });
    const { body } = await gql(PRODUCT);
    expect(errorCodes(body)).toEqual(['ORIGIN_UNAVAILABLE']);
    // The call was made and abandoned, not skipped.
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });
});
