/**
 * The analytics dashboard, behind DASHBOARD_TOKEN (read-only, not
 * PURGE_TOKEN): `GET /admin/dashboard` (the page, or its login form),
 * `POST /admin/dashboard/login` (the token, form-encoded: sets the session
 * cookie), `GET /admin/dashboard/data?range=15m` (what the page draws: the
 * range's WindowRead) and `GET /admin/dashboard/static/<file>` (the page's
 * script, styles and uPlot, static assets written by
 * scripts/build-dashboard.ts; nothing secret, so no session needed).
 */
import { RANGES, type Analytics, type Range } from '../analytics/analytics.ts';
import { json } from '../shared/json-response.ts';
import { logFailure } from '../shared/log-event.ts';
import { presentedSession, sessionCookie, sessionValue } from './dashboard-cookie.ts';
import { readBounded } from './graphql-params.ts';
import { secretMatches } from './secret-matches.ts';

export interface DashboardOptions {
  /** Unset: the dashboard answers 404. */
  token: string | undefined;
  analytics: Analytics;
  assets: Fetcher;
}

export interface Dashboard {
  /** Answers a path under /admin/dashboard. */
  serve(request: Request, path: string): Promise<Response>;
  /** The request carries a valid session cookie: what the read-only admin routes accept besides a bearer token. */
  signedIn(request: Request): Promise<boolean>;
}

export const DASHBOARD_PATH = '/admin/dashboard';

/** A token is short: a larger login body is refused unread. */
const MAX_LOGIN_BYTES = 4096;

/** The pages load only the gateway's own files and fetch only its own data. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export function createDashboard({ token, analytics, assets }: DashboardOptions): Dashboard {
  // One HMAC per isolate: the value every valid cookie holds.
  let expected: Promise<string> | undefined;
  const signedIn = async (request: Request): Promise<boolean> =>
    token !== undefined && secretMatches(presentedSession(request.headers.get('cookie')), await (expected ??= sessionValue(token)));

  const asset = (request: Request, file: string) => assets.fetch(new URL(`/dashboard/${file}`, request.url));

  async function page(request: Request, file: 'index.html' | 'login.html', status = 200, loginError?: string): Promise<Response> {
    const found = await asset(request, file);
    if (!found.ok) return json(500, { error: `The dashboard's ${file} is missing: run scripts/build-dashboard.ts.` });
    const response = new Response(found.body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS } });
    if (!loginError) return response;
    return new HTMLRewriter().on('[data-login-error]', { element: (element) => void element.setInnerContent(loginError) }).transform(response);
  }

  async function login(request: Request): Promise<Response> {
    if (request.method !== 'POST') return json(405, { error: 'Use POST.' }, { allow: 'POST' });
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return json(415, { error: 'POST the form: application/x-www-form-urlencoded, token=<DASHBOARD_TOKEN>.' });
    const text = await readBounded(request, MAX_LOGIN_BYTES);
    if (text === undefined) return json(413, { error: `The login body is over ${MAX_LOGIN_BYTES} bytes.` });
    if (!(await secretMatches(new URLSearchParams(text).get('token') ?? '', token!))) return page(request, 'login.html', 401, 'That is not the dashboard token.');
    const secure = new URL(request.url).protocol === 'https:';
    return new Response(null, { status: 303, headers: { location: DASHBOARD_PATH, 'set-cookie': sessionCookie(await (expected ??= sessionValue(token!)), secure), 'cache-control': 'no-store' } });
  }

  async function data(request: Request): Promise<Response> {
    const range = new URL(request.url).searchParams.get('range') ?? '15m';
    if (!Object.hasOwn(RANGES, range)) return json(400, { error: `range must be one of ${Object.keys(RANGES).join(', ')}.` });
    try {
      return json(200, await analytics.read(range as Range));
    } catch (error) {
      logFailure('dashboard-read-failed', error);
      return json(503, { error: 'The analytics could not be read; the page tries again.' });
    }
  }

  return {
    signedIn,
    async serve(request, path) {
      if (!token) return json(404, { error: 'The dashboard is off: set the DASHBOARD_TOKEN secret.' });
      if (path === `${DASHBOARD_PATH}/login`) return login(request);
      if (request.method !== 'GET') return json(405, { error: 'Use GET.' }, { allow: 'GET' });
      const file = /^\/admin\/dashboard\/static\/([\w-]+(?:\.[\w-]+)*\.(?:js|css))$/.exec(path)?.[1];
      if (file) return asset(request, file);
      if (path === DASHBOARD_PATH) return page(request, (await signedIn(request)) ? 'index.html' : 'login.html');
      if (path === `${DASHBOARD_PATH}/data`) return (await signedIn(request)) ? data(request) : json(401, { error: 'Sign in at /admin/dashboard first.' });
      return json(404, { error: `No dashboard route ${path}.` });
    },
  };
}
