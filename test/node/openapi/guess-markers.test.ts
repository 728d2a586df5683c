import { describe, expect, it } from 'vitest';
import { imported, json, ref, text } from './imported.ts';

const query = (name: string, schema: unknown = text) => ({ name, in: 'query', schema });

/**
 * Every rule the guide says is marked `# guessed:` is, even where the name
 * matches exactly: a key from a path parameter, a forwarded Authorization, an
 * API key from `$config`, and each page's hasNextPage/endCursor rule.
 */
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Depot', version: '1' },
  servers: [{ url: 'https://depot.example.com' }],
  security: [{ token: [] }],
  paths: {
    '/crates/{sku}': {
      get: { tags: ['crates'], operationId: 'getCrate', parameters: [{ name: 'sku', in: 'path', required: true, schema: text }], responses: { '200': json(ref('Crate')) } },
    },
    '/crates': {
      get: {
        tags: ['crates'],
        operationId: 'listCrates',
        parameters: [query('offset', { type: 'integer' }), query('limit', { type: 'integer' })],
        responses: { '200': json({ type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: ref('Crate') } } }) },
      },
    },
    '/shipments': {
      get: {
        tags: ['shipments'],
        operationId: 'listShipments',
        security: [{ key: [] }],
        parameters: [query('cursor')],
        responses: { '200': json({ type: 'object', properties: { next_cursor: text, data: { type: 'array', items: ref('Shipment') } } }) },
      },
    },
  },
  components: {
    securitySchemes: { token: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Depot-Key' } },
    schemas: {
      Crate: { type: 'object', required: ['sku'], properties: { sku: text, label: text } },
      Shipment: { type: 'object', properties: { id: text, crate_sku: text } },
    },
  },
};

describe('import:openapi marks every guess', async () => {
  const { run, read } = await imported(DOCUMENT, 'depot');
  const sdl = read('types.graphql', 'crates.graphql', 'shipments.graphql');
  /** The `# guessed:` lines right above `field(` or `type Name`. */
  const above = (head: string) => new RegExp(`((?:[ ]*#.*\\n)+)(?:[ ]*"[^\\n]*\\n)?[ ]*${head}\\b`).exec(sdl)?.[1] ?? '';

  it('builds', () => {
    expect(run.problems).toEqual([]);
  });

  it('an entity key taken from a path parameter of the same name', () => {
    expect(above('type Crate')).toContain('# guessed: {sku} is Crate.sku\n');
  });

  it('the forwarded Authorization of a bearer scheme, on the field and on the entity connector', () => {
    const forwarded = "# guessed: security scheme token (http bearer): the client's Authorization is forwarded, not a credential of the gateway's\n";
    expect(above('getCrate')).toContain(forwarded);
    expect(above('type Crate')).toContain(forwarded);
  });

  it("an API key read from $config, the gateway's own", () => {
    expect(above('listShipments')).toContain("# guessed: security scheme key: the header X-Depot-Key is one key of the gateway's, $config.key (CONFIG_key), not the client's\n");
  });

  it("each page's hasNextPage and endCursor rule: offset with a total, a cursor the answer gives", () => {
    expect(above('listCrates')).toContain('# guessed: hasNextPage while total is more than offset + the items, endCursor the next offset\n');
    expect(above('listShipments')).toContain('# guessed: hasNextPage while next_cursor is not null, endCursor from next_cursor, sent as cursor\n');
  });

  it('counts what it marked', () => {
    expect(run.guesses).toBe(sdl.match(/# guessed:/g)!.length);
  });
});
