import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSchemaModule } from '../../../scripts/build-schema.ts';
import { ROOT } from '../../../scripts/project-root.ts';

const POINTER = join(ROOT, '.gateway/schemas/current.ts');

// Post.title is non-null and no selection fills it: only the resolver, if the build can import it, answers it.
const SDL = `extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post { id: ID! title: String! }
`;

// A value import beside the type: node keeps the import, so it must resolve.
const RESOLVER = `import { GraphQLError, type ResolverMap } from 'gateway:resolvers';

export const resolvers: ResolverMap = {
  Post: {
    title(post: { id: string }) {
      if (!post.id) throw new GraphQLError('no id', { extensions: { code: 'BAD_USER_INPUT' } });
      return \`Post \${post.id}\`;
    },
  },
};
`;

describe('a schema folder outside the project imports the gateway as gateway:resolvers', () => {
  let folder: string;
  let pointer: string | undefined;
  let written: string | undefined;

  beforeAll(() => {
    pointer = existsSync(POINTER) ? readFileSync(POINTER, 'utf8') : undefined;
    folder = mkdtempSync(join(tmpdir(), 'gateway-api-'));
    mkdirSync(join(folder, 'resolvers'));
    writeFileSync(join(folder, 'blog.graphql'), SDL);
    writeFileSync(join(folder, 'resolvers', 'post.ts'), RESOLVER);
  });
  afterAll(() => {
    if (pointer === undefined) rmSync(POINTER, { force: true });
    else writeFileSync(POINTER, pointer);
    if (written) rmSync(written, { force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('the build imports its resolvers and learns the fields they answer, without a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      written = buildSchemaModule(folder);
      expect(warn.mock.calls.flat()).toEqual([]);
    } finally {
      warn.mockRestore();
    }
    expect(readFileSync(written, 'utf8')).toContain('resolvers/post.ts');
  });
});
