import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/project-root.ts';
import { ConnectError } from '../../../src/connect/connector-plan.ts';
import type { ReadOptions } from '../../../src/connect/read-schema.ts';
import { unfilledCheck } from '../../../src/connect/unfilled-fields.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';

const SOURCE = 'extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })\n';

/** What the build reports for one file of a folder without TypeScript resolvers (or with `resolvedInCode`). */
function check(sdl: string, options: ReadOptions = { unfilled: unfilledCheck(new Set()) }): { problems: string[]; warnings: string[] } {
  try {
    return { problems: [], warnings: readSchemaFiles([{ name: 'api.graphql', sdl: SOURCE + sdl }], options).warnings };
  } catch (error) {
    if (error instanceof ConnectError) return { problems: error.problems, warnings: [] };
    throw error;
  }
}

describe('a non-null field a selection leaves with no value fails the build', () => {
  it('at the selection’s line, naming the type, the field, the connector and what to do', () => {
    const { problems } = check(`type Query {
  post(id: ID!): Post
    @connect(
      source: "api"
      http: { GET: "/posts/{$args.id}" }
      selection: """
      id
      body
      """
    )
}
type Post { id: ID! title: String! body: String }`);
    expect(problems).toEqual([
      '[connect] api.graphql:8: Post.title is non-null, but the selection of Query.post gives it no value: every request asking for it would fail. Add title to the selection, or make Post.title nullable',
    ]);
  });

  it('in an object a nested { ... } builds, at the line of its {', () => {
    const { problems } = check(`type Query {
  post(id: ID!): Post
    @connect(
      source: "api"
      http: { GET: "/posts/{$args.id}" }
      selection: """
      id
      author: {
        id: userId
      }
      """
    )
}
type Post { id: ID! author: User }
type User { id: ID! name: String! email: String! }`);
    expect(problems).toEqual([
      '[connect] api.graphql:9: User.name, User.email are non-null, but the selection of Query.post gives them no value: every request asking for them would fail. Add name email to the selection, or make them nullable',
    ]);
  });

  it('the nested { ... } that names the field saves it', () => {
    const { problems, warnings } = check(`type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id author: { id: userId name: userName email: $.contact.email }")
}
type Post { id: ID! author: User! }
type User { id: ID! name: String! email: String! }`);
    expect({ problems, warnings }).toEqual({ problems: [], warnings: [] });
  });

  it('an entity connector completes a stub that holds the key: it must fill what the stub lacks itself', () => {
    const users = (selection: string) => `type User @key(fields: "id") @connect(source: "api", http: { GET: "/users/{$this.id}" }, selection: "${selection}") {
  id: ID!
  name: String!
  nickname: String
}`;
    const posts = (author: string) => `type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id author: ${author}")
}
type Post { id: ID! author: User! }
`;
    // The stub has the key; the entity connector selects name; the key itself comes from the stub.
    expect(check(posts('{ id: userId }') + users('name')).problems).toEqual([]);
    expect(check(posts('{ name: userName }') + users('id name')).problems).toEqual([
      '[connect] api.graphql:3: User.id is non-null, but the selection of Query.post gives it no value: every request asking for it would fail. Add id to the selection, or make User.id nullable',
    ]);
    // A stub without its key is never completed: the message says which key would have it.
    expect(check(posts('{ nickname: nick }') + users('name').replace('id: ID!', 'id: ID')).problems).toEqual([
      '[connect] api.graphql:3: User.name is non-null, but the selection of Query.post gives it no value: every request asking for it would fail. Add name to the selection (or select "id", User\'s key, for its entity connector to complete it), or make User.name nullable',
    ]);
    // What neither the stub nor the entity connector has: both are told.
    expect(check(posts('{ id: userId }') + users('nickname')).problems).toEqual([
      '[connect] api.graphql:3: User.name is non-null, but the selection of Query.post gives it no value: every request asking for it would fail. Add name to the selection, or make User.name nullable',
      '[connect] api.graphql:6: User.name is non-null, but the entity connector of User gives it no value: every request asking for it would fail. Add name to the selection, or make User.name nullable',
    ]);
  });

  it('a field with a connector of its own is answered by it', () => {
    const { problems } = check(`type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post {
  id: ID!
  comments: [String!]! @connect(source: "api", http: { GET: "/posts/{$this.id}/comments" }, selection: "$.text")
}`);
    expect(problems).toEqual([]);
  });

  it('a field @inaccessible hides, or one on a hidden field, is asked by no client', () => {
    const { problems } = check(`type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
  draft(id: ID!): Draft @inaccessible @connect(source: "api", http: { GET: "/drafts/{$args.id}" }, selection: "id")
}
type Post { id: ID! internalCode: String! @inaccessible }
type Draft @inaccessible { id: ID! title: String! }`);
    expect(problems).toEqual([]);
  });

  it('a value passed through with no { ... } has the origin’s keys: not checked', () => {
    const { problems, warnings } = check(`type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "$.data")
  posts: [Post] @connect(source: "api", http: { GET: "/posts" }, selection: "$.items { id author }")
}
type Post { id: ID! title: String! author: User }
type User { id: ID! name: String! }`);
    expect(problems).toEqual(['[connect] api.graphql:4: Post.title is non-null, but the selection of Query.posts gives it no value: every request asking for it would fail. Add title to the selection, or make Post.title nullable']);
    expect(warnings).toEqual([]);
  });
});

