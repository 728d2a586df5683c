/**
 * A small stand-in for api.github.com, for the check of the schema imported
 * from GitHub's own OpenAPI document (check.ts): one repository, its issues and
 * their authors, in the shapes the document gives (`full-repository`, `issue`,
 * `simple-user`, `public-user`), written for this project. It counts the calls
 * per path so the check can say which origin calls a query took.
 *
 * Routes: GET /repos/{owner}/{repo}, GET /repos/{owner}/{repo}/issues
 * (`state`, `per_page`, `page`, and a `Link` header as GitHub sends it),
 * GET /repos/{owner}/{repo}/issues/{issue_number}, GET /users/{username}.
 * Anything else is GitHub's 404 body.
 *
 * `node --experimental-strip-types examples/github/simulator.ts [--port 4040]`
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../simulator/command-line.ts';
import { serve, type RunningOrigin } from '../../simulator/lifecycle.ts';

export const OWNER = 'octo-org';
export const REPO = 'edge-gateway';

interface Person {
  login: string;
  id: number;
  name: string;
  company: string | null;
  bio: string | null;
  followers: number;
  created: string;
}

interface Issue {
  /** Above 2^31, as GitHub's issue ids are today: a schema that maps int64 to Int fails on them. */
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  author: string;
  labels: string[];
  comments: number;
  created: string;
}

export const PEOPLE: readonly Person[] = [
  { login: 'mona', id: 583231, name: 'Mona Lisa Octocat', company: '@octo-org', bio: 'Keeps the edge warm.', followers: 4211, created: '2011-01-25T18:44:36Z' },
  { login: 'hubot', id: 480938, name: 'Hubot', company: null, bio: null, followers: 912, created: '2010-11-03T07:21:09Z' },
  { login: 'dependabot-fan', id: 10137, name: 'Dee Pendabot', company: 'Bumps Inc.', bio: 'One version at a time.', followers: 37, created: '2009-05-14T12:00:00Z' },
];

export const ISSUES: readonly Issue[] = [
  { id: 3101000006, number: 6, title: 'Cache hint lost on nested lists', state: 'open', author: 'mona', labels: ['bug'], comments: 3, created: '2025-11-20T09:12:00Z' },
  { id: 3101000005, number: 5, title: 'Document the import command', state: 'open', author: 'hubot', labels: ['docs'], comments: 0, created: '2025-11-18T15:02:00Z' },
  { id: 3101000004, number: 4, title: 'Batch user look-ups', state: 'open', author: 'mona', labels: ['enhancement', 'performance'], comments: 7, created: '2025-11-10T11:30:00Z' },
  { id: 3101000003, number: 3, title: 'Link header order', state: 'open', author: 'dependabot-fan', labels: [], comments: 2, created: '2025-10-21T16:45:00Z' },
  { id: 3101000002, number: 2, title: 'Purge on rename', state: 'closed', author: 'dependabot-fan', labels: [], comments: 1, created: '2025-10-02T08:00:00Z' },
];

export const REPOSITORY = { id: 2901234567, name: REPO, description: 'A GraphQL edge gateway in front of REST APIs.', stars: 128, forks: 9, created: '2024-03-01T10:00:00Z' };

const API = 'https://api.github.com';
const WEB = 'https://github.com';

