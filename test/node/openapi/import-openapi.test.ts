import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../scripts/openapi/import-error.ts';
import { buildCheck, runImport, type RunResult } from '../../../scripts/openapi/run-import.ts';
import { ROOT } from '../../../scripts/project-root.ts';
import { PETSTORE_2, PETSTORE_3, REPOS_ROOT, REPOS_SCHEMAS } from './import-fixtures.ts';

const toYaml = (value: unknown, indent = ''): string =>
  Array.isArray(value)
    ? value.map((item) => `\n${indent}- ${toYaml(item, `${indent}  `).trimStart()}`).join('')
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([key, item]) => `\n${indent}${JSON.stringify(key)}:${typeof item === 'object' && item !== null && Object.keys(item).length ? toYaml(item, `${indent}  `) : ` ${JSON.stringify(item)}`}`).join('')
      : ` ${JSON.stringify(value)}`;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'import-openapi-'));
}

function documentFile(name: string, value: unknown): string {
  const dir = folder();
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : name.endsWith('.json') ? JSON.stringify(value, null, 2) : toYaml(value).trimStart());
  return path;
}

async function imported(input: string, extra: { update?: boolean; out?: string; maxAge?: number; tags?: string[] } = {}): Promise<RunResult & { out: string; read: (file: string) => string }> {
  const out = extra.out ?? join(folder(), 'out');
  const result = await runImport({ input, out, update: extra.update ?? false, maxAge: extra.maxAge ?? 60, tags: extra.tags, command: 'test', source: 'api' });
  return { ...result, out, read: (file) => readFileSync(join(out, file), 'utf8') };
}

