// The composition root: the only place that reads the environment and picks adapters.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { parsePrinterUri } from './printer/escpos.ts';
import { seedDemoHall } from './seed.ts';
import { fileStore } from './store/index.ts';
import { findEspeak } from './voice.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function fail(message: string): never {
  console.error(`启动失败 / cannot start: ${message}`);
  process.exit(1);
}

const port = env.PORT === undefined ? 3000 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got "${env.PORT}"`);
const dataDir = path.resolve(env.DATA_DIR || './data');
const publicUrl = env.PUBLIC_URL?.trim() || undefined;
if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) fail(`PUBLIC_URL must look like http://192.168.1.10:3000, got "${publicUrl}"`);
const demoPassword = env.DEMO_PASSWORD || undefined;
const printerUri = env.PRINTER?.trim() || undefined;
if (printerUri && !parsePrinterUri(printerUri)) fail(`PRINTER must look like tcp://192.168.1.50:9100, got "${printerUri}"`);
// 县中心: all three or none; they win over the link set in 设置.
const countyEnv = [env.COUNTY_URL?.trim(), env.COUNTY_HALL_ID?.trim(), env.COUNTY_KEY?.trim()] as const;
if (countyEnv.some(Boolean) && !countyEnv.every(Boolean)) fail('COUNTY_URL, COUNTY_HALL_ID and COUNTY_KEY must be set together');
if (countyEnv[0] && !/^https?:\/\/[^\s/]+/.test(countyEnv[0])) fail(`COUNTY_URL must look like http://10.1.2.3:3100, got "${countyEnv[0]}"`);
const countyLink = countyEnv[0] ? { url: countyEnv[0], hallId: countyEnv[1]!, key: countyEnv[2]! } : null;
const distDir = path.resolve(env.DIST_DIR || path.join(root, 'dist'));

const store = await fileStore(dataDir).catch((e: Error) => fail(`data directory ${dataDir}: ${e.message}`));
const passwordFile = path.join(dataDir, 'initial-passwords.txt');

const app = await createApp({
  store,
  distDir,
  ...(publicUrl && { publicUrl }),
  voice: await findEspeak(),
  ...(printerUri && { printerUri }),
  ...(countyLink && { county: { link: countyLink } }),
  log: (m) => console.error(m),
  seed: async () => {
    const { data, passwords } = await seedDemoHall(Date.now(), demoPassword);
    const lines = passwords.map((p) => `${p.username}\t${p.role}\t${p.password}`);
    await writeFile(passwordFile, `# initial passwords (change them after first sign-in)\n${lines.join('\n')}\n`, { mode: 0o600 });
    console.log(`\n首次启动，已创建演示大厅。初始密码 / initial passwords (also in ${passwordFile}):`);
    for (const l of lines) console.log(`  ${l}`);
    return data;
  },
}).catch((e: Error) => fail(e.message));

app.server.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT)` : e.message));
app.server.listen(port, () => {
  const addr = app.server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  const base = publicUrl ?? `http://localhost:${p}`;
  console.log(`\n${app.hall.view((s) => s.settings.hallName)} 已启动 / listening on port ${p}`);
  console.log(`  取号机 kiosk        ${base}/kiosk/`);
  console.log(`  叫号屏 display      ${base}/display/`);
  console.log(`  窗口 clerk console  ${base}/clerk/`);
  console.log(`  管理 supervisor     ${base}/supervisor/`);
  console.log(`  API                 ${base}/api/openapi.json`);
  console.log(`  data                ${dataDir}${app.hall.seeded ? '' : `  (initial passwords: ${passwordFile})`}`);
});

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\n正在保存并退出 / saving and stopping…');
    app.close().then(
      () => process.exit(0),
      (e: Error) => fail(e.message),
    );
  });
}
