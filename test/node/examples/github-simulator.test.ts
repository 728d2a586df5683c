import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ISSUES, OWNER, PEOPLE, REPO, startGitHubSimulator, type RunningGitHubSimulator } from '../../../examples/github/simulator.ts';
import { call } from '../simulator/helpers.ts';

/** The GitHub stand-in examples/github/check.ts serves the imported schema against: GitHub's shapes, its Link header, its 404, and the call counts the check asserts. */
describe('GitHub simulator', () => {
  let sim: RunningGitHubSimulator;
  beforeAll(async () => {
    sim = await startGitHubSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const base = `/repos/${OWNER}/${REPO}`;

  it('answers the repository as a full-repository, its owner a simple-user', async () => {
    const { status, body } = await call<Record<string, unknown>>(sim, base);
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, type: 'Organization' }, open_issues_count: 4 });
  });

  it('lists the open issues newest first, each with its author as a simple-user and ids above 2^31', async () => {
    const { body } = await call<{ number: number; id: number; user: { login: string; url: string } }[]>(sim, `${base}/issues`);
    expect(body.map((issue) => issue.number)).toEqual([6, 5, 4, 3]);
    expect(body.map((issue) => issue.user.login)).toEqual(['mona', 'hubot', 'mona', 'dependabot-fan']);
    expect(body.every((issue) => issue.id > 2 ** 31)).toBe(true);
    expect(body[0]!.user.url).toBe('https://api.github.com/users/mona');
  });

  it('pages with per_page and page, and links the pages as GitHub does', async () => {
    const first = await call<{ number: number }[]>(sim, `${base}/issues?state=all&per_page=3`);
    expect(first.body.map((issue) => issue.number)).toEqual([6, 5, 4]);
    expect(first.headers.get('link')).toBe(`<${sim.url}${base}/issues?state=all&per_page=3&page=2>; rel="next", <${sim.url}${base}/issues?state=all&per_page=3&page=2>; rel="last"`);
    const last = await call<{ number: number }[]>(sim, `${base}/issues?state=all&per_page=3&page=2`);
    expect(last.body.map((issue) => issue.number)).toEqual([3, 2]);
    expect(last.headers.get('link')).toBe(`<${sim.url}${base}/issues?state=all&per_page=3&page=1>; rel="prev", <${sim.url}${base}/issues?state=all&per_page=3&page=1>; rel="first"`);
    expect((await call(sim, `${base}/issues?state=shut`)).status).toBe(422);
  });

  it('answers a user as a public-user, an unknown one with GitHub 404 body', async () => {
    const mona = PEOPLE[0]!;
    const { body } = await call<Record<string, unknown>>(sim, `/users/${mona.login}`);
    expect(body).toMatchObject({ login: mona.login, id: mona.id, name: mona.name, followers: mona.followers, user_view_type: 'public' });
    const missing = await call<{ message: string }>(sim, '/users/nobody');
    expect([missing.status, missing.body.message]).toEqual([404, 'Not Found']);
    expect((await call(sim, `${base}/issues/${ISSUES[0]!.number}`)).status).toBe(200);
    expect((await call(sim, '/repos/someone/else')).status).toBe(404);
  });

  it('counts calls per method and path, query left out, until reset', async () => {
    await call(sim, `${base}/issues?page=1`);
    await call(sim, `${base}/issues?page=2`);
    await call(sim, '/users/hubot');
    await call(sim, base, { method: 'POST', json: {} });
    expect(Object.fromEntries(sim.calls)).toEqual({ [`GET ${base}/issues`]: 2, 'GET /users/hubot': 1, [`POST ${base}`]: 1 });
    expect(sim.requests).toEqual([`GET ${base}/issues?page=1`, `GET ${base}/issues?page=2`, 'GET /users/hubot', `POST ${base}`]);
    sim.reset();
    expect([sim.calls.size, sim.requests.length]).toEqual([0, 0]);
  });
});
