import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stop } from '../../scripts/dev-processes.ts';
import { answer, postJson, type ErrorBody } from '../support/answers.ts';
import { startScriptedOrigin } from '../workers/setup/scripted-origin.ts';
import type { ScriptedAnswer } from '../workers/setup/scripted-answers.ts';
import { serve, type Served } from './serve.ts';

/**
 * What a client gets when a connector's mapping fails on the origin's data,
 * on what ships: `npm run serve -- --schema test/support/mapping-failures/schema`
 * (the production bundle on workerd, production settings) over a scripted
 * origin. A nullable field is null, with nothing in `errors`; a non-null one
 * is CONNECTOR_MAPPING_FAILED naming the connector, the path and why, the
 * null bubbling as GraphQL prescribes; a value of the wrong type is
 * ORIGIN_INVALID_VALUE naming its connector. Never "Unexpected error.", and
 * never the origin's address.
 */

/** Building the bundle (wrangler) and starting workerd. */
const STARTUP_MS = 240_000;

/** An internal address in the origin's data: a mapping error that quotes it must not reach the client. */
const INTERNAL_AGE = 'http://10.0.0.5:8080/ages/3';

const json = (value: unknown): ScriptedAnswer => ({ body: JSON.stringify(value) });

const PEOPLE = {
  ada: { id: '1', name: 'Ada', age: '36' },
  bob: { id: '2', name: 'Bob', age: 'unknown' },
  cy: { id: '3', name: 'Cy', age: INTERNAL_AGE },
  dee: { id: '4', name: null, age: '40' },
};

const SCRIPT: Record<string, ScriptedAnswer> = {
  'GET /people/1': json(PEOPLE.ada),
  'GET /people/2': json(PEOPLE.bob),
  'GET /people/3': json(PEOPLE.cy),
  'GET /people/4': json(PEOPLE.dee),
  'GET /people': json([PEOPLE.ada, PEOPLE.bob]),
  'GET /owners/o1': json({ id: 'o1', pets: [{ id: 'p1' }, { id: 'p2' }] }),
  'GET /pets/p1': json({ id: 'p1', name: 'Rex', age: '3' }),
  'GET /pets/p2': json({ id: 'p2', name: 'Tom', age: 'old' }),
};

/** An answer's body, each error with its path. */
interface Body extends Omit<ErrorBody, 'errors'> {
  errors?: (NonNullable<ErrorBody['errors']>[number] & { path?: (string | number)[] })[];
}

