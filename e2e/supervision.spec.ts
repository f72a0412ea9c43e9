// 电子监察 and 督办 on the county page, as a county admin uses them: an overdue committed
// case at a real hall shows as a red warning; 督办 from it; the hall's answer (shipped
// as its NoticeAnswered fact) comes back; the case delivered, the warning closes.
// The county runs in the worker over its own PostgreSQL (Debian's server in a temp dir,
// test/pgCluster.ts); its clock runs days ahead of the hall's so the case is overdue.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import pg from 'pg';
import { createCenter, type Center } from '../center/app.ts';
import { openDb } from '../center/db/connect.ts';
import { startCluster, type Cluster } from '../test/pgCluster.ts';
import { journalLines } from '../test/center.ts';
import { startHall, type Harness } from '../test/harness.ts';
import type { HallData } from '../shared/types.ts';

const PASSWORD = 'county-e2e';
const DAY = 86_400_000;

interface County {
  center: Center;
  url: string;
  hall: Harness;
  hallId: string;
  /** Ships the hall's lines after the last shipped, and any extra line given. */
  ship(extra?: unknown[]): Promise<void>;
  /** Days the county's clock runs ahead of the hall's. */
  ahead(days: number): void;
}

const test = base.extend<{ county: County }, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const c = await startCluster();
      await use(c);
      c.stop();
    },
    { scope: 'worker' },
  ],
  county: async ({ cluster }, use, info) => {
    const name = `e2e_${info.parallelIndex}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`); // ours: letters, digits, underscores
    await admin.end();
    let offset = 0;
    const clock = () => Date.now() + offset;
    const center = await createCenter({ db: await openDb(cluster.urlFor(name)), adminPassword: PASSWORD, distDir: path.resolve('dist'), log: () => {}, clock });
    await new Promise<void>((r) => center.server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(center.server.address() as AddressInfo).port}`;
    const hall = await startHall();
    const baseline: HallData = hall.app.hall.view((d) => structuredClone(d));
    const { id: hallId, key } = await center.halls.add('青山镇为民服务中心');
    // A committed case at window 3.
    await hall.request('POST', '/api/tickets', { serviceId: 'household' });
    const clerk = await hall.signIn('clerk3', '3');
    await hall.request('POST', '/api/counters/3/next', {}, clerk);
    expect((await hall.request('POST', '/api/counters/3/complete', { outcome: 'committed' }, clerk)).status).toBe(200);
    let shipped: number | null = null;
    const ship = async (extra: unknown[] = []) => {
      const lines: { s: number; f: unknown[] }[] = await journalLines(hall.dir, shipped ?? 0);
      if (extra.length) lines.push({ s: (lines.at(-1)?.s ?? shipped ?? 0) + 1, f: extra });
      const body = { hallId, hallNow: new Date(clock()).toISOString(), lines, ...(shipped === null && { baseline: { seq: 0, data: baseline } }) };
      const r = await fetch(url + '/api/county/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
      expect(r.status).toBe(200);
      shipped = ((await r.json()) as { lastSeq: number }).lastSeq;
      await center.warnings.recompute(hallId);
    };
    await use({ center, url, hall, hallId, ship, ahead: (d) => (offset = d * DAY) });
    await hall.close();
    await center.close();
  },
});

test('an overdue committed case: red warning, 督办 from it, the hall\'s answer, closed when delivered', async ({ page, county }) => {
  // Ten days on, every working-day deadline of the demo's businesses has passed.
  county.ahead(10);
  await county.ship();
  await page.goto(county.url + '/county/');
  await page.getByLabel('用户名').fill('county-admin');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('tab', { name: '电子监察' }).click();

  const red = page.getByRole('region', { name: '红色预警' });
  const caseRow = red.locator('li').filter({ hasText: '承诺件' });
  await expect(caseRow).toContainText('已超期');
  await expect(caseRow).toContainText('青山镇为民服务中心');
  await caseRow.getByRole('button', { name: '督办' }).click();
  const form = page.getByRole('form', { name: '督办 青山镇为民服务中心' });
  await expect(form.getByRole('textbox')).toHaveValue(/^【红色预警】承诺件/);
  await form.getByRole('textbox').fill('承诺件已超期，请说明原因并尽快办结。');
  await form.getByRole('button', { name: '发送督办' }).click();
  await expect(page.getByRole('status')).toContainText('已向青山镇为民服务中心发出督办');

  await page.getByRole('tab', { name: '督办' }).click();
  const waiting = page.getByRole('region', { name: '待回复' });
  await expect(waiting).toContainText('承诺件已超期，请说明原因并尽快办结。');
  await expect(waiting).toContainText('待回复（已 0 分钟）');

  // The hall's supervisor answers; the answer ships as the hall's facts.
  const [notice] = await county.center.notices.list(county.hallId);
  const at = new Date(Date.now() + 10 * DAY).toISOString();
  const supervisor = county.center.mirrors.get(county.hallId)!.data.users.find((u) => u.username === 'supervisor')!;
  await county.ship([
    { type: 'NoticeReceived', v: 1, notice: { id: notice!.id, text: notice!.text, sentAt: notice!.sentAt, receivedAt: at } },
    { type: 'NoticeAnswered', v: 1, noticeId: notice!.id, answer: '已联系群众，今日办结送达', by: supervisor.id, at },
  ]);
  const answered = page.getByRole('region', { name: '已回复' });
  await expect(answered).toContainText('回复：已联系群众，今日办结送达');
  await expect(answered).toContainText(supervisor.name);
  await expect(page.getByRole('region', { name: '待回复' })).toHaveCount(0);

  // Delivered at the hall: the warning closes by itself.
  const sup = await county.hall.signIn('supervisor');
  const list = await county.hall.request('GET', '/api/commitments', undefined, sup);
  const ticketId = (list.body as { ticketId: string }[])[0]!.ticketId;
  expect((await county.hall.request('POST', `/api/commitments/${ticketId}/deliver`, {}, sup)).status).toBe(200);
  await county.ship();
  await page.getByRole('tab', { name: '电子监察' }).click();
  await expect(page.getByRole('region', { name: '红色预警' }).locator('li').filter({ hasText: '承诺件' })).toHaveCount(0);
});
