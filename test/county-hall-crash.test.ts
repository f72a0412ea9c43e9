// kill -9 a hall while it ships to the county, three times. Afterwards the county holds
// every line of the hall's journal once, with no gap, and counts the hall's day as the
// hall does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from './pgCluster.ts';
import { startCenter, type CenterHarness } from './center.ts';
import { tempDir } from './harness.ts';

const PASSWORD = 'crash-pass';
let county: CenterHarness | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await county?.close();
});

async function boot(dir: string, port: number, link: { url: string; id: string; key: string }): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, DEMO_PASSWORD: PASSWORD, DIST_DIR: path.join(dir, 'none'), COUNTY_URL: link.url, COUNTY_HALL_ID: link.id, COUNTY_KEY: link.key },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  c.stderr!.on('data', (chunk) => (stderr += chunk));
  for (;;) {
    if (c.exitCode !== null) throw new Error(`hall exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return c;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const take = (port: number, serviceId: string) =>
  fetch(`http://127.0.0.1:${port}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId }) }).then(
    (r) => r.status,
    () => 0,
  );

it('three kill -9s of a shipping hall: every line reaches the county once', async () => {
  county = await startCenter();
  const reg = await county.addHall('青山镇');
  const link = { url: county.url, id: reg.id, key: reg.key };
  const dir = tempDir('hall-crash');
  const port = await freePort();
  let taken = 0;
  for (let round = 0; round < 3; round++) {
    child = await boot(dir, port, link);
    // Takes in flight while the hall ships; the kill lands mid-stream.
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => take(port, i % 2 ? 'social' : 'household')));
    taken += statuses.filter((s) => s === 201).length;
    const stray = Promise.all(Array.from({ length: 10 }, () => take(port, 'civil')));
    await new Promise((r) => setTimeout(r, 30 + round * 40));
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    taken += (await stray).filter((s) => s === 201).length;
  }
  child = await boot(dir, port, link);
  const token = ((await (await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) })).json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const hallStats = (await (await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: auth })).json()) as { tickets: number };
  // Acknowledged takes are all there; a take cut off by the kill may have landed too.
  expect(hallStats.tickets).toBeGreaterThanOrEqual(taken);
  for (;;) {
    const l = (await (await fetch(`http://127.0.0.1:${port}/api/county-link`, { headers: auth })).json()) as { state: string; pending: number };
    const h = (await county.request('GET', '/api/county/halls', undefined, await county.admin())).body[0];
    if (l.state === 'ok' && l.pending === 0 && h.today?.taken === hallStats.tickets) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = await county.center.db.selectFrom('hall_lines').select(['seq']).where('hall_id', '=', reg.id).orderBy('seq').execute();
  const seqs = rows.map((r) => Number(r.seq));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);
});
