// The county center's composition root: reads the environment, opens the database
// (DATABASE_URL, or an embedded PostgreSQL under DATA_DIR), listens.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCenter } from './app.ts';
import { openDb } from './db/connect.ts';
import { startEmbedded, type Embedded } from './db/embedded.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function fail(message: string): never {
  console.error(`县中心启动失败 / cannot start the county center: ${message}`);
  process.exit(1);
}

const port = env.PORT === undefined ? 3100 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got "${env.PORT}"`);
const dataDir = path.resolve(env.DATA_DIR || './county-data');
const databaseUrl = env.DATABASE_URL?.trim() || undefined;
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('DATABASE_URL must look like postgres://user:password@host:5432/county');
const adminPassword = env.COUNTY_ADMIN_PASSWORD || undefined;

let embedded: Embedded | null = null;
if (!databaseUrl) embedded = await startEmbedded(dataDir, (m) => console.error(m)).catch((e: Error) => fail(`embedded PostgreSQL under ${dataDir}: ${e.message}`));
const db = await openDb(databaseUrl ?? embedded!.url).catch(async (e: Error) => {
  await embedded?.stop();
  return fail(`database: ${e.message}`);
});
const center = await createCenter({ db, distDir: path.resolve(env.DIST_DIR || path.join(root, 'dist-county')), ...(adminPassword && { adminPassword }) }).catch((e: Error) => fail(e.message));

if (center.initialPassword && !adminPassword) {
  const file = path.join(dataDir, 'initial-passwords.txt');
  await writeFile(file, `# initial password (change it after first sign-in)\ncounty-admin\tcounty_admin\t${center.initialPassword}\n`, { mode: 0o600 });
  console.log(`\n首次启动。初始密码 / initial password (also in ${file}):\n  county-admin\t${center.initialPassword}`);
}

center.server.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT)` : e.message));
center.server.listen(port, () => {
  const addr = center.server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  console.log(`\n县政务服务中心 已启动 / county center listening on port ${p}`);
  console.log(`  监察看板 board   http://localhost:${p}/county/`);
  console.log(`  database        ${databaseUrl ? databaseUrl.replace(/:[^:@/]*@/, ':***@') : `embedded PostgreSQL in ${path.join(dataDir, 'pg')}`}`);
});

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // Ctrl-C under npm reaches us twice (npm forwards it, the terminal sends it too):
    // the second must not cut short the stop of the embedded PostgreSQL.
    if (stopping) return;
    stopping = true;
    setTimeout(() => fail('stopping took longer than 20 s'), 20_000).unref();
    console.log('\n正在退出 / stopping…');
    center
      .close()
      .then(() => embedded?.stop())
      .then(
        () => process.exit(0),
        (e: Error) => fail(e.message),
      );
  });
}