/** The errors without their locations in the document. */
function errorsOf({ errors }: Body): { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined {
  return errors?.map(({ message, path, extensions }) => ({ message, path, extensions }));
}

const PARSE_UNKNOWN = "Method ->parseInt failed to parse 'unknown' as integer with base 10";

describe('mapping failures, as the client meets them on the production build', () => {
  let origin: { url: string; close(): Promise<void> } | undefined;
  let served: Served | undefined;

  beforeAll(async () => {
    origin = await startScriptedOrigin();
    const scripted = await fetch(`${origin.url}/__script`, { method: 'POST', body: JSON.stringify(SCRIPT) });
    expect(scripted.status).toBe(204);
    served = await serve(['--port', '0', '--env', 'production', '--schema', 'test/support/mapping-failures/schema', '--origin-url', origin.url]);
  }, STARTUP_MS);

  afterAll(async () => {
    await Promise.all([served && stop(served.child), origin?.close()]);
  });

  /** The answer's body; every answer is also checked (softly, so that a test reports all it sees) for what no answer may show. */
  async function query(source: string): Promise<Body> {
    const { status, text, body } = await answer(await fetch(`${served!.urls[0]}/graphql`, postJson({ query: source })));
    expect(status).toBe(200);
    for (const shown of ['Unexpected error.', 'INTERNAL_SERVER_ERROR', new URL(origin!.url).host, '127.0.0.1', 'localhost', '10.0.0.5']) {
      expect.soft(text, `the answer shows "${shown}"`).not.toContain(shown);
    }
    expect(body, text).toBeDefined();
    return body as Body;
  }

  describe('(a) a mapping that fails on a nullable field', () => {
    it('a method that fails (->parseInt of "unknown") and a property not there: null, with nothing in errors', async () => {
      const body = await query('{ person(id: "2") { id name age phone } }');
      expect(body).toEqual({ data: { person: { id: '2', name: 'Bob', age: null, phone: null } } });
    });
  });

  describe('(b) a mapping that leaves a non-null field without a value: CONNECTOR_MAPPING_FAILED, the null bubbling', () => {
    it('to the nullable parent: the message names the connector, the path and the method that failed (not the missing phone, which is nullable)', async () => {
      const body = await query('{ strictPerson(id: "2") { id name age phone } }');
      expect(body.data).toEqual({ strictPerson: null });
      expect(body.errors).toEqual([
        {
          message: `Query.strictPerson gave no value for strictPerson.age, which cannot be null: ${PARSE_UNKNOWN}.`,
          locations: [{ line: 1, column: 35 }],
          path: ['strictPerson', 'age'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.strictPerson' },
        },
      ]);
    });

    it('a property not there: the message says which', async () => {
      const body = await query('{ misnamedPerson(id: "1") { id name } }');
      expect(body.data).toEqual({ misnamedPerson: null });
      expect(errorsOf(body)).toEqual([
        {
          message: 'Query.misnamedPerson gave no value for misnamedPerson.name, which cannot be null: Property .fullName not found in object.',
          path: ['misnamedPerson', 'name'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.misnamedPerson' },
        },
      ]);
    });

    it('up to data itself when every field on the way is non-null; an alias is named as the client wrote it', async () => {
      const body = await query('{ requiredPerson(id: "2") { id years: age } }');
      expect(body.data).toBeNull();
      expect(errorsOf(body)).toEqual([
        {
          message: `Query.requiredPerson gave no value for requiredPerson.years, which cannot be null: ${PARSE_UNKNOWN}.`,
          path: ['requiredPerson', 'years'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.requiredPerson' },
        },
      ]);
    });

    it('in a list of nullable items: only that item is null', async () => {
      const body = await query('{ strictPeople { id age } }');
      expect(body.data).toEqual({ strictPeople: [{ id: '1', age: 36 }, null] });
      expect(errorsOf(body)).toEqual([
        {
          message: `Query.strictPeople gave no value for strictPeople.1.age, which cannot be null: ${PARSE_UNKNOWN}.`,
          path: ['strictPeople', 1, 'age'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.strictPeople' },
        },
      ]);
    });

    it('in an entity completed by key: the entity connector is named, not the field that gave the stub', async () => {
      const body = await query('{ owner(id: "o1") { id pets { id name age } } }');
      expect(body.data).toEqual({ owner: { id: 'o1', pets: [{ id: 'p1', name: 'Rex', age: 3 }, null] } });
      expect(errorsOf(body)).toEqual([
        {
          message: "Pet gave no value for owner.pets.1.age, which cannot be null: Method ->parseInt failed to parse 'old' as integer with base 10.",
          path: ['owner', 'pets', 1, 'age'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Pet' },
        },
      ]);
    });

    it('a null the origin sent itself, with no mapping error: the connector and the path, no reason', async () => {
      const body = await query('{ strictPerson(id: "4") { id name } }');
      expect(body.data).toEqual({ strictPerson: null });
      expect(errorsOf(body)).toEqual([
        {
          message: 'Query.strictPerson gave no value for strictPerson.name, which cannot be null.',
          path: ['strictPerson', 'name'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.strictPerson' },
        },
      ]);
    });

    it('a mapping error that quotes an internal address is left out of the message', async () => {
      const body = await query('{ strictPerson(id: "3") { id age } }');
      expect(body.data).toEqual({ strictPerson: null });
      expect(errorsOf(body)).toEqual([
        {
          message: 'Query.strictPerson gave no value for strictPerson.age, which cannot be null.',
          path: ['strictPerson', 'age'],
          extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.strictPerson' },
        },
      ]);
    });
  });

  describe('(c) a value that does not fit its field ("unknown" for an Int): ORIGIN_INVALID_VALUE naming the connector', () => {
    it('a nullable Int: the field is null', async () => {
      const body = await query('{ rawPerson(id: "2") { id age } }');
      expect(body.data).toEqual({ rawPerson: { id: '2', age: null } });
      expect(errorsOf(body)).toEqual([
        { message: "The origin's value for rawPerson.age is not a valid Int.", path: ['rawPerson', 'age'], extensions: { code: 'ORIGIN_INVALID_VALUE', connector: 'Query.rawPerson' } },
      ]);
    });

    it('a non-null Int: the null bubbles to the nullable parent', async () => {
      const body = await query('{ rawStrictPerson(id: "2") { id age } }');
      expect(body.data).toEqual({ rawStrictPerson: null });
      expect(errorsOf(body)).toEqual([
        { message: "The origin's value for rawStrictPerson.age is not a valid Int.", path: ['rawStrictPerson', 'age'], extensions: { code: 'ORIGIN_INVALID_VALUE', connector: 'Query.rawStrictPerson' } },
      ]);
    });
  });
});
