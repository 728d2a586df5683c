import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeed } from '../../examples/blog/simulator/seed.ts';
import { startBlogOrigin, type RunningBlogOrigin } from '../../examples/blog/simulator/server.ts';
import { ROOT } from '../../scripts/project-root.ts';

/**
 * `npm run connector` (scripts/connector.ts), as a child process over the
 * blog simulator: a field connector, an entity, a source whose `$config`
 * and the caller's Authorization must not show, whose selection misses
 * fields, an origin failure and an unknown coordinate. What it prints is
 * docs/connectors/workbench.transcript.txt, which workbench.md quotes
 * whole: run with UPDATE_TRANSCRIPT=1 to write it (then copy it into the
 * page); otherwise both must show what the command prints now.
 */

const COMMAND = `${ROOT}scripts/connector.ts`;
const TRANSCRIPT = `${ROOT}docs/connectors/workbench.transcript.txt`;
const WORKBENCH_DOC = `${ROOT}docs/connectors/workbench.md`;
/** The blog's own port (its @source baseURL), which the transcript shows in place of the test's. */
const DOCUMENTED_ORIGIN = 'http://127.0.0.1:4020';
/** How the transcript names the folder this test writes. */
const CONTACT_FOLDER = 'contact';

const SEED = createSeed();
const TOKEN = 'Bearer blog-token';
const API_KEY = 'sk-live-4f1c9e';

/** A folder of one connector: a source sending `$config.apiKey` (header and query) and the caller's Authorization, and a selection naming what the blog's users lack. */
const CONTACT_SDL = `extend schema
  @link(url: "https://specs.apollo.dev/connect/v0.2", import: ["@source", "@connect"])
  @source(
    name: "blog"
    http: {
      baseURL: "http://127.0.0.1:4020"
      headers: [{ name: "x-api-key", value: "{$config.apiKey}" }, { name: "authorization", from: "authorization" }]
    }
  )

type Query {
  contact(id: ID!): Contact
    @connect(
      source: "blog"
      http: { GET: "/users/{$args.id}", queryParams: "key: $config.apiKey" }
      selection: """
      name
      city: address.city
      phone: contact.phone
      website
      """
    )
}

type Contact {
  name: String!
  city: String
  phone: String
  website: String
}
`;

/** An `ENV_` secret with the characters a URL and a JSON body encode each their own way. */
const ENV_TOKEN = 'tok en/+42-env';

/** A folder of one connector that sends `$env.TOKEN` in a header of its source, a query parameter and a JSON body. */
const ENV_SDL = `extend schema
  @link(url: "https://specs.apollo.dev/connect/v0.2", import: ["@source", "@connect"])
  @source(name: "blog", http: { baseURL: "http://127.0.0.1:4020", headers: [{ name: "x-env-token", value: "{$env.TOKEN}" }] })

type Query {
  ok: Boolean
}

type Mutation {
  note(title: String!): Note
    @connect(source: "blog", http: { POST: "/posts", queryParams: "token: $env.TOKEN", body: "title: $args.title token: $env.TOKEN userId: $(1)" }, selection: "id title")
}

type Note {
  id: ID
  title: String
}
`;

interface Run {
  args: string[];
  stdout: string;
  stderr: string;
  code: number | null;
}

function runCommand(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--experimental-strip-types', COMMAND, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ args, stdout, stderr, code }));
  });
}

/** The text under `── title ──`, up to the next section. */
function sectionOf(output: string, title: string): string {
  const start = output.indexOf(`\n── ${title} ──\n`);
  expect(start, `no section "${title}" in:\n${output}`).toBeGreaterThanOrEqual(0);
  const body = output.slice(start + `\n── ${title} ──\n`.length);
  const end = body.indexOf('\n\n── ');
  return end < 0 ? body.trimEnd() : body.slice(0, end);
}

