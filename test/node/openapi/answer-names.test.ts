import { describe, expect, it } from 'vitest';
import { imported, json, ref, text } from './imported.ts';

const get = (operationId: string, summary: string, schema: unknown, parameters: unknown[] = []) => ({ get: { tags: ['accounts'], operationId, summary, parameters, responses: { '200': json(schema) } } });
/** GitHub's user answer, written inline in each operation: one of two account views. */
const eitherView = () => ({ oneOf: [ref('private-account'), ref('public-account')], discriminator: { propertyName: 'view' } });
const login = [{ name: 'login', in: 'path', required: true, schema: text }];

const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Accounts', version: '1' },
  servers: [{ url: 'https://accounts.example.com' }],
  paths: {
    '/me': get('accounts/get-me', 'Get the signed-in account', eitherView()),
    '/accounts/{login}': get('accounts/get-by-login', 'Get an account', eitherView(), login),
    '/accounts/{login}/stats': get('accounts/get-stats', 'Get account statistics', { type: 'object', properties: { stars: { type: 'integer' } } }, login),
    '/accounts/{login}/card': get('accounts/get-card', 'Get a badge', { type: 'object', properties: { color: text } }, login),
    '/accounts/{login}/audit': get('accounts/get-audit', 'Get the audit log of an account', { type: 'object', properties: { entries: { type: 'integer' } } }, login),
  },
  components: {
    schemas: {
      'private-account': { type: 'object', required: ['login'], properties: { login: text, view: { type: 'string', enum: ['private'] }, email: text } },
      'public-account': { type: 'object', required: ['login'], properties: { login: text, view: { type: 'string', enum: ['public'] } } },
      badge: { type: 'object', properties: { shape: text } },
    },
  },
};

describe('import:openapi names the types of inline answers', async () => {
  const { run, read } = await imported(DOCUMENT, 'accounts');
  const sdl = read('types.graphql', 'accounts.graphql');
  const types = sdl.match(/^type \w+/gm)!.map((line) => line.slice(5)).sort();

  it('builds', () => {
    expect(run.problems).toEqual([]);
  });

  it("an inline oneOf by its members' common name, one type however many operations answer it", () => {
    expect(sdl).toMatch(/type Account\n {2}@key\(fields: "login"\)/);
    expect(sdl).toMatch(/accountsGetMe: Account\n/);
    expect(sdl).toMatch(/accountsGetByLogin\(\n[^)]*\): Account\n/);
  });

  it("else a GET's summary, unless it is long or names a schema; else the operationId", () => {
    expect(types).toEqual(['Account', 'AccountStatistics', 'AccountsGetAuditResult', 'AccountsGetCardResult']);
  });
});
