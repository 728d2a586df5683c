/**
 * The gateway's dashboard as the benchmark reads it: started with a token and
 * a short flush, signed in through POST /admin/dashboard/login (the session
 * cookie), and its data for a range summed over the slots a run covers.
 */
import type { Range, WindowRead } from '../src/analytics/analytics.ts';
import { REQUEST_STATES, type RequestState } from '../src/analytics/snapshot.ts';

export const DASHBOARD_TOKEN = 'bench-dashboard-token';
/** Short, so that the last counts are in the windows soon after a load. */
export const DASHBOARD_FLUSH_MS = 1000;
/** `npm run serve` vars that turn the dashboard on with that flush. */
export const DASHBOARD_VARS = { DASHBOARD_TOKEN, ANALYTICS_FLUSH_MS: String(DASHBOARD_FLUSH_MS) };

/** The gateway's base URL from its GraphQL endpoint's. */
export const baseOf = (graphqlUrl: string) => new URL(graphqlUrl).origin;

/** Signs in with the token; answers the `Cookie` header value the dashboard's routes accept. */
export async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/admin/dashboard/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: DASHBOARD_TOKEN }),
    redirect: 'manual',
  });
  await response.body?.cancel();
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`[bench] dashboard sign-in answered ${response.status}`);
  return cookie;
}

export async function readWindow(base: string, cookie: string, range: Range = '15m'): Promise<WindowRead> {
  const response = await fetch(`${base}/admin/dashboard/data?range=${range}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`[bench] dashboard data answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as WindowRead;
}

export interface Counted {
  requests: number;
  byState: Record<RequestState, number>;
  originCalls: number;
  staleOnFailure: number;
}

/** The points of `read` from the slot holding `since` on, added up: what the dashboard counted of a run that began then. */
export function countedSince(read: WindowRead, since: number): Counted {
  const from = since - (since % read.resolutionMs);
  const counted: Counted = { requests: 0, byState: { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, REFUSED: 0 }, originCalls: 0, staleOnFailure: 0 };
  for (const point of read.points) {
    if (point.at < from) continue;
    for (const state of REQUEST_STATES) counted.byState[state] += point.requests[state];
    counted.originCalls += point.originCalls;
    counted.staleOnFailure += point.staleOnFailure;
  }
  counted.requests = REQUEST_STATES.reduce((sum, state) => sum + counted.byState[state], 0);
  return counted;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the dashboard counted since `since`, once the last flush is in: read
 * one flush period after the load, then again each flush period until two
 * reads agree (a flush retried after a failure lands one period later).
 */
export async function settledCounts(graphqlUrl: string, since: number): Promise<Counted> {
  const base = baseOf(graphqlUrl);
  const cookie = await signIn(base);
  let last: Counted | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    await sleep(DASHBOARD_FLUSH_MS + 500);
    const counted = countedSince(await readWindow(base, cookie), since);
    if (last && counted.requests === last.requests && counted.originCalls === last.originCalls) return counted;
    last = counted;
  }
  return last!;
}
