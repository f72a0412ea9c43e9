// 好差评 after the visit: a villager's bad rating becomes a follow-up case the supervisor
// rings back, fixes and closes; the satisfaction figures and the comment book agree with
// the API; the clerk sees what was said about their service, never who said it.
import type { APIRequestContext, Page } from '@playwright/test';
import type { RatingFigures } from '../shared/core/ratingStats.ts';
import type { CommentEntry, FollowUp, HallState, StaffTicket } from '../shared/types.ts';
import { apiSignIn, clearCounter, shot, signInAtConsole, signInAtSupervisor, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const PHONE = '13800001234';
const REASON = '工作人员态度不好';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

async function getJson<T>(request: APIRequestContext, path: string, token: string): Promise<T> {
  const res = await request.get(path, { headers: bearer(token) });
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Window 3 (户籍, clerk3) serves one villager, who then rates it 非常不满意 by phone. */
async function badVisit(request: APIRequestContext): Promise<{ number: string; followUpId: string }> {
  const clerk = await apiSignIn(request, 'clerk3', '3');
  const headers = bearer(clerk);
  // Others may have left household tickets waiting: serve them first so "next" calls ours.
  await clearCounter(request, clerk, '3');
  for (;;) {
    const res = await request.post('/api/counters/3/next', { headers, data: {} });
    if (!((await res.json()) as { ticket: StaffTicket | null }).ticket) break;
    await request.post('/api/counters/3/complete', { headers, data: {} });
  }
  const t = await takeTicket(request, 'household');
  const called = (await (await request.post('/api/counters/3/next', { headers, data: {} })).json()) as { ticket: StaffTicket };
  expect(called.ticket.number).toBe(t.number);
  expect((await request.post('/api/counters/3/complete', { headers, data: {} })).status()).toBe(200);

  const rated = await request.post('/api/ratings', { data: { ticketId: t.id, key: t.ratingKey, level: 1, reasons: [REASON], phone: PHONE, channel: 'phone' } });
  expect(rated.status()).toBe(201);
  const { followUpId } = (await rated.json()) as { followUpId: string };
  expect(followUpId).toBeTruthy();
  return { number: t.number, followUpId };
}

async function supervisorSignIn(page: Page): Promise<void> {
  await signInAtSupervisor(page);
  await expect(page.getByText('实时连接')).toBeVisible();
}

test('a bad rating is called back, fixed and closed; figures, comments and the clerk agree', async ({ page, request }) => {
  const { number, followUpId } = await badVisit(request);
  const supervisor = await apiSignIn(request, 'supervisor');
  const openBefore = await getJson<(FollowUp & { overdue: boolean })[]>(request, '/api/follow-ups?status=open', supervisor);

  // ---------------------------------------------------------------- 差评回访
  await supervisorSignIn(page);
  const badge = page.getByTestId('followups-badge');
  await expect(badge).toContainText(`待办 ${openBefore.length}`);
  await page.getByRole('tab', { name: /差评回访/ }).click();

  const openList = page.getByRole('region', { name: /^未办结/ });
  const card = openList.getByRole('article', { name: number });
  await expect(card).toContainText('非常不满意');
  await expect(card).toContainText(REASON);
  await expect(card).toContainText(PHONE); // in full: the supervisor rings it
  await expect(card).toContainText('3号窗口');
  await expect(card).toContainText('户籍');
  await expect(card.getByTestId('deadline')).toHaveText(/^(还剩 \d+ 个工作日|今天到期)$/);

  // Closing before anyone has rung back: the server refuses, and says why.
  await card.getByRole('radio', { name: '整改', exact: true }).check();
  await card.getByLabel('处理情况').fill('已对窗口人员批评教育，组织服务规范培训');
  await card.getByRole('button', { name: '保存并办结' }).click();
  await expect(card.getByRole('alert')).toHaveText('请先记录回访，再办结');

  await card.getByRole('radio', { name: '已联系上' }).check();
  await card.getByLabel('回访情况').fill('已电话联系群众，代表中心致歉，群众表示理解');
  await card.getByRole('button', { name: '记录回访' }).click();
  await expect(card.getByRole('list', { name: '处理记录' })).toContainText('回访 · 已联系上');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await shot(page, 'supervisor-followups');

  await card.getByRole('button', { name: '保存并办结' }).click();
  const closedCard = page.getByRole('region', { name: /^已办结/ }).getByRole('article', { name: number });
  await expect(closedCard).toContainText('整改');
  await expect(closedCard).toContainText('组织服务规范培训');
  await expect(closedCard.getByTestId('deadline')).toHaveText(/^已办结/);
  await expect(openList.getByRole('article', { name: number })).toHaveCount(0);

  const closed = (await getJson<FollowUp[]>(request, '/api/follow-ups?status=closed', supervisor)).find((f) => f.id === followUpId)!;
  expect(closed.callBacks).toMatchObject([{ reached: true }]);
  expect(closed.resolution).toMatchObject({ kind: 'fix' });
  // The badge follows the server's push: one case fewer open.
  if (openBefore.length > 1) await expect(badge).toContainText(`待办 ${openBefore.length - 1}`);
  else await expect(badge).toHaveCount(0);

  // The filter shows the closed cases alone.
  await page.getByRole('radio', { name: '已办结', exact: true }).check();
  await expect(page.getByRole('region', { name: /^未办结/ })).toHaveCount(0);
  await expect(closedCard).toBeVisible();
  await shot(page, 'supervisor-followups-closed');

  // ---------------------------------------------------------------- 满意度
  const hall = (await (await request.get('/api/hall')).json()) as HallState;
  const from = `${hall.day.slice(0, 8)}01`;
  const s = await getJson<RatingFigures & { from: string; to: string }>(request, `/api/ratings/summary?from=${from}&to=${hall.day}`, supervisor);
  await page.getByRole('tab', { name: '满意度' }).click();
  await expect(page.getByRole('heading', { name: from === hall.day ? `${from} 当日` : `${from} 至 ${hall.day}` })).toBeVisible();
  await expect(page.getByTestId('sat-rate')).toHaveText(pct(s.satisfiedRate));
  await expect(page.getByTestId('sat-count')).toHaveText(String(s.count));
  await expect(page.getByTestId('sat-bad')).toHaveText(String(s.bad));
  await expect(page.getByTestId('sat-response')).toHaveText(pct(s.responseRate));
  await expect(page.getByTestId('sat-callback')).toHaveText(pct(s.followUps.callBackRate));
  await expect(page.getByTestId('sat-close-days')).toHaveText(s.followUps.avgCloseDays.toFixed(1));
  await expect(page.getByTestId('sat-fu-open')).toHaveText(String(s.followUps.open));
  await expect(page.getByTestId('sat-fu-overdue')).toHaveText(String(s.followUps.overdue));
  for (const level of ['1', '2', '3', '4', '5'] as const) await expect(page.getByTestId(`level-${level}`)).toHaveText(String(s.byLevel[level]));

  const w3 = s.byCounter.find((g) => g.id === '3')!;
  expect(w3.bad).toBeGreaterThanOrEqual(1);
  const row = page.getByRole('region', { name: '各窗口' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3号窗口', exact: true }) });
  await expect(row.getByRole('cell')).toHaveText([String(w3.served), String(w3.count), pct(w3.responseRate), pct(w3.satisfiedRate), String(w3.bad)]);
  await expect(page.getByRole('region', { name: '各业务' }).getByRole('rowheader', { name: '户籍', exact: true })).toBeVisible();
  await shot(page, 'supervisor-satisfaction');

  // ---------------------------------------------------------------- 意见簿
  const text = `大厅饮水机没有热水，老人等候时不方便（${number} 号办事群众）`;
  const posted = await request.post('/api/comments', { data: { kind: 'complaint', text, contact: '13900005678' } });
  expect(posted.status()).toBe(201);
  await page.getByRole('tab', { name: '意见簿' }).click();
  const entry = page.getByRole('article').filter({ hasText: text });
  await expect(entry).toContainText('投诉');
  await expect(entry).toContainText('13900005678');
  await expect(entry).toContainText('待答复');
  await entry.getByLabel('答复内容').fill('已安排更换饮水机，感谢您的监督');
  await entry.getByRole('button', { name: '提交答复' }).click();
  await expect(entry).toContainText('已答复');
  await expect(entry).toContainText('已安排更换饮水机，感谢您的监督');
  await expect(entry.getByRole('button', { name: '提交答复' })).toHaveCount(0);
  const { comments } = await getJson<{ comments: CommentEntry[] }>(request, '/api/comments', supervisor);
  expect(comments.find((c) => c.text === text)?.reply?.text).toBe('已安排更换饮水机，感谢您的监督');
  await shot(page, 'supervisor-comments');

  // ---------------------------------------------------------------- 我的评价 (clerk3)
  await page.getByRole('button', { name: '退出登录' }).click();
  await signInAtConsole(page, 'clerk3', '3');
  await expect(page.locator('header')).toContainText('3号窗口');

  await page.locator('header').getByRole('button', { name: '我的评价' }).click();
  const dialog = page.getByRole('dialog', { name: '我的评价' });
  const clerk = await apiSignIn(request, 'clerk3', '3');
  const today = await getJson<RatingFigures>(request, '/api/me/ratings', clerk);
  await expect(dialog.getByTestId('mine-today-count')).toHaveText(String(today.count));
  await expect(dialog.getByTestId('mine-today-rate')).toHaveText(pct(today.satisfiedRate));
  const mine = dialog.getByRole('row').filter({ hasText: number });
  await expect(mine).toContainText('非常不满意');
  await expect(mine).toContainText(REASON);
  await expect(mine).toContainText('户籍');
  // Never the rater's contact, in full or masked.
  await expect(dialog).not.toContainText(PHONE);
  await expect(dialog).not.toContainText('****');
  await shot(page, 'clerk-my-ratings');
  await dialog.getByRole('button', { name: /关闭/ }).click();
  await expect(dialog).toHaveCount(0);
});