/** GitHub's `simple-user`. */
function simpleUser(person: Person) {
  const url = `${API}/users/${person.login}`;
  return {
    login: person.login,
    id: person.id,
    node_id: `MDQ6VXNlcj${person.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${person.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${person.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    site_admin: false,
    user_view_type: 'public',
  };
}

/** GitHub's `public-user`: the `simple-user` and the profile. */
function publicUser(person: Person) {
  return {
    ...simpleUser(person),
    name: person.name,
    company: person.company,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: person.bio,
    twitter_username: null,
    public_repos: 12,
    public_gists: 1,
    followers: person.followers,
    following: 3,
    created_at: person.created,
    updated_at: '2025-12-01T00:00:00Z',
  };
}

function organization() {
  return { ...simpleUser({ login: OWNER, id: 9919, name: 'Octo Org', company: null, bio: null, followers: 0, created: '2012-01-01T00:00:00Z' }), type: 'Organization' };
}

/** GitHub's `full-repository`, the fields a client reads most. */
function fullRepository() {
  const fullName = `${OWNER}/${REPO}`;
  const url = `${API}/repos/${fullName}`;
  return {
    id: REPOSITORY.id,
    node_id: 'R_kgDOKz1xYw',
    name: REPOSITORY.name,
    full_name: fullName,
    owner: organization(),
    private: false,
    html_url: `${WEB}/${fullName}`,
    description: REPOSITORY.description,
    fork: false,
    url,
    issues_url: `${url}/issues{/number}`,
    homepage: null,
    language: 'TypeScript',
    forks_count: REPOSITORY.forks,
    stargazers_count: REPOSITORY.stars,
    watchers_count: REPOSITORY.stars,
    size: 4096,
    default_branch: 'main',
    open_issues_count: ISSUES.filter((issue) => issue.state === 'open').length,
    is_template: false,
    topics: ['graphql', 'cloudflare-workers'],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: '2025-12-02T17:45:00Z',
    created_at: REPOSITORY.created,
    updated_at: '2025-12-02T17:45:00Z',
    license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT', url: `${API}/licenses/mit`, node_id: 'MDc6TGljZW5zZTEz' },
    forks: REPOSITORY.forks,
    open_issues: ISSUES.filter((issue) => issue.state === 'open').length,
    watchers: REPOSITORY.stars,
    network_count: REPOSITORY.forks,
    subscribers_count: 14,
  };
}

/** GitHub's `issue`, its author a `simple-user` and its labels objects. */
function issue(record: Issue) {
  const url = `${API}/repos/${OWNER}/${REPO}/issues/${record.number}`;
  return {
    id: record.id,
    node_id: `I_kwDOKz1xY86${record.number}`,
    url,
    repository_url: `${API}/repos/${OWNER}/${REPO}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${OWNER}/${REPO}/issues/${record.number}`,
    number: record.number,
    state: record.state,
    state_reason: record.state === 'closed' ? 'completed' : null,
    title: record.title,
    body: `${record.title}.`,
    user: simpleUser(person(record.author)!),
    labels: record.labels.map((name, index) => ({ id: 208045946 + index, node_id: `MDU6TGFiZWw${index}`, url: `${API}/repos/${OWNER}/${REPO}/labels/${name}`, name, description: null, color: 'f29513', default: false })),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: record.comments,
    closed_at: record.state === 'closed' ? '2025-10-03T08:00:00Z' : null,
    created_at: record.created,
    updated_at: record.created,
    author_association: 'MEMBER',
  };
}

function person(login: string): Person | undefined {
  return PEOPLE.find((each) => each.login === login);
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });

/** GitHub's `Link` header for page `page` of `last` pages of `path`. */
function link(base: string, path: string, query: URLSearchParams, page: number, last: number): string {
  const at = (n: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.set('page', String(n));
    return `<${base}${path}?${params}>; rel="${rel}"`;
  };
  const parts = [];
  if (page > 1) parts.push(at(page - 1, 'prev'));
  if (page < last) parts.push(at(page + 1, 'next'), at(last, 'last'));
  if (page > 1) parts.push(at(1, 'first'));
  return parts.join(', ');
}

function listIssues(base: string, path: string, query: URLSearchParams): Reply {
  const state = query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) return { status: 422, body: { message: 'Validation Failed', status: '422' } };
  const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const chosen = ISSUES.filter((each) => state === 'all' || each.state === state);
  const last = Math.max(Math.ceil(chosen.length / perPage), 1);
  const body = chosen.slice((page - 1) * perPage, page * perPage).map(issue);
  const header = link(base, path, query, page, last);
  return { status: 200, body, headers: header ? { link: header } : {} };
}

/** The answer to one GET, by GitHub's routes. */
function route(base: string, path: string, query: URLSearchParams): Reply {
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  if (parts[0] === 'users' && parts.length === 2) {
    const found = person(parts[1]!);
    return found ? { status: 200, body: publicUser(found) } : notFound();
  }
  if (parts[0] !== 'repos' || parts[1] !== OWNER || parts[2] !== REPO) return notFound();
  if (parts.length === 3) return { status: 200, body: fullRepository() };
  if (parts[3] !== 'issues') return notFound();
  if (parts.length === 4) return listIssues(base, path, query);
  const found = parts.length === 5 ? ISSUES.find((each) => String(each.number) === parts[4]) : undefined;
  return found ? { status: 200, body: issue(found) } : notFound();
}

export interface RunningGitHubSimulator extends RunningOrigin {
  /** Calls per `METHOD /path` (query left out) since the last `reset()`. */
  calls: Map<string, number>;
  /** Every request since the last `reset()`, `GET /path?query`, oldest first. */
  requests: string[];
  reset(): void;
}

export async function startGitHubSimulator({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<RunningGitHubSimulator> {
  const calls = new Map<string, number>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    const method = req.method ?? 'GET';
    const key = `${method} ${url.pathname}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    requests.push(`${method} ${url.pathname}${url.search}`);
    let reply: Reply;
    try {
      reply = method === 'GET' ? route(url.origin, url.pathname, url.searchParams) : notFound();
    } catch {
      // A malformed escape in the path: GitHub answers 400 too.
      reply = { status: 400, body: { message: 'Bad Request', status: '400' } };
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...reply.headers });
    res.end(text);
  });
  return {
    ...(await serve(server, port, host, 'the GitHub simulator')),
    calls,
    requests,
    reset: () => {
      calls.clear();
      requests.length = 0;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runCommand({
    name: 'github',
    usage: `usage: node --experimental-strip-types examples/github/simulator.ts [--port 4040] [--host 127.0.0.1]
  serves GET /repos/${OWNER}/${REPO}, its /issues, and /users/{username}`,
    defaultPort: 4040,
    numericFlags: [],
    start: startGitHubSimulator,
    readyLine: (url) => `ready ${url}`,
  });
}