describe('where the build cannot tell, a warning', () => {
  it('a spread it cannot read may give the field: the warning names it and its line', () => {
    const { problems, warnings } = check(`type Query {
  post(id: ID!): Post
    @connect(
      source: "api"
      http: { GET: "/posts/{$args.id}" }
      selection: """
      id
      ...$.details
      """
    )
}
type Post { id: ID! title: String! }`);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      '[connect] api.graphql:8: warning: Post.title is non-null, and the selection of Query.post gives it no value unless "...$.details" (api.graphql:9) does, which the build cannot tell. Add title to the selection, or make Post.title nullable',
    ]);
  });

  it('an @external field: another subgraph’s to fill in a supergraph, nothing’s in one graph', () => {
    const { problems, warnings } = check(`type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post { id: ID! title: String! @external }`);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      '[connect] api.graphql:3: warning: Post.title is non-null and @external: the selection of Query.post gives it no value, and in one graph no other subgraph does. Add title to the selection, or make Post.title nullable',
    ]);
  });

  it('resolvers the build could not read may answer the field', () => {
    const { problems, warnings } = check(
      `type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post { id: ID! title: String! }`,
      { unfilled: unfilledCheck('unread') },
    );
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      '[connect] api.graphql:3: warning: Post.title is non-null, and the selection of Query.post gives it no value unless a TypeScript resolver the build could not read does, which the build cannot tell. Add title to the selection, or make Post.title nullable',
    ]);
  });

  it('read without the folder’s resolvers (as an isolate starts), non-null fields are not checked', () => {
    const { problems } = check(
      `type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post { id: ID! title: String! }`,
      {},
    );
    expect(problems).toEqual([]);
  });
});

describe('the build learns which fields the folder’s TypeScript resolvers answer', () => {
  /** Inside the project (where `.gateway/` is ignored), so that messages name it as a user would see it. Each build here fails, so the module pointer is left alone. */
  const DIR = '.gateway/test-unfilled-fields';
  const SDL = `${SOURCE}type Query {
  feed: Feed! @connect(source: "api", http: { GET: "/feed" }, selection: "items { id }")
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Feed { items: [Post!]! cursor: String! }
type Post { id: ID! title: String! body: String! }
`;
  const build = (resolvers: string, sdl = SDL) => {
    rmSync(`${ROOT}${DIR}`, { recursive: true, force: true });
    mkdirSync(`${ROOT}${DIR}/resolvers`, { recursive: true });
    writeFileSync(`${ROOT}${DIR}/blog.graphql`, sdl);
    writeFileSync(`${ROOT}${DIR}/resolvers/posts.ts`, resolvers);
    return spawnSync(process.execPath, ['--experimental-strip-types', 'scripts/build-schema.ts', DIR], { cwd: ROOT, encoding: 'utf8' });
  };
  afterAll(() => rmSync(`${ROOT}${DIR}`, { recursive: true, force: true }));

  it('a field a resolver answers needs no selection, nor does a field whose resolver makes its whole value', () => {
    // Query.feed's resolver makes the feed itself (its cursor too); Post.title has a resolver; Post.body has none.
    const result = build(`export const resolvers = {
  Query: { feed: () => ({ items: [], cursor: '' }) },
  Post: { title: (post: { id: string }): string => \`Post \${post.id}\` },
};
`);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `[connect] ${DIR}/blog.graphql:4: Post.body is non-null, but the selection of Query.post gives it no value: every request asking for it would fail. Add body to the selection, or make Post.body nullable`,
    );
  });

  it('resolvers that do not import in node: the build says so, and fails for nothing they may answer', () => {
    // Another mistake fails this build, so that it leaves the module pointer alone: the fields the resolvers may answer are no part of it.
    const result = build(
      `import { env } from 'cloudflare:workers';
export const resolvers = { Post: { title: () => String(env.TITLE) } };
`,
      `${SDL}extend type Query { draft(id: ID!): Post @connect(source: "api", http: { GET: "/drafts/{$args.draftId}" }, selection: "id") }
`,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`[connect] ${DIR}/resolvers: warning: the build could not import the resolvers to learn which fields they answer (`);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`[connect] ${DIR}/blog.graphql:8: $args.draftId: Query.draft has no argument "draftId" (it has: id)`);
  });
});