describe('import:openapi, Petstore 3.0 (YAML)', async () => {
  const run = await imported(documentFile('petstore.yaml', PETSTORE_3));
  const pet = run.read('pet.graphql');
  const types = run.read('types.graphql');
  const all = `${pet}\n${types}\n${run.read('store.graphql')}`;

  it('writes a folder the gateway builds: one file per tag, untagged to default.graphql, shared types apart', () => {
    expect(run.problems).toEqual([]);
    expect(readdirSync(run.out).sort()).toEqual(['README.md', 'UNEXPRESSIBLE.md', 'default.graphql', 'operations', 'pet.graphql', 'store.graphql', 'types.graphql']);
    expect(types).toContain('@source(name: "api", http: { baseURL: "https://petstore.example.com/v3" })');
    expect(run.read('default.graphql')).toMatch(/getInventory: JSON/);
  });

  it('names: camelCase fields with the API key in the selection, PascalCase types', () => {
    expect(all).toMatch(/ownerId: ID\n/);
    expect(all).toContain('ownerId: owner_id');
    expect(all).toContain('owner_id: ownerId'); // sent back under the API's key in a body
    expect(all).toMatch(/type Pet\b/);
  });

  it('enums keep valid values and rename the others, mapping them both ways', () => {
    expect(all).toMatch(/enum OrderStatus \{\n {2}placed\n {2}# the API's "in-transit"\n {2}IN_TRANSIT\n {2}delivered\n\}/);
    expect(all).toContain('status: status->match(["in-transit", "IN_TRANSIT"], [@, @])');
  });

  it('nullability from required and nullable; arrays; a oneOf with a discriminator is a union; an anyOf of scalars is JSON, said', () => {
    expect(all).toMatch(/ {2}name: String!\n/);
    expect(all).toMatch(/ {2}photoUrls: \[String!\]!\n/);
    expect(all).toMatch(/ {2}nickname: String\n/);
    expect(all).toContain('union PetDetails = Dog | Cat');
    expect(all).toContain('__typename: kind->match(["dog", "Dog"], ["cat", "Cat"])');
    expect(all).toMatch(/# JSON: a anyOf whose members are not objects .*\n {2}extra: JSON/);
    expect(types).toContain('scalar JSON');
  });

  it('entities: @key from GET /pet/{petId}, batched by the list taking ids; an id field becomes a stub', () => {
    expect(all).toMatch(/# guessed: \{petId\} is Pet.id\n(#.*\n)*"A pet for sale."\ntype Pet\n {2}@key\(fields: "id"\)/);
    expect(all).toContain(`queryParams: "ids: $batch.id->joinNotNull(',')"`);
    expect(all).toMatch(/# guessed: petId holds a Pet's id.*\n {2}pet: Pet/);
    expect(all).toContain('pet: { id: petId }');
  });

  it('pagination: page/per_page make a page type with hasNextPage, guessed from a full page', () => {
    expect(pet).toMatch(/page: Int! = 1\n {4}perPage: Int! = 20\n {2}\): PetPage/);
    expect(pet).toContain('hasNextPage: $.items->size->eq($args.perPage)');
    expect(pet).toContain('# guessed: hasNextPage when the page came full');
    expect(all).toMatch(/type PetPage \{\n {2}items: \[Pet!\]\n[^}]*hasNextPage: Boolean!/);
  });

  it('cache hints on reads, the API caching headers noted, writes invalidate what they change by path', () => {
    expect(pet).toMatch(/GET: "\/pet\/\{\$args.petId\}"[\s\S]*?\)\n {4}@cacheControl\(maxAge: 60\)/);
    expect(pet).toContain('# the API answers with ETag');
    expect(pet).toMatch(/updatePet\([\s\S]*?@invalidates\(tags: \["Pet:\{\$args.petId\}"\]\)/);
    expect(pet).toMatch(/deletePet\([\s\S]*?@invalidates\(tags: \["Pet:\{\$args.petId\}", "Pet:list"\]\)/);
    expect(pet).toMatch(/addPet\([\s\S]*?@invalidates\(tags: \["Pet:list"\]\)/);
    expect(pet).toMatch(/listPets[\s\S]*?@cacheTag\(format: "Pet:list"\)/);
  });

  it('security: OAuth forwards Authorization, an API key comes from $config, and the README says what to set', () => {
    expect(pet).toMatch(/addPet[\s\S]*?headers: \[\{ name: "authorization", from: "authorization" \}\]/);
    expect(pet).toContain('{ name: "api_key", value: "{$config.apiKey}" }');
    expect(run.config).toEqual([{ key: 'apiKey', scheme: 'api_key', where: 'header api_key' }]);
    expect(run.read('README.md')).toContain('CONFIG_apiKey');
  });

  it('lists what it cannot express, and counts its guesses', () => {
    expect(run.unexpressible).toEqual([expect.objectContaining({ operation: 'uploadFile', route: 'POST /pet/{petId}/uploadImage', why: expect.stringContaining('multipart') })]);
    expect(run.read('UNEXPRESSIBLE.md')).toContain('| uploadFile | `POST /pet/{petId}/uploadImage` |');
    expect(run.guesses).toBe(all.match(/# guessed:/g)!.length + (run.read('default.graphql').match(/# guessed:/g) ?? []).length);
    expect(run.guesses).toBeGreaterThan(3);
  });

  it('writes a sample query per type, and a header with the checksum of what follows it', () => {
    expect(run.read('operations/pet-page.graphql')).toMatch(/query ListPets \{\n {2}listPets \{\n {4}items \{ id name/);
    expect(run.read('operations/pet.graphql')).toMatch(/query GetPetById\(\$petId: ID!\) \{\n {2}getPetById\(petId: \$petId\) \{\n {4}id\n {4}name\n/);
    const header = /^# Generated by npm run import:openapi from petstore.yaml \("Swagger Petstore" 1.0.0, OpenAPI 3.0.3\)\.\n# Command: test\n.*\n# checksum: sha256:([0-9a-f]{64})\n\n/.exec(pet);
    expect(header).not.toBeNull();
  });
});

describe('import:openapi, Petstore 2.0 (JSON)', () => {
  it('upgrades Swagger 2.0 and builds: host and basePath make the base URL, definitions the types', async () => {
    const run = await imported(documentFile('petstore.json', PETSTORE_2));
    expect(run.problems).toEqual([]);
    const pet = run.read('pet.graphql');
    expect(run.read('types.graphql')).toContain('baseURL: "https://petstore.example.com/v2"');
    expect(pet).toMatch(/findPetsByStatus\(\n {4}status: \[PetStatus!\]!/);
    expect(pet).toMatch(/addPet\(\n {4}input: PetInput!/);
    expect(pet).toMatch(/type Pet\n {2}@key\(fields: "id"\)/);
  });
});

describe('import:openapi, composite keys across files', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'api.json'), JSON.stringify(REPOS_ROOT));
  writeFileSync(join(dir, 'schemas.yaml'), REPOS_SCHEMAS);
  const run = await imported(dir);
  const sdl = ['repos.graphql', 'issues.graphql', 'types.graphql'].map(run.read).join('\n');

  it('finds the root document of a folder, follows refs into another file and builds', () => {
    expect(run.problems).toEqual([]);
    expect(sdl).toMatch(/type Repository\b/);
  });

  it('keys /repos/{owner}/{repo} by owner.login and name, and makes the issues list a field of the repository', () => {
    expect(sdl).toContain('@key(fields: "ownerLogin name")');
    expect(sdl).toContain('ownerLogin: owner.login');
    expect(sdl).toMatch(/# guessed: \{owner\} is Repository.owner.login/);
    expect(sdl).toMatch(/extend type Repository \{[\s\S]*?issues\([\s\S]*?GET: "\/repos\/\{\$this.ownerLogin\}\/\{\$this.name\}\/issues"/);
    expect(sdl).toMatch(/issues\([\s\S]*?\): IssuePage/);
  });

  it('invalidates the composite key as the cache records it (a JSON list)', () => {
    expect(sdl).toContain('@invalidates(tags: ["Repository:[\\"{$args.owner}\\",\\"{$args.repo}\\"]"])');
  });
});

describe('import:openapi --update and --out', () => {
  it('refuses a non-empty --out without --update, writing nothing', async () => {
    const out = folder();
    writeFileSync(join(out, 'mine.graphql'), 'type Query { a: Int }');
    await expect(imported(documentFile('petstore.yaml', PETSTORE_3), { out })).rejects.toThrow(/not empty; pass --update/);
    expect(readdirSync(out)).toEqual(['mine.graphql']);
  });

  it('rewrites unedited files, leaves edited ones alone and lists them', async () => {
    const input = documentFile('petstore.yaml', PETSTORE_3);
    const first = await imported(input);
    const edited = `${first.read('pet.graphql')}\n# my own note\n`;
    writeFileSync(join(first.out, 'pet.graphql'), edited);
    const second = await imported(input, { out: first.out, update: true, maxAge: 120 });
    expect(second.leftAlone).toEqual(['pet.graphql']);
    expect(second.read('pet.graphql')).toBe(edited);
    expect(second.read('types.graphql')).toContain('@cacheControl(maxAge: 120)');
    expect(second.written).toContain('types.graphql');
  });
});

describe('import:openapi refuses bad documents, naming the place, writing nothing', () => {
  const cases: [string, string, unknown, RegExp][] = [
    ['an invalid document', 'bad.json', { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: 12 } } } }, /bad\.json: \/paths\/~1a\/get\/responses: invalid OpenAPI 3\.0\.3 document/],
    [
      'a broken local $ref',
      'bad.json',
      { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok', ...{ content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } } } } },
      /bad\.json: \/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: \$ref "#\/components\/schemas\/Nope" points at nothing/,
    ],
    [
      'a $ref to a missing file',
      'bad.json',
      { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'gone.yaml#/X' } } } } } } } } },
      /bad\.json: \/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: \$ref "gone\.yaml#\/X": no such file/,
    ],
    ['OpenAPI 4.0.0', 'bad.yaml', { openapi: '4.0.0', info: { title: 't', version: '1' }, paths: {} }, /bad\.yaml: \/openapi: unsupported version "4\.0\.0"/],
    ['Swagger 1.2', 'bad.yaml', { swagger: '1.2', info: { title: 't', version: '1' }, paths: {} }, /bad\.yaml: \/swagger: unsupported version "1\.2"/],
    ['YAML that does not parse', 'bad.yaml', 'openapi: 3.0.3\ninfo: [\n', /bad\.yaml:3: not valid YAML/],
  ];
  for (const [what, name, document, message] of cases) {
    it(what, async () => {
      const out = join(folder(), 'out');
      const error = await imported(documentFile(name, document), { out }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a folder with two root documents names both', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(PETSTORE_2));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(PETSTORE_2));
    await expect(imported(dir)).rejects.toThrow(/several root documents \(a\.json, b\.json\)/);
  });

  it('the CLI exits 2 with the message, and 0 with a folder that builds', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', 'scripts/import-openapi.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    const refused = cli(documentFile('bad.yaml', { openapi: '4.0.0', info: { title: 't', version: '1' }, paths: {} }), '--out', join(folder(), 'out'));
    expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining('/openapi: unsupported version "4.0.0"')]);
    const out = join(folder(), 'out');
    const done = cli(documentFile('petstore.yaml', PETSTORE_3), '--out', out, '--tags', 'store');
    expect([done.status, done.stdout]).toEqual([0, expect.stringContaining('imported 1 operations')]);
    expect(buildCheck(out).problems).toEqual([]);
  });
});
