import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BODY_NOT_TEXT, TITLE_REQUIRED, UNKNOWN_AUTHOR } from '../../../examples/blog/simulator/posts.ts';
import { startBlogOrigin, type RunningBlogOrigin } from '../../../examples/blog/simulator/server.ts';
import type { BlogComment, BlogErrorBody, BlogPost, BlogStats, BlogUser } from '../../../examples/blog/simulator/types.ts';
import { call } from '../simulator/helpers.ts';

const CLI = fileURLToPath(new URL('../../../examples/blog/simulator/cli.ts', import.meta.url));
const TOKEN = 'blog-token';
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** The blog simulator (JSONPlaceholder-shaped, for the second example API): its routes, ordering, errors, auth and admin endpoints. */
describe('blog simulator', () => {
  let origin: RunningBlogOrigin;
  beforeAll(async () => {
    origin = await startBlogOrigin({ port: 0 });
  });
  afterAll(() => origin.close());
  beforeEach(() => call(origin, '/__blog/reset', { method: 'POST' }));

  const get = async <T>(path: string): Promise<T> => {
    const { status, body } = await call<T>(origin, path);
    expect(status, path).toBe(200);
    return body;
  };
  const ids = (records: { id: number }[]): number[] => records.map((record) => record.id);

  describe('seed data', () => {
    it('10 users with numeric ids 1..10, JSONPlaceholder-shaped', async () => {
      const users = await get<BlogUser[]>('/users');
      expect(ids(users)).toEqual(range(1, 10));
      for (const user of users) {
        expect(user).toEqual({
          id: expect.any(Number),
          name: expect.stringMatching(/^\S+ \S+$/),
          username: expect.stringMatching(/^\S+$/),
          email: expect.stringMatching(/^\S+@\S+\.example$/),
          address: { street: expect.any(String), city: expect.stringMatching(/\S/), zipcode: expect.any(String) },
        });
      }
      expect(new Set(users.map((user) => user.username)).size).toBe(10);
      expect(new Set(users.map((user) => user.email)).size).toBe(10);
    });

    it('100 posts, ten per user in id order; 500 comments, five per post', async () => {
      const posts = await get<BlogPost[]>('/posts');
      expect(ids(posts)).toEqual(range(1, 100));
      for (const post of posts) {
        expect(post).toEqual({ id: post.id, userId: Math.ceil(post.id / 10), title: expect.stringMatching(/\S/), body: expect.stringMatching(/\S/) });
      }
      const comments = await get<BlogComment[]>('/comments');
      expect(ids(comments)).toEqual(range(1, 500));
      for (const comment of comments) {
        expect(comment).toEqual({
          id: comment.id,
          postId: Math.ceil(comment.id / 5),
          name: expect.stringMatching(/\S/),
          email: expect.stringMatching(/^\S+@\S+$/),
          body: expect.stringMatching(/\S/),
        });
      }
    });

    it('is the same on every server and every run', async () => {
      const other = await startBlogOrigin({ port: 0 });
      try {
        for (const path of ['/users', '/posts', '/comments']) {
          const [mine, theirs] = await Promise.all([call(origin, path), call(other, path)]);
          expect(theirs.body).toEqual(mine.body);
        }
      } finally {
        await other.close();
      }
      expect((await get<BlogUser>('/users/3')).address.city).toBe('Lisbon');
    });
  });

  describe('users', () => {
    it('GET /users/:id, and 404 {} for an unknown or malformed id', async () => {
      expect(await get<BlogUser>('/users/4')).toMatchObject({ id: 4, name: 'Dev Patel', username: 'dev_patel', address: { city: 'Pune' } });
      for (const path of ['/users/11', '/users/0', '/users/abc', '/users/04', '/users/-1']) {
        expect(await call(origin, path), path).toMatchObject({ status: 404, body: {} });
      }
    });

    it('GET /users?id=..&id=..: the users found, highest id first whatever the order asked', async () => {
      expect(ids(await get<BlogUser[]>('/users?id=3&id=1&id=99&id=2'))).toEqual([3, 2, 1]);
      expect(ids(await get<BlogUser[]>('/users?id=1&id=10&id=5'))).toEqual([10, 5, 1]);
      expect(ids(await get<BlogUser[]>('/users?id=7&id=7'))).toEqual([7]);
      expect(await get<BlogUser[]>('/users?id=99')).toEqual([]);
      // Not ids (commas are not separators), so nothing matches; an empty value is a filter that matches nothing.
      for (const query of ['id=1,2', 'id=abc', 'id=', 'id=02']) expect(await get<BlogUser[]>(`/users?${query}`), query).toEqual([]);
      expect(await get<BlogUser[]>('/users?id=2&id=1')).toEqual([await get<BlogUser>('/users/2'), await get<BlogUser>('/users/1')]);
    });
  });

  describe('posts and comments', () => {
    it('GET /posts/:id, and 404 {} for an unknown one', async () => {
      expect(await get<BlogPost>('/posts/7')).toMatchObject({ id: 7, userId: 1 });
      expect(await get<BlogPost>('/posts/100')).toMatchObject({ id: 100, userId: 10 });
      for (const path of ['/posts/101', '/posts/0', '/posts/x']) expect(await call(origin, path), path).toMatchObject({ status: 404, body: {} });
    });

    it('GET /posts?userId=3: that author\'s posts in id order; an unknown author has none', async () => {
      const posts = await get<BlogPost[]>('/posts?userId=3');
      expect(ids(posts)).toEqual(range(21, 30));
      expect(posts.every((post) => post.userId === 3)).toBe(true);
      expect(await get<BlogPost[]>('/posts?userId=11')).toEqual([]);
      expect(ids(await get<BlogPost[]>('/posts?userId=2&userId=1'))).toEqual(range(1, 20));
    });

    it('GET /posts?id=..&id=..: the posts found, highest id first; filters combine', async () => {
      expect(ids(await get<BlogPost[]>('/posts?id=5&id=50&id=500&id=17'))).toEqual([50, 17, 5]);
      expect(ids(await get<BlogPost[]>('/posts?id=1&id=15&id=11&userId=2'))).toEqual([15, 11]);
      expect(await get<BlogPost[]>('/posts?id=1,2')).toEqual([]);
    });

    it('GET /comments?postId=7: that post\'s comments', async () => {
      const comments = await get<BlogComment[]>('/comments?postId=7');
      expect(ids(comments)).toEqual(range(31, 35));
      expect(comments.every((comment) => comment.postId === 7)).toBe(true);
      expect(ids(await get<BlogComment[]>('/comments?postId=2&postId=1'))).toEqual(range(1, 10));
      expect(await get<BlogComment[]>('/comments?postId=101')).toEqual([]);
    });
  });

  describe('writes', () => {
    const write = <T>(method: string, path: string, json: unknown) => call<T>(origin, path, { method, json, token: TOKEN });

    it('POST /posts: 201 with the new post, ids from 101; a string userId is stored as a number', async () => {
      const first = await write<BlogPost>('POST', '/posts', { userId: 3, title: 'Hello', body: 'First!' });
      expect(first).toMatchObject({ status: 201, body: { id: 101, userId: 3, title: 'Hello', body: 'First!' } });
      const second = await write<BlogPost>('POST', '/posts', { userId: '4', title: 'Again', body: '' });
      expect(second).toMatchObject({ status: 201, body: { id: 102, userId: 4, title: 'Again', body: '' } });
      expect(await get<BlogPost>('/posts/101')).toEqual(first.body);
      expect(ids(await get<BlogPost[]>('/posts?userId=4'))).toEqual([...range(31, 40), 102]);
      expect(ids(await get<BlogPost[]>('/posts?id=101&id=1&id=102'))).toEqual([102, 101, 1]);
      expect(ids(await get<BlogPost[]>('/posts')).at(-1)).toBe(102);
    });

    it('POST /posts: 400 with a message for a missing or empty title, an unknown author or a bad body', async () => {
      const cases: [unknown, string][] = [
        [{ userId: 1, body: 'b' }, TITLE_REQUIRED],
        [{ userId: 1, title: '', body: 'b' }, TITLE_REQUIRED],
        [{ userId: 1, title: '   ', body: 'b' }, TITLE_REQUIRED],
        [{ userId: 1, title: 7, body: 'b' }, TITLE_REQUIRED],
        [{ userId: 11, title: 't', body: 'b' }, UNKNOWN_AUTHOR],
        [{ userId: 'abc', title: 't', body: 'b' }, UNKNOWN_AUTHOR],
        [{ title: 't', body: 'b' }, UNKNOWN_AUTHOR],
        [{ userId: 1, title: 't', body: 5 }, BODY_NOT_TEXT],
        [[1, 2], 'request body must be a JSON object'],
      ];
      for (const [json, message] of cases) {
        expect(await write<BlogErrorBody>('POST', '/posts', json), JSON.stringify(json)).toMatchObject({ status: 400, body: { error: { message } } });
      }
      const invalid = await call<BlogErrorBody>(origin, '/posts', { method: 'POST', body: '{"title":', token: TOKEN });
      expect(invalid).toMatchObject({ status: 400, body: { error: { message: 'request body must be a JSON object' } } });
      expect(await get<BlogPost[]>('/posts')).toHaveLength(100);
    });

    it('PATCH /posts/:id merges title and body (absent or null: unchanged); 404 when unknown', async () => {
      const before = await get<BlogPost>('/posts/7');
      const titled = await write<BlogPost>('PATCH', '/posts/7', { title: 'Renamed', userId: 9 });
      expect(titled).toMatchObject({ status: 200, body: { ...before, title: 'Renamed' } });
      const bodied = await write<BlogPost>('PATCH', '/posts/7', { title: null, body: 'New text' });
      expect(bodied.body).toEqual({ ...before, title: 'Renamed', body: 'New text' });
      expect(await get<BlogPost>('/posts/7')).toEqual(bodied.body);
      expect(await write<BlogErrorBody>('PATCH', '/posts/7', { title: '' })).toMatchObject({ status: 400, body: { error: { message: TITLE_REQUIRED } } });
      expect(await write('PATCH', '/posts/999', { title: 'x' })).toMatchObject({ status: 404, body: {} });
    });

    it('DELETE /posts/:id removes the post and its comments; 404 when unknown', async () => {
      expect(await write('DELETE', '/posts/7', undefined)).toMatchObject({ status: 200, body: {} });
      expect((await call(origin, '/posts/7')).status).toBe(404);
      expect(await get<BlogComment[]>('/comments?postId=7')).toEqual([]);
      expect(ids(await get<BlogPost[]>('/posts?userId=1'))).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
      expect((await write('DELETE', '/posts/7', undefined)).status).toBe(404);
    });

    it('every write needs authorization: Bearer blog-token (401 with a message), and changes nothing without it', async () => {
      for (const token of [undefined, 'wrong', '']) {
        for (const [method, path, json] of [
          ['POST', '/posts', { userId: 1, title: 't', body: 'b' }],
          ['PATCH', '/posts/1', { title: 't' }],
          ['PATCH', '/posts/999', { title: 't' }],
          ['DELETE', '/posts/1', undefined],
        ] as const) {
          const sent = await call<BlogErrorBody>(origin, path, { method, json, token });
          expect(sent.status, `${method} ${path} with ${token}`).toBe(401);
          expect(sent.body.error.message).toContain('Bearer blog-token');
        }
      }
      const basic = await call(origin, '/posts', { method: 'POST', json: { userId: 1, title: 't' }, headers: { authorization: 'Basic blog-token' } });
      expect(basic.status).toBe(401);
      expect(await get<BlogPost[]>('/posts')).toHaveLength(100);
      expect((await get<BlogPost>('/posts/1')).title).not.toBe('t');
      const lower = await call(origin, '/posts', { method: 'POST', json: { userId: 1, title: 't' }, headers: { authorization: 'bearer blog-token' } });
      expect(lower.status).toBe(201);
    });
  });

  describe('errors', () => {
    it('an unknown endpoint is 404 with a message; a known one with the wrong method 405 with Allow', async () => {
      expect(await call(origin, '/todos')).toMatchObject({ status: 404, body: { error: { message: 'no such endpoint' } } });
      expect(await call(origin, '/posts/')).toMatchObject({ status: 404, body: { error: { message: 'no such endpoint' } } });
      const wrong = await call(origin, '/users/1', { method: 'DELETE' });
      expect(wrong).toMatchObject({ status: 405, body: { error: { message: 'DELETE is not allowed here' } } });
      expect(wrong.headers.get('allow')).toBe('GET');
      expect((await call(origin, '/posts/1', { method: 'PUT' })).headers.get('allow')).toBe('GET, PATCH, DELETE');
      expect((await call(origin, '/users')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    });
  });

  describe('stats and reset', () => {
    const stats = async (): Promise<BlogStats> => get<BlogStats>('/__blog/stats');

    it('counts API calls by method and route pattern; the admin endpoints are not counted', async () => {
      expect(await stats()).toEqual({ total: 0, routes: {} });
      await call(origin, '/users?id=1&id=2');
      await call(origin, '/users');
      await call(origin, '/users/3');
      await call(origin, '/users/99');
      await call(origin, '/posts?userId=3');
      await call(origin, '/posts/1');
      await call(origin, '/comments?postId=7');
      await call(origin, '/posts', { method: 'POST', json: { userId: 1, title: 't', body: 'b' } });
      await call(origin, '/posts/1', { method: 'PATCH', json: { title: 'u' }, token: TOKEN });
      await call(origin, '/posts/1', { method: 'DELETE', token: TOKEN });
      await call(origin, '/todos');
      await call(origin, '/users/1', { method: 'PUT' });
      await stats();
      expect(await stats()).toEqual({
        total: 12,
        routes: {
          'GET /users': 2,
          'GET /users/:id': 2,
          'GET /posts': 1,
          'GET /posts/:id': 1,
          'GET /comments': 1,
          'POST /posts': 1,
          'PATCH /posts/:id': 1,
          'DELETE /posts/:id': 1,
        },
      });
    });

    it('POST /__blog/reset restores the seed, restarts ids at 101 and zeroes the counters', async () => {
      const seeded = await get<BlogPost[]>('/posts');
      await call(origin, '/posts', { method: 'POST', json: { userId: 1, title: 'a', body: 'b' }, token: TOKEN });
      await call(origin, '/posts/2', { method: 'PATCH', json: { title: 'changed' }, token: TOKEN });
      await call(origin, '/posts/3', { method: 'DELETE', token: TOKEN });
      expect(await call(origin, '/__blog/reset', { method: 'POST' })).toMatchObject({ status: 200, body: { ok: true } });
      expect(await stats()).toEqual({ total: 0, routes: {} });
      expect(await get<BlogPost[]>('/posts')).toEqual(seeded);
      expect(await get<BlogComment[]>('/comments?postId=3')).toHaveLength(5);
      const created = await call<BlogPost>(origin, '/posts', { method: 'POST', json: { userId: 1, title: 'a', body: 'b' }, token: TOKEN });
      expect(created.body.id).toBe(101);
    });

    it('unknown admin endpoints are 404, not counted', async () => {
      expect((await call(origin, '/__blog/nope')).status).toBe(404);
      expect((await call(origin, '/__blog/stats', { method: 'POST' })).status).toBe(405);
      expect((await stats()).total).toBe(0);
    });
  });
});

describe('startBlogOrigin', () => {
  it('listens on a free port for port 0 and reports its url', async () => {
    const [a, b] = await Promise.all([startBlogOrigin({ port: 0 }), startBlogOrigin({ port: 0 })]);
    try {
      expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
      expect(a.port).toBeGreaterThan(0);
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.each([{ port: -1 }, { port: 70_000 }, { port: 1.5 }, { port: 0, latencyMs: -1 }, { port: 0, latencyMs: 2.5 }, { port: 0, host: '' }])('rejects invalid options %o', async (options) => {
    await expect(startBlogOrigin(options)).rejects.toThrow(RangeError);
  });

  it('latencyMs delays API answers but not the admin endpoints', async () => {
    const slow = await startBlogOrigin({ port: 0, latencyMs: 150 });
    try {
      let started = performance.now();
      expect((await call(slow, '/users/1')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      started = performance.now();
      await call(slow, '/__blog/stats');
      expect(performance.now() - started).toBeLessThan(140);
    } finally {
      await slow.close();
    }
  });

  it('closes promptly while a request waits out its latency; close is safe twice', async () => {
    const slow = await startBlogOrigin({ port: 0, latencyMs: 60_000 });
    const waiting = fetch(`${slow.url}/users/1`);
    await expect.poll(async () => (await call<BlogStats>(slow, '/__blog/stats')).body.total).toBe(1);
    const started = performance.now();
    await slow.close();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(waiting).rejects.toThrow(TypeError);
  });
});

describe('blog simulator cli', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function launch(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
    const child = spawn(process.execPath, ['--experimental-strip-types', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return { child, stdout: () => stdout, stderr: () => stderr };
  }

  async function ready(args: string[]): Promise<{ child: ChildProcess; url: string }> {
    const { child, stdout, stderr } = launch(args);
    const exited = once(child, 'exit').then(() => {
      throw new Error(`cli exited early: ${stderr()}`);
    });
    const line = (async () => {
      while (!stdout().includes('\n')) await once(child.stdout!, 'data');
      return stdout();
    })();
    const printed = await Promise.race([line, exited]);
    const url = /^ready (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(printed)?.[1];
    if (url === undefined) throw new Error(`unexpected output: ${printed}`);
    return { child, url };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('prints "ready <url>", serves, and stops with code 0 on %s', async (signal) => {
    const { child, url } = await ready(['--port', '0', '--latency-ms', '0']);
    expect(url).not.toMatch(/:0$/);
    expect(((await (await fetch(`${url}/users/1`)).json()) as BlogUser).id).toBe(1);
    child.kill(signal);
    const [code, killedBy] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--port', '70000'], 'port'],
    [['--latency-ms', '-5'], '--latency-ms'],
    [['--bogus'], '--bogus'],
    [['extra'], 'extra'],
  ])('exits with code 2 and usage on %j', async (args, mentioned) => {
    const { child, stdout, stderr } = launch(args);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toContain(mentioned);
    expect(stderr()).toContain('usage:');
  });
});
