/** FNV-1a, 32 bits: fast and the same in every isolate; for spreading keys, not for secrets. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Which of `shards` shards holds `key`. */
export function shardOf(key: string, shards: number): number {
  return fnv1a(key) % shards;
}
