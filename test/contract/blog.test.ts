import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TITLE_REQUIRED } from '../../examples/blog/simulator/posts.ts';
import { createSeed } from '../../examples/blog/simulator/seed.ts';
import { startBlogOrigin } from '../../examples/blog/simulator/server.ts';
import type { BlogPost, BlogStats } from '../../examples/blog/simulator/types.ts';
import { answer, codes, postJson, type Answer } from '../support/answers.ts';
import { useServedExample } from './served-example.ts';

/**
 * The second example API, end to end: `npm run serve -- --schema
 * examples/blog` (the production bundle on workerd, development settings)
 * over the blog simulator, with no TypeScript resolvers anywhere. What the
 * shop's suite proves for its schema must hold for a schema the gateway has
 * never seen: batching by key, matching by key, the field and response
 * caches, errors mapped from the origin, and read-your-writes through
 * `@invalidates`. Origin calls are read from the simulator's `/__blog/stats`.
 */

const WRITE = { authorization: 'Bearer blog-token' };

/** What the simulator starts from, for expected values that cost no origin call. */
const SEED = createSeed();
const userName = (id: number): string => SEED.users.find((user) => user.id === id)!.name;
const postsBy = (userId: number): BlogPost[] => SEED.posts.filter((post) => post.userId === userId);

