import { DurableObject } from 'cloudflare:workers';

export interface IndexQuery {
  /** `Type:id` records, e.g. `Inventory:SKU-00007`. */
  entities?: string[];
  /** Type names: every key that contains one of these types. */
  types?: string[];
  all?: boolean;
}

const PRUNE_EVERY_MS = 60_000;

/**
 * Which cached responses contain which entities, so that a write or a purge
 * finds every response it affects, lists included. One object per shard of
 * the index (src/cache/cache-index.ts): written once per stored response of
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
    `);
  }

  /** Records that `key` contains `entities` until `expiresAt`, replacing what it contained before. */
  async add(key: string, entities: string[], expiresAt: number): Promise<void> {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      sql.exec('DELETE FROM refs WHERE key = ?', key);
      for (const entity of new Set(entities)) {
        sql.exec('INSERT INTO refs (entity, type, key, expires_at) VALUES (?, ?, ?, ?)', entity, typeOf(entity), key, expiresAt);
      }
    });
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }

  /** The keys that contain any of the entities or types; with `forget`, their records go too (a hard purge). */
  match(query: IndexQuery, forget: boolean): string[] {
    const sql = this.ctx.storage.sql;
    const keys = query.all
      ? sql.exec<{ key: string }>('SELECT DISTINCT key FROM refs')
      : sql.exec<{ key: string }>(
          `SELECT DISTINCT key FROM refs
           WHERE entity IN (SELECT value FROM json_each(?)) OR type IN (SELECT value FROM json_each(?))`,
          JSON.stringify(query.entities ?? []),
          JSON.stringify(query.types ?? []),
        );
    const found = keys.toArray().map((row) => row.key);
    if (forget && found.length) sql.exec('DELETE FROM refs WHERE key IN (SELECT value FROM json_each(?))', JSON.stringify(found));
    return found;
  }

  override async alarm(): Promise<void> {
    this.ctx.storage.sql.exec('DELETE FROM refs WHERE expires_at < ?', Date.now());
    const left = this.ctx.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM refs').one().n;
    if (left > 0) await this.ctx.storage.setAlarm(Date.now() + PRUNE_EVERY_MS);
  }
}

/** `Inventory:SKU-1` → `Inventory`; a bare type name is its own type. */
export function typeOf(entity: string): string {
  const colon = entity.indexOf(':');
  return colon === -1 ? entity : entity.slice(0, colon);
}
