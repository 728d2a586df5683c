/**
 * Compares SHA-256 digests byte by byte without stopping early, so that
 * neither the secret's content nor its length shows in the timing. An empty
 * presented value never matches.
 */
export async function secretMatches(presented: string, secret: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  const [a, b] = await Promise.all([digest(presented), digest(secret)]);
  let difference = presented === '' ? 1 : 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
