import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeed } from '../../examples/blog/simulator/seed.ts';
import { startBlogOrigin, type RunningBlogOrigin } from '../../examples/blog/simulator/server.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { answer, codes, graphqlPath, postJson, type Answer } from '../support/answers.ts';
import { serve, type Served } from './serve.ts';

/**
 * `npm run serve -- --schema examples/blog --var PERSISTED_ONLY:true` (the
 * production build and settings): the trusted documents are the blog's own,
 * which codegen wrote from examples/blog/operations/ and the build bundled
 * with the folder; the shop's manifest, which codegen writes for schema/, is
 * no part of this gateway.
 */

/** Building the bundle and starting workerd. */
const STARTUP_MS = 180_000;
const GET_HEADERS = { accept: 'application/json', 'x-graphql-csrf': '1' };

/** The named operation in the manifest codegen wrote at `path`: its `sha256:<hash>` id and its text. */
function manifestEntry(path: string, operation: string): { id: string; query: string } {
  const manifest = JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, string>;
  const entry = Object.entries(manifest).find(([, query]) => query.startsWith(`query ${operation}(`));
  if (!entry) throw new Error(`no ${operation} in ${path}`);
  return { id: entry[0], query: entry[1] };
}

const AUTHOR_POSTS = manifestEntry('examples/blog/generated/persisted-documents.json', 'AuthorPosts');
const SHOP_PRODUCTS = manifestEntry('client/generated/persisted-documents.json', 'Products');
const USER_3 = createSeed().users.find((user) => user.id === 3)!;

describe('PERSISTED_ONLY with --schema examples/blog: the blog\'s own manifest', () => {
  let origin: RunningBlogOrigin | undefined;
  let served: Served | undefined;

  beforeAll(async () => {
    origin = await startBlogOrigin({ port: 0, latencyMs: 5 });
    served = await serve(['--port', '0', '--schema', 'examples/blog', '--origin-url', origin.url, '--var', 'PERSISTED_ONLY:true']);
  }, STARTUP_MS);

  afterAll(async () => {
    await Promise.all([served && stop(served.child), origin?.close()]);
  });

  const post = async (body: unknown): Promise<Answer> => answer(await fetch(`${served!.urls[0]}/graphql`, postJson(body)));
  const get = async (params: Record<string, string>): Promise<Answer> => answer(await fetch(`${served!.urls[0]}${graphqlPath(params)}`, { headers: GET_HEADERS }));

  it('runs the blog\'s AuthorPosts by documentId, by POST and by GET', async () => {
    const byPost = await post({ documentId: AUTHOR_POSTS.id, variables: { userId: '3' } });
    expect(byPost.status, byPost.text).toBe(200);
    expect(byPost.body?.errors).toBeUndefined();
    const { posts } = byPost.body?.data as { posts: { author: { name: string; city: string | null } }[] };
    expect(posts.length).toBeGreaterThan(0);
    for (const { author } of posts) expect(author).toEqual({ name: USER_3.name, city: USER_3.address.city });

    const byGet = await get({ documentId: AUTHOR_POSTS.id, variables: JSON.stringify({ userId: '3' }) });
    expect(byGet.body).toEqual(byPost.body);
  });

  it('refuses the shop\'s Products, a document of another folder, with 400 PERSISTED_QUERY_NOT_FOUND, by POST and by GET', async () => {
    for (const refused of [await post({ documentId: SHOP_PRODUCTS.id }), await get({ documentId: SHOP_PRODUCTS.id })]) {
      expect(refused.status, refused.text).toBe(400);
      expect(codes(refused.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(refused.body?.data ?? null).toBeNull();
    }
  });

  it('refuses the blog\'s own operation sent as text, without its id, with 400 PERSISTED_QUERY_ONLY', async () => {
    const refused = await post({ query: AUTHOR_POSTS.query, variables: { userId: '3' } });
    expect(refused.status, refused.text).toBe(400);
    expect(codes(refused.body)).toEqual(['PERSISTED_QUERY_ONLY']);
  });
});
