import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stop } from '../../scripts/dev-processes.ts';
import { postJson } from '../support/answers.ts';
import { removeServedFolder, serve, type Served } from './serve.ts';

/**
 * A user's folder outside the project, whose resolver imports the gateway
 * only as `gateway:resolvers`, built by wrangler and served: the alias
 * resolves in the bundle, and the GraphQLError it gives is the gateway's
 * own, whose code the client gets.
 */

/** Building the bundle and starting workerd. */
const STARTUP_MS = 180_000;

const DIR = mkdtempSync(join(tmpdir(), 'gateway-resolvers-'));
mkdirSync(join(DIR, 'resolvers'));
writeFileSync(
  join(DIR, 'schema.graphql'),
  `extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })

type Query {
  post(id: ID!): String @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "$.title")
  greeting(name: String!): String!
}
`,
);
writeFileSync(
  join(DIR, 'resolvers', 'greeting.ts'),
  `import { GraphQLError, type ResolverMap } from 'gateway:resolvers';

export const resolvers: ResolverMap = {
  Query: {
    greeting(_, { name }: { name: string }) {
      if (!name) throw new GraphQLError('name is empty', { extensions: { code: 'BAD_USER_INPUT' } });
      return \`Hello, \${name}\`;
    },
  },
};
`,
);

describe('a schema folder outside the project, importing gateway:resolvers', () => {
  let served: Served | undefined;
  const ask = async (query: string) => (await fetch(`${served!.urls[0]}/graphql`, postJson({ query }))).json();

  beforeAll(async () => {
    served = await serve(['--port', '0', '--env', 'development', '--schema', DIR]);
  }, STARTUP_MS);

  afterAll(async () => {
    if (served) await stop(served.child);
    removeServedFolder(DIR);
  });

  it('its resolver answers', async () => {
    expect(await ask('{ greeting(name: "Ada") }')).toEqual({ data: { greeting: 'Hello, Ada' } });
  });

  it("the GraphQLError it throws reaches the client with its code, as the gateway's own errors do", async () => {
    const answer = (await ask('{ greeting(name: "") }')) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(answer.errors?.map(({ message, extensions }) => [message, extensions?.code])).toEqual([['name is empty', 'BAD_USER_INPUT']]);
  });
});
