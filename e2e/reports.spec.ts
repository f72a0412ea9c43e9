// 报表 and 测评 against a closed day with known figures (written into the server's
// archive as the rollover would have), the CSV export as Excel gets it, the printed
// monthly report, and committed cases (承诺件) delivered from both the supervisor page
// and the clerk console.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { AppraisalRow } from '../shared/core/appraisal.ts';
import type { Report } from '../shared/core/reports.ts';
import type { DayArchive, StaffTicket, Ticket } from '../shared/types.ts';
import type { CommitmentRow } from '../web/commitments.ts';
import { apiSignIn, clearCounter, shot, signInAtConsole, signInAtSupervisor, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const DAY = '2026-03-02';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000+08:00`;
const ticket = (n: number, over: Partial<Ticket>): Ticket => ({
  id: `k${n}`, number: `A${String(n).padStart(3, '0')}`, serviceId: 'social', priority: false, day: DAY, seq: n, takenAt: at('09:00'), status: 'done', callCount: 1, ...over,
});

/**
 * The day test/reports.test.ts knows: waits 6, 12 and 30 minutes (average 16, median 12,
 * 90th percentile 30), services of 6 and 10 minutes, one 即办 and one 不予受理, one
 * 非常满意 and one 非常不满意, a no-show and a ticket left over at closing.
 */
const knownDay: DayArchive = {
  day: DAY,
  tickets: [
    ticket(1, { calledAt: at('09:06'), startedAt: at('09:06'), finishedAt: at('09:12'), counterId: '1', clerkId: 'u-clerk1', outcome: 'immediate', rating: { level: 5, reasons: [], channel: 'pad', at: at('09:13') } }),
    ticket(2, { takenAt: at('09:10'), calledAt: at('09:22'), startedAt: at('09:23'), finishedAt: at('09:33'), counterId: '4', clerkId: 'u-clerk4', outcome: 'refused', note: '材料不齐', rating: { level: 1, reasons: ['态度不好'], channel: 'phone', at: at('09:40') } }),
    ticket(3, { takenAt: at('10:00'), calledAt: at('10:30'), counterId: '1', clerkId: 'u-clerk1', status: 'no_show', noShowAt: at('10:35') }),
    ticket(4, { takenAt: at('16:50'), status: 'cancelled', cancelReason: 'day_end', callCount: 0 }),
  ],
  signIns: [{ userId: 'u-clerk1', counterId: '1', at: at('08:20') }],
  names: { services: { social: '社保劳保' }, counters: { '1': '1号窗口', '4': '4号窗口' }, clerks: { 'u-clerk1': '王芳', 'u-clerk4': '刘洋' } },
};

// Closed days live in the archive/ of this file's hall's DATA_DIR (e2e/helpers.ts).
test.beforeEach(({ hall }) => {
  const archive = path.join(hall.dataDir, 'archive');
  mkdirSync(archive, { recursive: true });
  writeFileSync(path.join(archive, `${DAY}.json`), JSON.stringify(knownDay));
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function getJson<T>(request: APIRequestContext, url: string, token: string): Promise<T> {
  const res = await request.get(url, { headers: bearer(token) });
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function supervisorSignIn(page: Page): Promise<void> {
  await signInAtSupervisor(page);
  await expect(page.getByText('实时连接')).toBeVisible();
}

test('a seeded day’s report shows its known figures, exports CSV and prints as the monthly report', async ({ page, request }) => {
  // window.print() opens a dialog headless Chromium cannot show: count the calls instead.
  await page.addInitScript(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed++;
    };
  });
  await supervisorSignIn(page);
  await page.getByRole('tab', { name: '报表' }).click();
  // This month by default, counted from the hall's day.
  await expect(page.getByRole('radio', { name: '月', exact: true })).toBeChecked();

  await page.getByRole('radio', { name: '自定义' }).check();
  await page.getByLabel('开始日期').fill(DAY);
  await page.getByLabel('结束日期').fill(DAY);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: '2026-03-02（星期一）' })).toBeVisible();

  const figures: [string, string][] = [
    ['rp-taken', '4'], ['rp-served', '2'], ['rp-noshows', '1'], ['rp-transferred', '0'], ['rp-cancelled', '1'],
    ['rp-wait-avg', '16.0'], ['rp-wait-p50', '12.0'], ['rp-wait-p90', '30.0'], ['rp-wait-max', '30.0'],
    ['rp-service-avg', '8.0'], ['rp-service-p50', '6.0'], ['rp-service-p90', '10.0'], ['rp-service-max', '10.0'],
    ['rp-immediate', '1'], ['rp-committed', '0'], ['rp-forwarded', '0'], ['rp-refused', '1'],
    ['rp-sat-rate', '50.0%'], ['rp-sat-count', '2'], ['rp-sat-bad', '1'],
  ];
  for (const [id, value] of figures) await expect(page.getByTestId(id), id).toHaveText(value);
  // The page and the API agree.
  const token = await apiSignIn(request, 'supervisor');
  const report = await getJson<Report>(request, `/api/reports?from=${DAY}&to=${DAY}`, token);
  expect(report.wait).toEqual({ count: 3, avgMin: 16, p50Min: 12, p90Min: 30, maxMin: 30 });

  // Charts: arrivals from 9 to 16 o'clock, and each rated window's satisfaction.
  await expect(page.getByRole('img', { name: /^各时段取号/ })).toHaveAttribute('aria-label', /9时 2张，10时 1张，11时 0张.*16时 1张$/);
  await expect(page.getByRole('img', { name: /^各窗口满意率/ })).toHaveAttribute('aria-label', '各窗口满意率：1号窗口 100%，4号窗口 0%');
  await expect(page.getByRole('img', { name: /^等候时间分布/ }).locator('.ct-bar')).toHaveCount(6);
  await expect(page.locator('.rp-bar-value', { hasText: '100%' })).toBeVisible();

  // Per window: waits 6 and 30 at window 1 (median by nearest rank: 6), 12 at window 4.
  await page.getByRole('radio', { name: '按窗口' }).check();
  const windows = page.getByRole('region', { name: '各窗口' });
  const windowRow = (name: string) => windows.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
  await expect(windowRow('1号窗口')).toHaveText(['2', '1', '1', '0', '18.0', '6.0', '30.0', '30.0', '6.0', '6.0', '6.0', '6.0', '1', '100.0%']);
  await expect(windowRow('4号窗口')).toHaveText(['1', '1', '0', '0', '12.0', '12.0', '12.0', '12.0', '10.0', '10.0', '10.0', '10.0', '1', '0.0%']);
  await page.getByRole('radio', { name: '按工作人员' }).check();
  await expect(page.getByRole('region', { name: '各工作人员' }).getByRole('rowheader')).toHaveText(['王芳', '刘洋']);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'supervisor-reports');
  await page.screenshot({ path: 'test-results/screenshots/supervisor-reports-full.png', fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'supervisor-reports-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // ---------------------------------------------------------------- CSV for Excel
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出取号明细' }).click()]);
  expect(download.suggestedFilename()).toBe(`取号明细_${DAY}_${DAY}.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^日期,号码,业务,优先,取号时间/);
  expect(lines.filter((l) => l.startsWith(DAY))).toHaveLength(4);

  // ---------------------------------------------------------------- 打印月报
  await page.getByRole('button', { name: '打印月报（2026年3月）' }).click();
  await expect(page.getByRole('heading', { name: '2026年3月', exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByTestId('rp-wait-avg')).toHaveText('16.0'); // the only day of March with tickets

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.getByRole('button', { name: '导出统计报表' })).toBeHidden();
  await expect(page.getByRole('heading', { name: '青山镇为民服务中心 2026年3月月度报表' })).toBeVisible();
  // On paper every breakdown is there, not only the one picked on screen.
  for (const name of ['各业务', '各窗口', '各工作人员', '各时段']) await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  // Charts go two across the page and are redrawn for it: the grid reaches the box's right edge.
  const chart = page.getByRole('img', { name: /^各时段取号/ });
  const gridReach = () =>
    chart.evaluate((el) => {
      const svg = el.querySelector('svg')!;
      const line = svg.querySelector('.ct-grid.ct-vertical')!;
      return svg.getBoundingClientRect().width - Number(line.getAttribute('x2'));
    });
  await expect.poll(gridReach).toBeLessThan(20);
  expect((await chart.boundingBox())!.height).toBe(160);

  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await expect.poll(gridReach).toBeLessThan(20);
  await shot(page, 'supervisor-reports-print');
  await page.screenshot({ path: 'test-results/screenshots/supervisor-reports-print-full.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('the quarterly appraisal ranks the clerks, rule explained, and exports', async ({ page, request }) => {
  const token = await apiSignIn(request, 'supervisor');
  const api = await getJson<{ label: string; rows: AppraisalRow[] }>(request, '/api/reports/appraisal?quarter=2026Q1', token);
  const wang = api.rows.find((r) => r.name === '王芳')!;
  expect(wang).toMatchObject({ rank: 1, served: 1, rated: 1, satisfiedRate: 1, halfDays: 1 });

  await supervisorSignIn(page);
  await page.getByRole('tab', { name: '测评' }).click();
  await expect(page.getByRole('heading', { name: /2026年第四季度综合测评/ })).toBeVisible(); // the hall's current quarter
  await page.getByLabel('年份', { exact: true }).selectOption('2026');
  await page.getByLabel('季度', { exact: true }).selectOption('1');
  await expect(page.getByRole('heading', { name: /2026年第一季度综合测评/ })).toBeVisible();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(1 + api.rows.length);
  const first = rows.nth(1);
  await expect(first.getByRole('rowheader')).toHaveText('王芳');
  await expect(first.getByRole('cell')).toHaveText([
    '1', 'QS003', '1', '6.0 分钟', /^1\s*评价不足$/, '100.0%', '0', '—', `1 / ${wang.expectedHalfDays}`, `${(wang.attendanceRate * 100).toFixed(1)}%`,
  ]);
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(api.rows.map((r) => r.name));
  await expect(page.getByText(/排名规则：先比满意率/)).toBeVisible();
  await shot(page, 'supervisor-appraisal');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出测评表' }).click()]);
  expect(download.suggestedFilename()).toBe('综合测评_2026-01-01_2026-03-31.csv');
  const text = readFileSync((await download.path())!).toString('utf8');
  expect(text.split('\r\n')[1]).toMatch(/^名次,姓名,工号,办结件数/);
});

/** Window 5 (林业, 财政惠农; clerk5) finishes one forestry visit as 承诺件. */
async function commit(request: APIRequestContext, clerk: string): Promise<{ number: string; ticketId: string; dueDate: string }> {
  const t = await takeTicket(request, 'forestry');
  const called = (await (await request.post('/api/counters/5/next', { headers: bearer(clerk), data: {} })).json()) as { ticket: StaffTicket };
  expect(called.ticket.number).toBe(t.number);
  const done = await request.post('/api/counters/5/complete', { headers: bearer(clerk), data: { outcome: 'committed' } });
  expect(done.status()).toBe(200);
  const { ticket } = (await done.json()) as { ticket: StaffTicket };
  return { number: t.number, ticketId: t.id, dueDate: ticket.dueDate! };
}

test('committed cases are listed until delivered, from the reports tab and from the clerk console', async ({ page, request }) => {
  const clerk = await apiSignIn(request, 'clerk5', '5');
  // Others may have left tickets for window 5: serve them first so "next" calls ours.
  await clearCounter(request, clerk, '5');
  for (;;) {
    const res = await request.post('/api/counters/5/next', { headers: bearer(clerk), data: {} });
    if (!((await res.json()) as { ticket: StaffTicket | null }).ticket) break;
    await request.post('/api/counters/5/complete', { headers: bearer(clerk), data: {} });
  }
  const first = await commit(request, clerk);
  const second = await commit(request, clerk);

  // ---------------------------------------------------------------- supervisor
  await supervisorSignIn(page);
  await page.getByRole('tab', { name: '报表' }).click();
  const line = page.getByTestId(`cm-${first.number}`);
  await expect(line).toContainText('林业');
  await expect(line).toContainText('5号窗口');
  await expect(line).toContainText(first.dueDate);
  await expect(line).toContainText(/还剩 \d+ 个工作日|今天到期/);
  await expect(page.getByTestId(`cm-${second.number}`)).toBeVisible();
  await page.getByRole('heading', { name: '未办结的承诺件' }).scrollIntoViewIfNeeded();
  await shot(page, 'supervisor-commitments');

  await line.getByRole('button', { name: '已办结送达' }).click();
  const form = page.getByRole('form', { name: `${first.number} 办结送达` });
  await form.getByLabel('送达说明（可不填）').fill('已电话通知群众到窗口领取');
  await form.getByRole('button', { name: '确认送达' }).click();
  await expect(line).toHaveCount(0);
  const supervisor = await apiSignIn(request, 'supervisor');
  const all = await getJson<CommitmentRow[]>(request, '/api/commitments?status=all', supervisor);
  expect(all.find((c) => c.ticketId === first.ticketId)).toMatchObject({ deliveredAt: expect.any(String), note: '已电话通知群众到窗口领取' });

  // ---------------------------------------------------------------- clerk console
  await page.getByRole('button', { name: '退出登录' }).click();
  await signInAtConsole(page, 'clerk5', '5');
  await expect(page.locator('header')).toContainText('5号窗口');

  const open = (await getJson<CommitmentRow[]>(request, '/api/commitments?status=open', supervisor)).filter((c) => c.counterId === '5' || ['forestry', 'finance'].includes(c.serviceId));
  await page.getByRole('button', { name: /^承诺件…/ }).click();
  const dialog = page.getByRole('dialog', { name: '承诺件' });
  await expect(dialog.getByRole('row')).toHaveCount(1 + open.length);
  const mine = dialog.getByTestId(`cm-${second.number}`);
  await expect(mine).toContainText('林业');
  await expect(mine).toContainText(/还剩 \d+ 个工作日|今天到期/);
  await expect(dialog.getByTestId(`cm-${first.number}`)).toHaveCount(0); // delivered already
  await shot(page, 'clerk-commitments');

  await mine.getByRole('button', { name: '已办结送达' }).click();
  await dialog.getByRole('button', { name: '确认送达' }).click();
  await expect(mine).toHaveCount(0);
  await dialog.getByRole('button', { name: /关闭/ }).click();
  await expect(page.getByTestId('notice')).toContainText(`${second.number} 号承诺件（林业）已登记办结送达`);
  const after = await getJson<CommitmentRow[]>(request, '/api/commitments?status=open', supervisor);
  expect(after.some((c) => c.ticketId === second.ticketId)).toBe(false);
});
