// Opens the county database: a pg pool under Kysely, migrated to the latest schema
// before anything else runs. Every query is built by Kysely with bound parameters.
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { provider } from './migrations.ts';
import type { DB } from './schema.ts';

// bigint columns come back as strings unless told: sequences stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDb(url: string, opts: { max?: number } = {}): Promise<Kysely<DB>> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 16 });
  // A dropped connection (server restarted) must not crash the county: the pool
  // reports it here and the next query opens a new one.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}

export async function migrate(db: Kysely<DB>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
}