describe('the blog example through the gateway (SDL only)', () => {
  // `npm run serve` for the blog folder, in development settings; before each test the blog is reseeded, its counters at zero.
  const { originUrl, gatewayUrl, admin } = useServedExample<BlogStats>({
    name: 'blog',
    startSimulator: () => startBlogOrigin({ port: 0, latencyMs: 5 }),
    serveArgs: (url) => ['--port', '0', '--env', 'development', '--schema', 'examples/blog', '--origin-url', url],
  });

  const query = async (text: string, headers: Record<string, string> = {}): Promise<Answer> =>
    answer(await fetch(`${gatewayUrl()}/graphql`, postJson({ query: text }, headers)));

  /** The answer's data, after checking that it has no errors. */
  function dataOf<T>(answered: Answer): T {
    expect(answered.body?.errors, answered.text).toBeUndefined();
    expect(answered.status).toBe(200);
    return answered.body?.data as T;
  }

  const stats = (): Promise<BlogStats> => admin().stats();

  /** Straight from the blog, bypassing the gateway (counted in the stats: read them first). */
  const originPosts = async (userId: number): Promise<BlogPost[]> => (await (await fetch(`${originUrl()}/posts?userId=${userId}`)).json()) as BlogPost[];

  it('posts(userId: 3) with authors: one GET /posts, and the authors batched into one GET /users', async () => {
    const { posts } = dataOf<{ posts: { id: string; title: string; author: { name: string; city: string | null } }[] }>(
      await query('{ posts(userId: 3) { id title author { name city } } }'),
    );
    expect(posts).toEqual(postsBy(3).map((post) => ({ id: String(post.id), title: post.title, author: { name: 'Clara Nunes', city: 'Lisbon' } })));
    expect(await stats()).toEqual({ total: 2, routes: { 'GET /posts': 1, 'GET /users': 1 } });
  });

  it('every post with its author: ten different authors in one GET /users', async () => {
    const { posts } = dataOf<{ posts: { id: string; author: { id: string; name: string } }[] }>(await query('{ posts { id author { id name } } }'));
    expect(posts).toHaveLength(100);
    expect(posts).toEqual(SEED.posts.map((post) => ({ id: String(post.id), author: { id: String(post.userId), name: userName(post.userId) } })));
    expect(await stats()).toEqual({ total: 2, routes: { 'GET /posts': 1, 'GET /users': 1 } });
  });

  it('users(ids:) answers in the order asked, null for an unknown id, though the blog answers highest id first: one GET /users', async () => {
    const { users } = dataOf<{ users: ({ id: string; name: string } | null)[] }>(await query('{ users(ids: ["3", "1", "99", "2"]) { id name } }'));
    expect(users).toEqual([{ id: '3', name: userName(3) }, { id: '1', name: userName(1) }, null, { id: '2', name: userName(2) }]);
    expect(await stats()).toEqual({ total: 1, routes: { 'GET /users': 1 } });
  });

  it('a post with its comments and its author\'s posts; an unknown post is null without errors', async () => {
    const { post } = dataOf<{ post: { title: string; comments: { email: string }[]; author: { posts: { id: string }[] } } }>(
      await query('{ post(id: "1") { title comments { email } author { posts { id } } } }'),
    );
    expect(post).toEqual({
      title: SEED.posts[0]!.title,
      comments: SEED.comments.filter((comment) => comment.postId === 1).map((comment) => ({ email: comment.email })),
      author: { posts: postsBy(1).map((each) => ({ id: String(each.id) })) },
    });

    const unknown = await query('{ post(id: "99999") { id } }');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ data: { post: null } });
  });

  it('two different queries over the same user share one origin fetch (the field cache)', async () => {
    const first = await query('{ user(id: "4") { name } }');
    expect(dataOf(first)).toEqual({ user: { name: userName(4) } });
    const second = await query('{ user(id: "4") { email } }');
    expect(dataOf(second)).toEqual({ user: { email: SEED.users[3]!.email } });
    // A different document: not the response cache.
    expect(second.headers.get('x-cache')).not.toBe('HIT');
    expect(await stats()).toEqual({ total: 1, routes: { 'GET /users': 1 } });
  });

  it('a second identical query is answered from the response cache, with no origin call', async () => {
    const text = '{ post(id: "2") { id title author { name } } }';
    const first = await query(text);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const calls = (await stats()).total;
    expect(calls).toBeGreaterThan(0);
    const second = await query(text);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect((await stats()).total).toBe(calls);
  });

  it('createPost without a token: UNAUTHENTICATED, and nothing is created', async () => {
    const refused = await query('mutation { createPost(userId: "2", title: "Nope", body: "No token") { id } }');
    expect(codes(refused.body)).toEqual(['UNAUTHENTICATED']);
    expect(refused.body?.data ?? null).toBeNull();
    expect((await stats()).routes).toEqual({ 'POST /posts': 1 });
    expect(await originPosts(2)).toEqual(postsBy(2));
  });

  it('createPost with the token: created, and a list cached before the write shows it at once (@invalidates)', async () => {
    const list = '{ posts(userId: 2) { title } }';
    const before = dataOf<{ posts: { title: string }[] }>(await query(list));
    expect(before.posts).toEqual(postsBy(2).map((post) => ({ title: post.title })));
    expect((await query(list)).headers.get('x-cache')).toBe('HIT');

    const created = await query('mutation { createPost(userId: "2", title: "Fresh from the gateway", body: "Hello") { id title body author { id name } } }', WRITE);
    expect(dataOf(created)).toEqual({
      createPost: { id: '101', title: 'Fresh from the gateway', body: 'Hello', author: { id: '2', name: userName(2) } },
    });

    const after = await query(list);
    expect(after.headers.get('x-cache')).not.toBe('HIT');
    expect(dataOf<{ posts: { title: string }[] }>(after).posts).toEqual([...before.posts, { title: 'Fresh from the gateway' }]);
  });

  it('createPost with an empty title: BAD_USER_INPUT with the blog\'s message, and nothing is created', async () => {
    const refused = await query('mutation { createPost(userId: "2", title: "", body: "Untitled") { id } }', WRITE);
    expect(codes(refused.body)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body?.errors?.[0]?.message).toBe(TITLE_REQUIRED);
    expect(refused.body?.data ?? null).toBeNull();
    expect(await originPosts(2)).toEqual(postsBy(2));
  });

  it('updatePost: a post cached before the write shows the new title at once (Post:<id>)', async () => {
    const text = '{ post(id: "5") { id title } }';
    expect(dataOf(await query(text))).toEqual({ post: { id: '5', title: SEED.posts[4]!.title } });
    expect((await query(text)).headers.get('x-cache')).toBe('HIT');

    const updated = await query('mutation { updatePost(id: "5", title: "Retitled") { id title body } }', WRITE);
    expect(dataOf(updated)).toEqual({ updatePost: { id: '5', title: 'Retitled', body: SEED.posts[4]!.body } });
    expect(dataOf(await query(text))).toEqual({ post: { id: '5', title: 'Retitled' } });
  });

  it('createPost: the author\'s posts, read through User.posts and cached before the write, show it at once (User:<userId>)', async () => {
    const text = '{ user(id: "2") { posts { title } } }';
    const titles = postsBy(2).map((post) => ({ title: post.title }));
    expect(dataOf(await query(text))).toEqual({ user: { posts: titles } });

    dataOf(await query('mutation { createPost(userId: "2", title: "Also on the profile", body: "Hi") { id } }', WRITE));
    expect(dataOf(await query(text))).toEqual({ user: { posts: [...titles, { title: 'Also on the profile' }] } });
  });

  it('GraphiQL opens on the blog\'s first operation (operations/author-posts.graphql), not on the shop\'s example query', async () => {
    const page = await fetch(`${gatewayUrl()}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    // The operation's whole text, as the page's options carry it: a JSON string.
    expect(html).toContain(JSON.stringify(readFileSync(new URL('../../examples/blog/operations/author-posts.graphql', import.meta.url), 'utf8')));
    expect(html).not.toContain('query Products(');
  });
});
