/**
 * Whether a parsed JSON value nests arrays and objects more than `limit`
 * levels deep. JSON.parse takes any depth, but the gateway's mapping of a
 * value recurses and would overflow the stack on it; this walk keeps its own
 * stack, so a value of any depth costs it one pass over its containers.
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
