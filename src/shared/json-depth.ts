/**
 * Whether a parsed JSON value nests arrays and objects more than `limit`
 * levels deep (`{}` is one level). JSON.parse takes any depth, but what walks
 * a value afterwards (the cache key's stable stringify, the connectors'
 * mapping) recurses and would overflow the stack on it; this walk keeps its
 * own stack, so a value of any depth costs it one pass over its containers.
 * For a client's variables and for an origin's answer alike.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const containers: object[] = [];
  const depths: number[] = [];
  const visit = (node: unknown, depth: number) => {
    if (typeof node !== 'object' || node === null) return;
    containers.push(node);
    depths.push(depth);
  };
  visit(value, 1);
  while (containers.length) {
    const node = containers.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child, depth + 1);
  }
  return false;
}
