// A fresh, empty database per caller in the test cluster (test/pgSetup.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function freshDatabaseUrl(): Promise<string> {
  const base = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`); // name is ours: hex only
  } finally {
    await c.end();
  }
  return base.replace(/\/[^/]*$/, `/${name}`);
}
