import { DurableObject } from 'cloudflare:workers';

export interface IndexQuery {
  /** `Type:id` records, e.g. `Inventory:SKU-00007`. */
  entities?: string[];
  /** Type names: every key that contains one of these types. */
  types?: string[];
  all?: boolean;
}

const PRUNE_EVERY_MS = 60_000;
/** How long a purge is remembered, here and in the field cache: longer than any fill may run (its lease). */
export const PURGES_KEPT_MS = 5 * 60_000;
/** The name a purge of every key is remembered under. */
const EVERYTHING = '*';

/**
 * Which cached responses contain which entities, so that a write or a purge
 * finds every response it affects, lists included. One object per shard of
 * the index (src/invalidation/cache-index.ts): written once per stored response of
 * its shard, read once per purge.
 */
export class CacheIndexObject extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS refs (
        entity TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (entity, key)
      );
      CREATE INDEX IF NOT EXISTS refs_type ON refs (type);
      CREATE INDEX IF NOT EXISTS refs_key ON refs (key);
      CREATE TABLE IF NOT EXISTS purges (
        name TEXT PRIMARY KEY,
        purged_at INTEGER NOT NULL
      );
    `);
  }

  async add(key: string, entities: string[], expiresAt: number, readSince: number): Promise<boolean> {
    // Records that `key` contains `entities` until `expiresAt`, replacing what
    // it contained before; unless one of them (or its type, or everything) was
    // purged at or after `readSince`, when the response began to read the
    // origin. Then it answers false: the response may hold what the purge
    // replaced, and a purge that came before this record could not find it.
    const sql = this.ctx.storage.sql;
    const names = [...new Set([...entities, ...entities.map(typeOf)]), EVERYTHING];
    const purged = sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM purges WHERE purged_at >= ? AND name IN (SELECT value FROM json_each(?))', readSince, JSON.stringify(names))
      .one().n;
    if (purged > 0) return false;
    this.ctx.storage.transactionSync(() => {
      sql.exec('DELETE FROM refs WHERE key = ?', key);
      for (const entity of new Set(entities)) {
        sql.exec('INSERT INTO refs (entity, type, key, expires_at) VALUES (?, ?, ?, ?)', entity, typeOf(entity), key, expiresAt);
      }
    });
    await this.#pruneLater();
    return true;
  }

  async match(query: IndexQuery): Promise<string[]> {
    // The keys that contain any of the entities or types, and the purge
    // remembered for `add`. Records stay after a purge, hard or soft, until
    // their entries would have died: other isolates may still hold those
    // entries in memory, and only a purge that finds the key drops them from
    // the memory of the isolate that runs it.
    const sql = this.ctx.storage.sql;
    const now = Date.now();
    for (const name of query.all ? [EVERYTHING] : [...(query.entities ?? []), ...(query.types ?? [])]) {
      sql.exec('INSERT INTO purges (name, purged_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET purged_at = excluded.purged_at', name, now);
    }
    await this.#pruneLater();
    const keys = query.all
      ? sql.exec<{ key: string }>('SELECT DISTINCT key FROM refs')
      : sql.exec<{ key: string }>(
          `SELECT DISTINCT key FROM refs
           WHERE entity IN (SELECT value FROM json_each(?)) OR type IN (SELECT value FROM json_each(?))`,
          JSON.stringify(query.entities ?? []),
          JSON.stringify(query.types ?? []),
        );
    return keys.toArray().map((row) => row.key);
  }

  override async alarm(): Promise<void> {
    const sql = this.ctx.storage.sql;
    sql.exec('DELETE FROM refs WHERE expires_at < ?', Date.now());
    sql.exec('DELETE FROM purges WHERE purged_at < ?', Date.now() - PURGES_KEPT_MS);
    const left = sql.exec<{ n: number }>('SELECT (SELECT COUNT(*) FROM refs) + (SELECT COUNT(*) FROM purges) AS n').one().n;
    if (left > 0) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }

  async #pruneLater(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }
}

/** `Inventory:SKU-1` → `Inventory`; a bare type name is its own type. */
export function typeOf(entity: string): string {
  const colon = entity.indexOf(':');
  return colon === -1 ? entity : entity.slice(0, colon);
}
