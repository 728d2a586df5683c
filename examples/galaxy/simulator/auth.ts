import { OriginError } from '../../../simulator/errors.ts';

/** The key the galaxy takes until a reset names another; the gateway sends it from `$config.apiKey`. */
export const API_KEY = 'galaxy-key';
export const KEY_HEADER = 'x-galaxy-key';

export const NO_KEY = 'Authentication credentials were not provided.';
export const WRONG_KEY = 'Invalid API key.';

/** Every API call needs the key in `x-galaxy-key`: the 401 a call without it gets, whatever it asked; undefined for one with it. */
export function keyRefusal(sent: string | string[] | undefined, expected: string): OriginError | undefined {
  if (sent === undefined) return new OriginError('UNAUTHORIZED', NO_KEY);
  return sent === expected ? undefined : new OriginError('UNAUTHORIZED', WRONG_KEY);
}
