/**
 * The dashboard's session cookie. Its value is an HMAC-SHA-256, under
 * DASHBOARD_TOKEN, of a fixed label: proof that its holder once gave the
 * token, without the token itself in every request. Changing the token ends
 * every session. The cookie is the dashboard's alone: a GraphQL request that
 * carries it has it taken out before the cache keys on, or a connector
 * forwards, the client's cookies.
 */
export const DASHBOARD_COOKIE = 'gateway_dashboard';

const LABEL = 'gateway-dashboard-session';
const MAX_AGE_S = 7 * 24 * 60 * 60;

/** The value a signed-in browser holds for `token`, base64url. */
export async function sessionValue(token: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(LABEL)));
  return btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `Set-Cookie` for a session: sent back to /admin only, never readable by a page's script, never on a cross-site request. */
export function sessionCookie(value: string, secure: boolean): string {
  return `${DASHBOARD_COOKIE}=${value}; Path=/admin; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The dashboard cookie's value in a `Cookie` header, or '' when it has none. */
export function presentedSession(cookieHeader: string | null): string {
  const pair = (cookieHeader ?? '').split(';').find((each) => nameOf(each) === DASHBOARD_COOKIE);
  return pair === undefined ? '' : pair.slice(pair.indexOf('=') + 1).trim();
}

/** `headers` without the dashboard cookie: the same object when it has none (the usual case costs one lookup). */
export function withoutDashboardCookie(headers: Headers): Headers {
  const cookies = headers.get('cookie');
  if (cookies === null || !cookies.includes(DASHBOARD_COOKIE)) return headers;
  const pairs = cookies.split(';');
  const kept = pairs.filter((pair) => nameOf(pair) !== DASHBOARD_COOKIE);
  if (kept.length === pairs.length) return headers;
  const copy = new Headers(headers);
  const rest = kept.map((pair) => pair.trim()).filter(Boolean);
  if (rest.length) copy.set('cookie', rest.join('; '));
  else copy.delete('cookie');
  return copy;
}

const nameOf = (pair: string) => pair.slice(0, pair.includes('=') ? pair.indexOf('=') : 0).trim();
