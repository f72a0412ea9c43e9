// Supervisor page (中心管理): sign-in, the live hall monitor following API actions as
// they happen, and today's figures against GET /api/stats.
import type { APIRequestContext, Page } from '@playwright/test';
import type { Stats } from '../shared/core/stats.ts';
import type { ServiceView, StaffTicket } from '../shared/types.ts';
import { apiSignIn, clearCounter, E2E_PASSWORD, shot, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

async function signInWithForm(page: Page, username: string): Promise<void> {
  await page.goto('/supervisor/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

async function service(request: APIRequestContext, serviceId: string): Promise<ServiceView> {
  const services = (await (await request.get('/api/services')).json()) as ServiceView[];
  return services.find((s) => s.id === serviceId)!;
}

async function statsNow(request: APIRequestContext, token: string, query = ''): Promise<Stats> {
  const res = await request.get(`/api/stats${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return (await res.json()) as Stats;
}

test('a clerk account is refused at sign-in', async ({ page }) => {
  await signInWithForm(page, 'clerk1');
  await expect(page.getByRole('alert')).toHaveText('窗口人员账号不能进入管理页面');
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await shot(page, 'supervisor-clerk-refused');
});

test('wrong password shows the server message', async ({ page }) => {
  await page.goto('/supervisor/');
  await page.getByLabel('用户名').fill('supervisor');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
});

test('the live monitor follows the hall as clerks work', async ({ page, request }) => {
  // The demo hall is open all day and starts with nobody signed in. Window 6 is made
  // certainly empty (a clerk left signed in by an earlier test is replaced, then leaves).
  const earlier = await apiSignIn(request, 'clerk6', '6');
  await clearCounter(request, earlier, '6');
  await request.delete('/api/session', { headers: { authorization: `Bearer ${earlier}` } });

  await signInWithForm(page, 'supervisor');
  await expect(page.getByRole('tab', { name: '实况' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab')).toHaveCount(9);
  await expect(page.getByText('实时连接')).toBeVisible();

  // The AB岗 gap: on the window itself and in the alerts.
  await expect(page.getByRole('article')).toHaveCount(6);
  const window6 = page.getByRole('article', { name: '6号窗口' });
  await expect(window6).toContainText('无人在岗');
  await expect(page.locator('.alert', { hasText: /^无人在岗：.*6号窗口/ })).toBeVisible();
  await shot(page, 'supervisor-live-start');

  const clerk = await apiSignIn(request, 'clerk6', '6');
  const headers = { authorization: `Bearer ${clerk}` };
  await expect(window6).toContainText('杨帆');
  await expect(window6).toContainText('A岗');
  await expect(window6).not.toContainText('无人在岗');

  const before = (await service(request, 'housing')).waiting;
  await takeTicket(request, 'housing');
  await takeTicket(request, 'housing');
  await expect(page.getByTestId('waiting-housing')).toHaveText(String(before + 2));

  const next = await request.post('/api/counters/6/next', { headers });
  expect(next.status()).toBe(200);
  const { ticket } = (await next.json()) as { ticket: StaffTicket };
  await expect(window6.locator('.ticket-no')).toHaveText(ticket.number);
  await expect(window6).toContainText('正在叫号');
  await expect(window6).toContainText('叫号至今');
  await expect(page.getByRole('region', { name: '最近叫号' })).toContainText(ticket.number);

  // Today's totals on the live tab come from /api/stats (refreshed at most every ~5 s).
  const supervisor = await apiSignIn(request, 'supervisor');
  const stats = await statsNow(request, supervisor);
  await expect(page.getByTestId('live-tickets')).toHaveText(String(stats.tickets));
  await expect(page.getByTestId('live-served')).toHaveText(String(stats.served));
  await shot(page, 'supervisor-live-calling');

  // A window does not pause with a villager walking up to it: finish first.
  expect((await request.post('/api/counters/6/pause', { headers, data: { reason: '临时外出' } })).status()).toBe(409);
  expect((await request.post('/api/counters/6/complete', { headers, data: {} })).status()).toBe(200);
  const pause = await request.post('/api/counters/6/pause', { headers, data: { reason: '临时外出' } });
  expect(pause.status()).toBe(200);
  await expect(window6).toContainText('暂停服务');
  await expect(window6).toContainText('临时外出');
  await shot(page, 'supervisor-live-paused');

  // Thresholds (more than 20 waiting, or an estimate over 30 minutes): take housing
  // tickets until the server's own figures pass one, then expect the page to say so.
  let housing = await service(request, 'housing');
  for (let i = 0; i < 21 && housing.waiting <= 20 && housing.estimatedWaitMin <= 30; i++) {
    await takeTicket(request, 'housing');
    housing = await service(request, 'housing');
  }
  const warning = housing.estimatedWaitMin > 30 ? `建房审批预计等候 ${housing.estimatedWaitMin} 分钟` : `建房审批等候 ${housing.waiting} 人`;
  await expect(page.locator('.alert-warn', { hasText: warning })).toBeVisible();
  await expect(page.getByRole('row', { name: /建房审批/ })).toHaveClass('over');
  await shot(page, 'supervisor-live-alerts');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'supervisor-live-1920');

  // Leave the hall as found: serve what window 6 can call, then the gap comes back
  // the moment the clerk signs out.
  await clearCounter(request, clerk, '6');
  for (;;) {
    const called = (await (await request.post('/api/counters/6/next', { headers })).json()) as { ticket: StaffTicket | null };
    if (!called.ticket) break;
    await request.post('/api/counters/6/complete', { headers, data: {} });
  }
  await request.delete('/api/session', { headers });
  await expect(window6).toContainText('无人在岗');
});

test('today figures match GET /api/stats, and a bad range shows the server message', async ({ page, request }) => {
  const token = await apiSignIn(request, 'supervisor');
  const s = await statsNow(request, token);
  await signInWithForm(page, 'supervisor');
  await page.getByRole('tab', { name: '今日统计' }).click();

  await expect(page.getByTestId('stat-tickets')).toHaveText(String(s.tickets));
  await expect(page.getByTestId('stat-served')).toHaveText(String(s.served));
  await expect(page.getByTestId('stat-noShows')).toHaveText(String(s.noShows));
  await expect(page.getByTestId('stat-avg')).toHaveText(s.wait.avgMin.toFixed(1));
  await expect(page.getByTestId('stat-p50')).toHaveText(s.wait.p50Min.toFixed(1));
  await expect(page.getByTestId('stat-p90')).toHaveText(s.wait.p90Min.toFixed(1));
  await expect(page.getByTestId('stat-max')).toHaveText(s.wait.maxMin.toFixed(1));
  await expect(page.getByTestId('stat-ratings')).toHaveText(String(s.ratings.count));
  await expect(page.getByTestId('stat-satisfied')).toHaveText(s.ratings.count ? `${(s.ratings.satisfiedRate * 100).toFixed(1)}%` : '暂无评价');
  await shot(page, 'supervisor-today');

  // A past range with no tickets: every figure 0, as the server reports it.
  await page.getByLabel('开始日期').fill('2024-01-01');
  await page.getByLabel('结束日期').fill('2024-01-31');
  await page.getByRole('button', { name: '查询' }).click();
  const past = await statsNow(request, token, '?from=2024-01-01&to=2024-01-31');
  await expect(page.getByRole('heading', { name: '2024-01-01 至 2024-01-31' })).toBeVisible();
  await expect(page.getByTestId('stat-tickets')).toHaveText(String(past.tickets));

  await page.getByLabel('开始日期').fill('2024-02-02');
  await page.getByLabel('结束日期').fill('2024-02-01');
  await page.getByRole('button', { name: '查询' }).click();
  const bad = await request.get('/api/stats?from=2024-02-02&to=2024-02-01', { headers: { authorization: `Bearer ${token}` } });
  expect(bad.status()).toBe(400);
  const { error } = (await bad.json()) as { error: { message: string } };
  await expect(page.getByRole('alert')).toHaveText(error.message);
  await shot(page, 'supervisor-today-bad-range');
});

test('the session survives a reload, ends on sign-out, and an expired token returns to sign-in', async ({ page }) => {
  await signInWithForm(page, 'supervisor');
  await expect(page.getByRole('tablist')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tablist')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  // A token the server no longer knows (expired, or signed out elsewhere).
  await page.evaluate(() =>
    sessionStorage.setItem('hall.supervisor.session', JSON.stringify({ token: 'gone', role: 'supervisor', user: { id: 'u-supervisor', name: '中心主任', staffNo: 'QS002' } })),
  );
  await page.reload();
  await expect(page.getByText('登录已失效，请重新登录')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
});
