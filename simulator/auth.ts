import type { OriginUser } from './types.ts';
import { OriginError } from './errors.ts';
import type { OriginStore } from './store.ts';

const ADMIN_TOKEN = 'token-admin';
/** User uK authenticates with `token-uK`. */
const USER_TOKEN_PREFIX = 'token-';

/** The token of an `Authorization: Bearer <token>` header; any other header is no token. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
}

export function requireUser(store: OriginStore, authorization: string | undefined): OriginUser {
  const token = bearerToken(authorization);
  const user = token?.startsWith(USER_TOKEN_PREFIX) ? store.user(token.slice(USER_TOKEN_PREFIX.length)) : undefined;
  if (user === undefined) throw new OriginError('UNAUTHORIZED', 'a valid user bearer token is required');
  return user;
}

export function requireAdmin(store: OriginStore, authorization: string | undefined): void {
  if (bearerToken(authorization) === ADMIN_TOKEN) return;
  requireUser(store, authorization);
  throw new OriginError('FORBIDDEN', 'this operation needs the admin token');
}
