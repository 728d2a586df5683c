import { beforeEach, describe, expect, it } from 'vitest';
import { ProductDocument, ProductsDocument } from '../../../client/generated/graphql.ts';
import type { OriginInventory, OriginProduct } from '../../../simulator/types.ts';
import { errorCodes, gql, origin, type GraphQLBody, resetAll } from '../helpers.ts';

describe('catalog: product, products, pagination', () => {
  beforeEach(() => resetAll());

  it('answers the typed client\'s Product query with the origin\'s data', async () => {
    const { body } = await gql(ProductDocument, { variables: { id: '7' } });
    const stats = await origin.stats();
    const product = await origin.get<OriginProduct>('/api/products/7');
    const inventory = await origin.get<OriginInventory>(`/api/inventory/${product.sku}`);

    expect(body.errors).toBeUndefined();
    expect(body.data?.product).toEqual({
      ...product,
      inventory: { available: inventory.available, inStock: inventory.available > 0, updatedAt: inventory.updatedAt },
    });
    expect(stats.total).toBe(2);
  });

  it('answers null for a product the origin does not know', async () => {
    const { body } = await gql('{ product(id: "999999") { id } }');
    expect(body).toEqual({ data: { product: null } });
  });

  it('pages through products with endCursor and after, without gaps or repeats', async () => {
    const first = await gql(ProductsDocument, { variables: { first: 5 } });
    const page1 = first.body.data?.products;
    expect(page1?.totalCount).toBe(1000);
    expect(page1?.nodes.map((p) => p.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(page1?.pageInfo.hasNextPage).toBe(true);

    const second = await gql<{ products: { nodes: { id: string }[] } }>(
      'query($after: String) { products(first: 5, after: $after) { nodes { id } } }',
      { variables: { after: page1?.pageInfo.endCursor } },
    );
    expect(second.body.data?.products.nodes.map((p) => p.id)).toEqual(['6', '7', '8', '9', '10']);
  });

  it('walks a whole category to the last page, which has hasNextPage false', async () => {
    type Page = { products: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    let page: Page['products'] | undefined;
    do {
      const { body }: { body: GraphQLBody<Page> } = await gql<Page>(
        'query($after: String) { products(first: 40, category: "books", after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
        { variables: { after } },
      );
      page = body.data?.products;
      seen.push(...(page?.nodes.map((p) => p.id) ?? []));
      after = page?.pageInfo.endCursor ?? null;
    } while (page?.pageInfo.hasNextPage);

    expect(page?.totalCount).toBeGreaterThan(40);
    expect(seen).toHaveLength(page?.totalCount ?? -1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by category', async () => {
    const { body } = await gql<{ products: { nodes: { category: string }[] } }>(
      '{ products(first: 20, category: "books") { nodes { category } } }',
    );
    const categories = new Set(body.data?.products.nodes.map((p) => p.category));
    expect(categories).toEqual(new Set(['books']));
  });

  it('counts without fetching nodes when first is 0', async () => {
    const { body } = await gql('{ products(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }');
    expect(body.data).toEqual({ products: { totalCount: 1000, nodes: [], pageInfo: { hasNextPage: true } } });
  });

  it.each([
    ['first above 100', '{ products(first: 101) { totalCount } }'],
    ['negative first', '{ products(first: -1) { totalCount } }'],
    ['a forged cursor', '{ products(after: "bm90LWEtY3Vyc29y") { totalCount } }'],
    ['a cursor that is not base64', '{ products(after: "%%%") { totalCount } }'],
  ])('refuses %s with BAD_USER_INPUT and no origin call', async (_, query) => {
    const { body } = await gql(query);
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    expect((await origin.stats()).total).toBe(0);
  });
});