/** A command line as one types it in a shell. */
function shellLine(args: string[]): string {
  return ['$ npm run connector --', ...args.map((arg) => (/^[\w./:=@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))].join(' ');
}

describe('npm run connector: one connector, step by step', () => {
  let origin: RunningBlogOrigin | undefined;
  let folder = '';
  const runs: Record<'field' | 'entity' | 'secrets' | 'failure' | 'unknown', Run> = {} as never;

  // Every run before any check, in order: the transcript is the same whichever tests are picked.
  beforeAll(async () => {
    origin = await startBlogOrigin({ port: 0 });
    folder = mkdtempSync(join(tmpdir(), 'connector-command-'));
    writeFileSync(join(folder, 'contact.graphql'), CONTACT_SDL);
    const blog = ['--schema', 'examples/blog'];
    const at = ['--origin-url', origin.url];
    runs.field = await runCommand([...blog, 'Query.post', '--args', '{"id":"1"}', ...at]);
    runs.entity = await runCommand([...blog, 'User', '--this', '{"id":"3"}', ...at]);
    runs.secrets = await runCommand(['--schema', folder, 'Query.contact', '--args', '{"id":"2"}', ...at, '--var', `CONFIG_apiKey:${API_KEY}`, '--header', `authorization:${TOKEN}`]);
    runs.failure = await runCommand([...blog, 'Query.post', '--args', '{"id":"999"}', ...at]);
    runs.unknown = await runCommand([...blog, 'Query.postz']);
  }, 60_000);

  afterAll(async () => {
    await origin?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('a field connector: the request, the raw answer, the mapped value, no mapping errors; exit 0', () => {
    const { stdout, code } = runs.field;
    expect(code, runs.field.stderr).toBe(0);
    expect(sectionOf(stdout, 'request')).toMatch(new RegExp(`^GET ${origin!.url}/posts/1\naccept: application/json\n`));
    expect(sectionOf(stdout, 'response')).toMatch(/^200 OK\n/);
    const post = SEED.posts.find((each) => each.id === 1)!;
    expect(JSON.parse(sectionOf(stdout, 'mapped value'))).toEqual({ id: 1, title: post.title, body: post.body, author: { id: post.userId } });
    expect(sectionOf(stdout, 'mapping errors')).toBe('none');
  });

  it('an entity by its key: the batch request for one key, and the item the gateway matches to it', () => {
    const { stdout, code } = runs.entity;
    expect(code, runs.entity.stderr).toBe(0);
    expect(stdout).toContain('$batch [{"id":"3"}]');
    expect(sectionOf(stdout, 'request')).toMatch(new RegExp(`^GET ${origin!.url}/users\\?id=3\n`));
    expect(sectionOf(stdout, 'response')).toMatch(/^200 OK\n/);
    const [said, ...value] = sectionOf(stdout, 'mapped value').split('\n');
    expect(said).toBe('the selection made a list of 1; User 3 is:');
    expect(JSON.parse(value.join('\n'))).toEqual({ id: 3, name: 'Clara Nunes', username: 'clara_nunes', email: 'clara@nunes.example', city: 'Lisbon' });
  });

  it('redacts the caller\'s Authorization and every $config value, and places each mapping error in the selection', () => {
    const { stdout, code } = runs.secrets;
    expect(code, runs.secrets.stderr).toBe(0);
    const request = sectionOf(stdout, 'request');
    expect(request).toMatch(new RegExp(`^GET ${origin!.url}/users/2\\?key=\\[redacted\\]\n`));
    expect(request).toContain('\nauthorization: [redacted]\n');
    expect(request).toContain('\nx-api-key: [redacted]\n');
    expect(stdout).not.toContain('blog-token');
    expect(stdout).not.toContain(API_KEY);
    expect(JSON.parse(sectionOf(stdout, 'mapped value'))).toEqual({ name: 'Bram Okafor', city: 'Lagos', phone: null, website: null });
    expect(sectionOf(stdout, 'mapping errors')).toBe(
      ['3:8 Property .contact not found in object', '  phone: contact.phone', '         ^', '4:1 Property .website not found in object', '  website', '  ^'].join('\n'),
    );
  });

  it('redacts every $env value too: in a header template, a query parameter, a JSON body and the request line of an origin failure', async () => {
    const envFolder = mkdtempSync(join(tmpdir(), 'connector-command-env-'));
    try {
      writeFileSync(join(envFolder, 'note.graphql'), ENV_SDL);
      // Without the blog's token: the write fails, and the failure's detail names the request it refused.
      const { stdout, stderr, code } = await runCommand(['--schema', envFolder, 'Mutation.note', '--args', '{"title":"hello"}', '--origin-url', origin!.url, '--var', `ENV_TOKEN:${ENV_TOKEN}`]);
      expect(code, stderr).toBe(1);
      const request = sectionOf(stdout, 'request');
      expect(request).toMatch(new RegExp(`^POST ${origin!.url}/posts\\?token=\\[redacted\\]\n`));
      expect(request).toContain('\nx-env-token: [redacted]\n');
      expect(JSON.parse(request.slice(request.indexOf('\n{')))).toEqual({ title: 'hello', token: '[redacted]', userId: 1 });
      expect(sectionOf(stdout, 'origin failure')).toContain(`[POST] "${origin!.url}/posts?token=[redacted]": 401 Unauthorized`);
      for (const form of [ENV_TOKEN, encodeURIComponent(ENV_TOKEN), new URLSearchParams({ v: ENV_TOKEN }).toString().slice(2), 'tok en', 'tok+en']) {
        expect(stdout, `the output shows "${form}"`).not.toContain(form);
      }
    } finally {
      rmSync(envFolder, { recursive: true, force: true });
    }
  });

  it('an origin failure: the answer as it came, the error the gateway makes of it; exit 1', () => {
    const { stdout, code } = runs.failure;
    expect(code).toBe(1);
    expect(sectionOf(stdout, 'response')).toMatch(/^404 Not Found\n/);
    expect(sectionOf(stdout, 'origin failure')).toMatch(/^NOT_FOUND: /);
    expect(stdout).not.toContain('── mapped value ──');
  });

  it('an unknown coordinate: the connectors the folder has, with the flags each needs; exit 2', () => {
    const { stdout, stderr, code } = runs.unknown;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('examples/blog has no connector Query.postz. Its connectors:\n');
    expect(stderr).toContain(`\n  Query.post --args '{"id": ...}'\n`);
    expect(stderr).toContain(`\n  User --this '{"id": ...}'\n`);
  });

  it('prints what docs/connectors/workbench.transcript.txt shows', () => {
    const folderShown = relative(ROOT, folder);
    const normalized = (text: string) =>
      text
        .replaceAll(origin!.url, DOCUMENTED_ORIGIN)
        // The relative form first: it ends with the absolute one.
        .replaceAll(folderShown, CONTACT_FOLDER)
        .replaceAll(folder, CONTACT_FOLDER)
        .replace(/^date: .*$/gm, 'date: <date>');
    const contact = `# ${CONTACT_FOLDER}/contact.graphql, a folder beside the blog's, over the same API:\n\n${CONTACT_SDL.trimEnd().replace(/^/gm, '#   ').replace(/ +$/gm, '')}\n`;
    const transcript = [
      '# npm run connector, over the blog simulator (examples/blog/simulator).',
      '# Written by test/contract/connector-command.test.ts with UPDATE_TRANSCRIPT=1; the test fails when the command prints anything else.\n',
      ...[runs.field, runs.entity, runs.secrets, runs.failure, runs.unknown].map(
        (run) => `${run === runs.secrets ? `${contact}\n` : ''}${normalized(`${shellLine(run.args)}\n${run.stdout}${run.stderr}`)}(exit ${run.code})\n`,
      ),
    ].join('\n');
    if (process.env.UPDATE_TRANSCRIPT === '1') writeFileSync(TRANSCRIPT, transcript);
    expect(existsSync(TRANSCRIPT), `${TRANSCRIPT} is missing: run this test with UPDATE_TRANSCRIPT=1`).toBe(true);
    expect(readFileSync(TRANSCRIPT, 'utf8')).toBe(transcript);
    expect(readFileSync(WORKBENCH_DOC, 'utf8'), `docs/connectors/workbench.md must quote ${relative(ROOT, TRANSCRIPT)} whole`).toContain(`\n\`\`\`text\n${transcript}\`\`\`\n`);
  });
});
