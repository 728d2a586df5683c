import { fnv1a } from '../shared/hash.ts';

/**
 * Per client: the bearer token when there is one, else the address
 * (`CF-Connecting-IP`). Uses the Workers rate-limit binding, which counts
 * within the colo without a storage call, so the hit path stays lean.
 */
export async function isRateLimited(limiter: RateLimit, request: Request): Promise<boolean> {
  const authorization = request.headers.get('authorization');
  const key = authorization ? `token:${fnv1a(authorization).toString(36)}` : `ip:${request.headers.get('cf-connecting-ip') ?? 'unknown'}`;
  try {
    const { success } = await limiter.limit({ key });
    return !success;
  } catch {
    // A limiter that cannot answer must not take the gateway down with it.
    return false;
  }
}
