import { bearerToken } from '../../../simulator/auth.ts';
import { OriginError } from '../../../simulator/errors.ts';

/** The one token that may write. Reads need none. */
export const WRITE_TOKEN = 'blog-token';

export function requireWriter(authorization: string | undefined): void {
  if (bearerToken(authorization) !== WRITE_TOKEN) throw new OriginError('UNAUTHORIZED', `writes need authorization: Bearer ${WRITE_TOKEN}`);
}
