import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/project-root.ts';

/** Inside the project (where `.gateway/` is ignored), so that messages name it as a user would see it. */
const DIR = '.gateway/test-bad-schema';

const BAD = `extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.postId}" }, selection: "id")
}
type Post { id: ID! }
`;

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--experimental-strip-types', script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
}

describe('a connector mistake fails the build and codegen, naming the file and line', () => {
  beforeAll(() => {
    mkdirSync(`${ROOT}${DIR}`, { recursive: true });
    writeFileSync(`${ROOT}${DIR}/blog.graphql`, BAD);
  });
  afterAll(() => rmSync(`${ROOT}${DIR}`, { recursive: true, force: true }));

  const MESSAGE = `[connect] ${DIR}/blog.graphql:3: $args.postId: Query.post has no argument "postId" (it has: id)`;

  it('the schema build (which npm start, serve, deploy and npm test run) exits 1 with the message', () => {
    const result = run('scripts/build-schema.ts', [DIR]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(MESSAGE);
  });

  it('npm run codegen -- --schema DIR exits 1 with the message, before generating anything', () => {
    const result = run('scripts/codegen.ts', ['--schema', DIR]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(MESSAGE);
  });

  it('npm run deploy:check -- --schema DIR exits 1 with the message, before wrangler bundles anything', () => {
    const result = run('scripts/wrangler.ts', ['deploy', '--dry-run', '--outdir', `${DIR}/out`, '--schema', DIR]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(MESSAGE);
  });
});

describe('a schema graphql would refuse on the first request fails the build instead', () => {
  const INVALID = '.gateway/test-invalid-schema';
  beforeAll(() => {
    mkdirSync(`${ROOT}${INVALID}`, { recursive: true });
    // Parses and builds (buildASTSchema asks no more), but graphql's validation refuses both types.
    writeFileSync(`${ROOT}${INVALID}/api.graphql`, 'type Query { a: Empty b: Thing }\ninterface Named { name: String! }\ntype Empty\ntype Thing implements Named { id: ID }\n');
  });
  afterAll(() => rmSync(`${ROOT}${INVALID}`, { recursive: true, force: true }));

  it('the schema build exits 1 naming the file and line of each', () => {
    const result = run('scripts/build-schema.ts', [INVALID]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `[schema] ${INVALID}/api.graphql:3: Type Empty must define one or more fields.`,
      `[schema] ${INVALID}/api.graphql:2: Interface field Named.name expected but Thing does not provide it.`,
    ]);
  });
});
