// 申诉复核, as the people do it: a villager rates a visit 非常不满意; the clerk appeals it
// from 我的评价 with a reason; the 中心主任 finds it waiting on 差评回访 and voids it with a
// reason. The voided rating leaves the satisfaction figures (the 满意度 tab shows one bad
// rating fewer) but stays on record as 已撤销（申诉成立）, the call back is still owed,
// and both steps are in the audit log.
import type { APIRequestContext } from '@playwright/test';
import type { RatingFigures } from '../shared/core/ratingStats.ts';
import type { StaffTicket } from '../shared/types.ts';
import { apiSignIn, clearCounter, shot, signInAtConsole, signInAtSupervisor, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const APPEAL = '群众要求为外地户口办理本地低保，不符合政策，已耐心解释';
const REVIEW = '调看窗口录像，工作人员按规定解释，差评针对政策本身';

/** Window 3 (户籍, clerk3) serves one villager, who rates it 非常不满意. */
async function badVisit(request: APIRequestContext): Promise<string> {
  const clerk = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, clerk, '3');
  const t = await takeTicket(request, 'household');
  const called = (await (await request.post('/api/counters/3/next', { headers: bearer(clerk), data: {} })).json()) as { ticket: StaffTicket };
  expect(called.ticket.number).toBe(t.number);
  expect((await request.post('/api/counters/3/complete', { headers: bearer(clerk), data: {} })).status()).toBe(200);
  const rated = await request.post('/api/ratings', { data: { ticketId: t.id, key: t.ratingKey, level: 1, reasons: ['办事效率低'], channel: 'phone' } });
  expect(rated.status()).toBe(201);
  return t.number;
}

async function summary(request: APIRequestContext, token: string): Promise<RatingFigures> {
  return (await (await request.get('/api/ratings/summary', { headers: bearer(token) })).json()) as RatingFigures;
}

test('a clerk appeals a bad rating; the supervisor voids it; it leaves the figures, stays on record, and the call back is still owed', async ({ page, browser, baseURL, request }) => {
  const number = await badVisit(request);
  const sup = await apiSignIn(request, 'supervisor');
  const before = await summary(request, sup);
  expect(before.bad).toBe(1);

  // ------------------------------------------------------------ the clerk appeals
  await signInAtConsole(page, 'clerk3', '3');
  await page.getByRole('button', { name: '我的评价' }).click();
  const dialog = page.getByRole('dialog');
  const row = dialog.getByTestId(`mine-${number}`);
  await expect(row).toContainText('非常不满意');
  await row.getByRole('button', { name: '申诉…' }).click();
  // Without a reason nothing is sent.
  await row.getByRole('button', { name: '提交申诉' }).click();
  await expect(row.getByRole('alert')).toHaveText('请写明申诉理由');
  await row.getByLabel(`${number} 号差评的申诉理由`).fill(APPEAL);
  await shot(page, 'appeal-clerk-form');
  await row.getByRole('button', { name: '提交申诉' }).click();
  await expect(row).toContainText('已申诉，等待主任复核');
  await expect(row.getByRole('button', { name: '申诉…' })).toHaveCount(0);
  await shot(page, 'appeal-clerk-pending');
  await page.keyboard.press('Escape');

  // ------------------------------------------------------------ the supervisor reviews
  const sp = await browser.newPage({ baseURL, viewport: { width: 1366, height: 900 } });
  await signInAtSupervisor(sp);
  await sp.getByRole('tab', { name: /差评回访/ }).click();
  const waiting = sp.getByRole('region', { name: /^申诉待复核/ });
  const card = waiting.getByRole('article').filter({ hasText: number });
  await expect(card).toContainText('申诉待复核');
  await expect(card.getByTestId('appeal')).toContainText(`张敏申诉：${APPEAL}`);
  const review = card.getByRole('form', { name: '申诉复核' });
  await review.getByRole('button', { name: '保存复核结论' }).click();
  await expect(review.getByRole('alert')).toContainText('请选择');
  await review.getByRole('radio', { name: '撤销差评（申诉成立）' }).check();
  await review.getByLabel('复核理由').fill(REVIEW);
  await shot(sp, 'appeal-supervisor-review');
  await review.getByRole('button', { name: '保存复核结论' }).click();

  // Still on record, shown as voided, and still to be called back.
  await expect(waiting).toHaveCount(0);
  const open = sp.getByRole('region', { name: /^未办结/ }).getByRole('article').filter({ hasText: number });
  await expect(open).toContainText('已撤销（申诉成立）');
  await expect(open.getByTestId('appeal')).toContainText(`复核：已撤销（申诉成立）：${REVIEW}`);
  await expect(open.getByRole('form', { name: '记录回访' })).toBeVisible();
  await shot(sp, 'appeal-supervisor-voided');

  // The figures no longer count it; the follow-up still does.
  const after = await summary(request, sup);
  expect(after.count).toBe(before.count - 1);
  expect(after.bad).toBe(0);
  expect(after.followUps.open).toBe(before.followUps.open);
  await sp.getByRole('tab', { name: '满意度' }).click();
  await expect(sp.getByTestId('sat-bad')).toHaveText('0');
  await expect(sp.getByTestId('sat-count')).toHaveText(String(after.count));
  await expect(sp.getByTestId('level-1')).toHaveText('0');
  await expect(sp.getByTestId('sat-fu-open')).toHaveText(String(before.followUps.open));

  const audit = (await (await request.get('/api/audit', { headers: bearer(sup) })).json()) as { action: string; detail: string; byName: string }[];
  expect(audit).toContainEqual(expect.objectContaining({ action: '差评申诉', detail: APPEAL, byName: '张敏' }));
  expect(audit).toContainEqual(expect.objectContaining({ action: '差评复核', detail: `撤销差评（申诉成立）：${REVIEW}`, byName: '中心主任' }));
  await sp.close();

  // ------------------------------------------------------------ the clerk sees the verdict
  await page.getByRole('button', { name: '我的评价' }).click();
  await expect(dialog.getByTestId(`mine-${number}`)).toContainText(`已撤销（申诉成立）：${REVIEW}`);
  await expect(dialog.getByTestId('mine-today-count')).toHaveText('0');
  await shot(page, 'appeal-clerk-voided');
});

test('an upheld appeal keeps the rating in every figure', async ({ page, request }) => {
  const number = await badVisit(request);
  const clerk = await apiSignIn(request, 'clerk3', '3');
  const sup = await apiSignIn(request, 'supervisor');
  const followUps = (await (await request.get('/api/follow-ups', { headers: bearer(sup) })).json()) as { id: string; number: string }[];
  const id = followUps.find((f) => f.number === number)!.id;
  expect((await request.post(`/api/follow-ups/${id}/appeal`, { headers: bearer(clerk), data: { reason: '不是我的责任' } })).status()).toBe(200);

  await signInAtSupervisor(page);
  await page.getByRole('tab', { name: /差评回访/ }).click();
  const card = page.getByRole('region', { name: /^申诉待复核/ }).getByRole('article').filter({ hasText: number });
  const review = card.getByRole('form', { name: '申诉复核' });
  await review.getByRole('radio', { name: '维持差评' }).check();
  await review.getByLabel('复核理由').fill('群众反映属实，窗口推诿');
  await review.getByRole('button', { name: '保存复核结论' }).click();
  const open = page.getByRole('region', { name: /^未办结/ }).getByRole('article').filter({ hasText: number });
  await expect(open.getByTestId('appeal')).toContainText('复核：维持差评：群众反映属实，窗口推诿');
  await expect(open).not.toContainText('已撤销');
  expect((await summary(request, sup)).bad).toBe(1);
});
