// Schema changes, in order, run at every start (Kysely's Migrator records what ran in
// kysely_migration). A migration is never edited once shipped: add the next one.
import { sql, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const core: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('county_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('county_admin', 'county_viewer')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('county_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('county_users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('halls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seq', 'bigint')
      .addColumn('last_heard_at', 'timestamptz')
      .addColumn('hall_now', 'text')
      .addColumn('skew_ms', 'integer')
      .addColumn('empty_window_min', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('mirror', 'jsonb')
      .addColumn('mirror_seq', 'bigint')
      .execute();
    await db.schema
      .createTable('hall_lines')
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('facts', 'jsonb', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('hall_lines_pk', ['hall_id', 'seq'])
      .execute();
    await db.schema
      .createTable('county_audit')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('warning_id', 'text')
      .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_by', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'timestamptz')
      .addColumn('answered_by', 'text')
      .execute();
    await db.schema.createIndex('notices_open').on('notices').columns(['hall_id', 'sent_at']).where(sql.ref('answer'), 'is', null).execute();
  },
};

/**
 * 电子监察: every warning the county raised, open or closed (so a warning's "since"
 * and a 督办's reference outlive a restart), and when each empty window was left.
 */
const warnings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('county_warnings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('yellow', 'red')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('since', 'timestamptz', (c) => c.notNull())
      .addColumn('link', 'jsonb', (c) => c.notNull())
      .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
      .addColumn('closed_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('county_warnings_open').on('county_warnings').column('hall_id').where(sql.ref('closed_at'), 'is', null).execute();
    await db.schema
      .createTable('window_vacancy')
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('left_at', 'timestamptz')
      .addPrimaryKeyConstraint('window_vacancy_pk', ['hall_id', 'counter_id'])
      .execute();
  },
};

/**
 * Cross-hall reports: one row per hall, closed day and business, written when the day
 * closes (center/reportProjector.ts). `waits` holds each called ticket's wait in ms as
 * little-endian int32, so any period's exact average and nearest-rank p90 can be had
 * from the rows alone.
 */
const reports: Migration = {
  async up(db: Kysely<unknown>) {
    let t: CreateTableBuilder<'day_figures', string> = db.schema
      .createTable('day_figures')
      .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
      .addColumn('day', 'text', (c) => c.notNull().check(sql`day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('service_name', 'text', (c) => c.notNull());
    for (const c of ['taken', 'served', 'no_shows', 'r1', 'r2', 'r3', 'r4', 'r5', 'v1', 'v2', 'v3', 'v4', 'v5', 'follow_ups', 'follow_ups_closed', 'follow_ups_on_time', 'committed', 'committed_delivered', 'committed_on_time']) {
      t = t.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
    }
    await t
      .addColumn('waits', 'bytea', (c) => c.notNull())
      .addPrimaryKeyConstraint('day_figures_pk', ['hall_id', 'day', 'service_id'])
      .execute();
    // Reports ask for a period across every hall.
    await db.schema.createIndex('day_figures_day').on('day_figures').columns(['day', 'hall_id']).execute();
  },
};

/** Every migration by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_reports': reports,
  '0003_warnings': warnings,
};

export const provider: MigrationProvider = { getMigrations: async () => migrations };
