import { describe, expect, it } from 'vitest';
import { imported, json, text } from './imported.ts';

const strings = { type: 'array', items: text };
const listOf = (name: string) => json({ type: 'array', items: { $ref: `#/components/schemas/${name}` } });

/**
 * One entity per shape of the batch rule: `GET /things/{key}` makes the
 * entity, and its collection `GET /things` batches it when one query
 * parameter takes many keys (`ids`, `id`, `<key>s`) and the answer is a list
 * of the entity. Each entity below tells one branch of the rule.
 */
function entity(collection: string, type: string, pathParam: string, param: { name: string; schema: unknown; explode?: boolean } | undefined, answers = type) {
  return {
    [`/${collection}/{${pathParam}}`]: {
      get: { tags: ['stock'], operationId: `get-${type}`, parameters: [{ name: pathParam, in: 'path', required: true, schema: text }], responses: { '200': json({ $ref: `#/components/schemas/${type}` }) } },
    },
    [`/${collection}`]: { get: { tags: ['stock'], operationId: `list-${collection}`, parameters: param ? [{ in: 'query', ...param }] : [], responses: { '200': listOf(answers) } } },
  };
}

const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Stock', version: '1' },
  servers: [{ url: 'https://stock.example.com' }],
  paths: {
    ...entity('crates', 'Crate', 'sku', { name: 'skus', schema: strings, explode: false }), // <key>s, comma-joined
    ...entity('boxes', 'Box', 'boxId', { name: 'id', schema: strings }), // id, repeated (form explodes by default)
    ...entity('bins', 'Bin', 'code', { name: 'ids', schema: text }), // ids as one string: a comma list, whatever the key's name
    ...entity('pallets', 'Pallet', 'id', { name: 'tag', schema: strings }), // no parameter takes keys
    ...entity('carts', 'Cart', 'id', { name: 'ids', schema: strings, explode: false }, 'Crate'), // answers other things
  },
  components: {
    schemas: Object.fromEntries(
      [
        ['Crate', 'sku'],
        ['Box', 'id'],
        ['Bin', 'code'],
        ['Pallet', 'id'],
        ['Cart', 'id'],
      ].map(([name, key]) => [name, { type: 'object', required: [key], properties: { [key!]: text, label: text } }]),
    ),
  },
};

describe('import:openapi, the batch rule', async () => {
  const { run, read } = await imported(DOCUMENT, 'stock');
  const sdl = read('types.graphql', 'stock.graphql');
  /** The entity connector's `http: { ... }` of `type`. */
  const http = (type: string) => new RegExp(`\ntype ${type}\\n {2}@key\\(fields: "\\w+"\\)\\n {2}@connect\\(\\n {4}source: "stock"\\n {4}http: (\\{[^\\n]*\\})`).exec(sdl)?.[1];

  it('builds', () => {
    expect(run.problems).toEqual([]);
  });

  it("<key>s as an unexploded array: the keys comma-joined, said as a guess", () => {
    expect(http('Crate')).toBe(`{ GET: "/crates", queryParams: "skus: $batch.sku->joinNotNull(',')" }`);
    expect(sdl).toContain('# guessed: GET /crates?skus=1,2 answers many of Crate at once: batched\ntype Crate\n');
  });

  it('id as an array that explodes (form\'s default): the parameter repeated', () => {
    expect(http('Box')).toBe('{ GET: "/boxes", queryParams: "id: $batch.id" }');
    expect(sdl).toContain('# guessed: GET /boxes?id=1&id=2 answers many of Box at once: batched\n');
  });

  it('ids as one string: a comma list', () => {
    expect(http('Bin')).toBe(`{ GET: "/bins", queryParams: "ids: $batch.code->joinNotNull(',')" }`);
  });

  it('no parameter named for many keys, or a list of something else: one call per key', () => {
    expect(http('Pallet')).toBe('{ GET: "/pallets/{$this.id}" }');
    expect(http('Cart')).toBe('{ GET: "/carts/{$this.id}" }');
  });
});
