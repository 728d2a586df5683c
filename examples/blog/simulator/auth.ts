import { BlogError } from './http.ts';

/** The one token that may write. Reads need none. */
export const WRITE_TOKEN = 'blog-token';

export function requireWriter(authorization: string | undefined): void {
  const token = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  if (token !== WRITE_TOKEN) throw new BlogError(401, `writes need authorization: Bearer ${WRITE_TOKEN}`);
}
