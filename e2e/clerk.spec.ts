// The clerk console (窗口工作台), driven the way a clerk works it: sign in at a window,
// watch the queue fill, call, recall, start, finish with an outcome, transfer, mark
// no-shows, pause. Villagers taking tickets elsewhere are simulated through the API.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { apiSignIn, clearCounter, E2E_PASSWORD, shot, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

/** Signs in through the form, like a clerk at the start of the day. */
async function signInAt(page: Page, username: string, counterId: string): Promise<void> {
  await page.goto('/clerk/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('窗口', { exact: true }).selectOption(counterId);
  await page.getByRole('button', { name: '签到上岗' }).click();
  await expect(page.locator('header')).toContainText(`${counterId}号窗口`);
}

/**
 * Leaves a window idle with nothing waiting for it, so a test knows which ticket "next"
 * calls. Other specs share the hall and may have left tickets in these queues.
 */
async function emptyWindow(request: APIRequestContext, username: string, counterId: string): Promise<void> {
  const token = await apiSignIn(request, username, counterId);
  const headers = { authorization: `Bearer ${token}` };
  await clearCounter(request, token, counterId);
  for (;;) {
    const res = await request.post(`/api/counters/${counterId}/next`, { headers, data: {} });
    expect(res.status()).toBe(200);
    if (!((await res.json()) as { ticket: unknown }).ticket) break;
    await request.post(`/api/counters/${counterId}/complete`, { headers, data: {} });
  }
}

async function ticketStatus(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/tickets/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { number: string; status: string; serviceId: string; counterId?: string };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * A shortcut key pressed once the previous action's reply is in. A state push can show
 * its result a moment earlier, and the console ignores keys while a request is in flight.
 */
async function press(page: Page, key: string): Promise<void> {
  await expect(page.locator('main.work')).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press(key);
}
const current = (page: Page) => page.getByTestId('current-number');
const notice = (page: Page) => page.getByTestId('notice');

test('signs in at a window, sees the queue live, calls, recalls, starts and finishes', async ({ page, request }) => {
  await emptyWindow(request, 'clerk5', '5');
  await signInAt(page, 'clerk5', '5');

  const header = page.locator('header');
  await expect(header).toContainText('青山镇为民服务中心');
  await expect(header).toContainText('5号窗口');
  await expect(header).toContainText('陈静');
  await expect(header).toContainText('工号 QS007');
  await expect(header).toContainText('A岗');
  await expect(header).toContainText('实时连接');
  await expect(page.getByText('当前没有叫号')).toBeVisible();
  const servedBefore = Number(await page.getByTestId('served-today').textContent());

  // Villagers take tickets at the kiosk: they appear without any reload.
  const forestry = await takeTicket(request, 'forestry');
  const finance = await takeTicket(request, 'finance', true);
  const queue = page.getByTestId('queue');
  await expect(queue).toContainText(forestry.number);
  await expect(queue).toContainText(finance.number);
  await expect(page.getByTestId('waiting-total')).toHaveText('2');
  // The priority ticket is called first and marked so.
  await expect(queue.locator('li').first()).toContainText(finance.number);
  await expect(queue.locator('li').first()).toContainText('优先');
  await shot(page, 'clerk-queue');

  // 叫号 by button.
  await button(page, '叫号 F2').click();
  await expect(current(page)).toHaveText(finance.number);
  await expect(page.getByTestId('call-count')).toHaveText('第1次呼叫 / 上限5');
  await expect(page.getByLabel('当前号')).toContainText('已呼叫');
  await expect(page.getByLabel('当前号')).toContainText('优先');
  expect(await ticketStatus(request, finance.id)).toMatchObject({ status: 'called', counterId: '5' });
  await expect(queue).not.toContainText(finance.number);

  await button(page, '重呼 F4').click();
  await expect(page.getByTestId('call-count')).toHaveText('第2次呼叫 / 上限5');

  await button(page, '开始办理 F8').click();
  await expect(page.getByLabel('当前号')).toContainText('办理中');
  expect((await ticketStatus(request, finance.id)).status).toBe('serving');
  await shot(page, 'clerk-serving');

  // 办结 (即办) by its key, then 叫号 by its key.
  await press(page, 'F9');
  await expect(page.getByTestId('last-done')).toContainText(`上一位 ${finance.number} 已办结 · 即办`);
  await expect(page.getByTestId('served-today')).toHaveText(String(servedBefore + 1));
  expect((await ticketStatus(request, finance.id)).status).toBe('done');

  await press(page, 'F2');
  await expect(current(page)).toHaveText(forestry.number);
  expect((await ticketStatus(request, forestry.id)).status).toBe('called');
  await press(page, 'F8');

  // 承诺件: the due date the server worked out is shown to read out to the villager.
  await page.getByText('承诺件', { exact: true }).click();
  await expect(button(page, '办结（承诺件） F9')).toBeVisible();
  await button(page, '办结（承诺件） F9').click();
  const lastDone = page.getByTestId('last-done');
  await expect(lastDone).toContainText(`${forestry.number} 已办结 · 承诺件`);
  await expect(lastDone).toContainText(/承诺办结日期 \d{4}年\d{1,2}月\d{1,2}日（星期.）/);
  // The chooser goes back to 即办 for the next villager.
  await expect(button(page, '办结（即办） F9')).toBeVisible();
  await shot(page, 'clerk-committed');

  // 不予受理 needs a reason: refused here first, then done once it is written.
  const refused = await takeTicket(request, 'forestry');
  await press(page, 'F2');
  await expect(current(page)).toHaveText(refused.number);
  await page.getByText('不予受理', { exact: true }).click();
  await expect(page.getByLabel('不予受理理由（必填）')).toBeFocused();
  await button(page, '办结（不予受理） F9').click();
  await expect(notice(page)).toContainText('不予受理必须写明理由');
  await expect(current(page)).toHaveText(refused.number);
  expect((await ticketStatus(request, refused.id)).status).toBe('called');
  await shot(page, 'clerk-refused-no-reason');

  await page.getByLabel('不予受理理由（必填）').fill('林权证与承包合同不一致，需先到村委会更正');
  // Function keys work from inside the reason field: they never type.
  await press(page, 'F8');
  await press(page, 'F9');
  await expect(page.getByTestId('last-done')).toContainText(`${refused.number} 已办结 · 不予受理`);
  await expect(page.getByTestId('last-done')).toContainText('理由：林权证与承包合同不一致');
  await expect(page.getByText('当前没有叫号')).toBeVisible();
  expect((await ticketStatus(request, refused.id)).status).toBe('done');
  await expect(page.getByTestId('served-today')).toHaveText(String(servedBefore + 3));
});

test('shows the server refusals in words: an open ticket, the recall cap; finish and call next', async ({ page, request }) => {
  await emptyWindow(request, 'clerk5', '5');
  const first = await takeTicket(request, 'finance');
  const second = await takeTicket(request, 'forestry');
  await signInAt(page, 'clerk5', '5');

  await press(page, 'F2');
  await expect(current(page)).toHaveText(first.number);
  // Next while a ticket is still open: the server says what to do first.
  await press(page, 'F2');
  await expect(notice(page)).toContainText(`${first.number} 号还未办结`);

  for (let n = 2; n <= 5; n++) {
    await press(page, 'F4');
    await expect(page.getByTestId('call-count')).toHaveText(`第${n}次呼叫 / 上限5`);
  }
  await expect(button(page, '重呼 F4')).toBeDisabled();
  // The key still asks the server, whose answer is shown as written.
  await press(page, 'F4');
  await expect(notice(page)).toContainText('达到上限');
  await shot(page, 'clerk-recall-limit');

  // Never started: the console asks before finishing it.
  await button(page, '办结并叫下一位 Shift+F9').click();
  await page.getByRole('dialog').getByRole('button', { name: /已办完，直接办结/ }).click();
  await expect(current(page)).toHaveText(second.number);
  await expect(page.getByTestId('last-done')).toContainText(`${first.number} 已办结 · 即办`);
  expect((await ticketStatus(request, first.id)).status).toBe('done');
  expect((await ticketStatus(request, second.id)).status).toBe('called');

  // Finish and call next with nobody left: finished, and told the queue is empty.
  await press(page, 'F8');
  await press(page, 'Shift+F9');
  await expect(page.getByTestId('last-done')).toContainText(`${second.number} 已办结`);
  await expect(notice(page)).toHaveText('现在没有排队的号');
  await expect(page.getByText('当前没有叫号')).toBeVisible();
});

test('transfers a ticket to another business: same number, called there with its history', async ({ page, browser, baseURL, request }) => {
  await emptyWindow(request, 'clerk5', '5');
  await emptyWindow(request, 'clerk1', '1');
  const t = await takeTicket(request, 'forestry');
  await signInAt(page, 'clerk5', '5');
  await press(page, 'F2');
  await expect(current(page)).toHaveText(t.number);

  await button(page, '转办…').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`转办 ${t.number} 号（当前：林业）`);
  // The current business is not offered.
  await expect(dialog.getByRole('radio', { name: /^林业/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: /社保劳保/ }).check();
  await shot(page, 'clerk-transfer-dialog');
  await dialog.getByRole('button', { name: '确认转办' }).click();
  await expect(notice(page)).toContainText(`${t.number} 号已转至「社保劳保」排队`);
  await expect(page.getByText('当前没有叫号')).toBeVisible();

  const after = await ticketStatus(request, t.id);
  expect(after).toMatchObject({ number: t.number, status: 'waiting', serviceId: 'social' });

  // Window 1 serves 社保劳保: the ticket waits there under its own number.
  const other = await openConsole(browser, baseURL, 'clerk1', '1');
  await expect(other.getByTestId('queue')).toContainText(t.number);
  await press(other, 'F2');
  await expect(other.getByTestId('current-number')).toHaveText(t.number);
  const card = other.getByLabel('当前号');
  await expect(card).toContainText('社保劳保');
  await expect(card).toContainText('首问：5号窗口 陈静（工号 QS007）');
  await expect(card).toContainText('由5号窗口从「林业」转至「社保劳保」');
  await shot(other, 'clerk-transferred-in');
  await press(other, 'F8');
  await press(other, 'F9');
  await expect(other.getByTestId('last-done')).toContainText(`${t.number} 已办结`);
  await other.context().close();
});

test('marks a no-show after confirming, then reinstates the late villager', async ({ page, request }) => {
  await emptyWindow(request, 'clerk5', '5');
  const t = await takeTicket(request, 'forestry');
  await signInAt(page, 'clerk5', '5');
  await press(page, 'F2');
  await expect(current(page)).toHaveText(t.number);

  // Esc backs out of the confirmation: nothing happens.
  await press(page, 'Shift+F4');
  await expect(page.getByRole('dialog')).toContainText(`${t.number} 号过号？`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(current(page)).toHaveText(t.number);

  await button(page, '过号 Shift+F4').click();
  await shot(page, 'clerk-no-show-confirm');
  // The confirm button has the focus: Enter confirms, as its key label says.
  await expect(page.getByRole('dialog').getByRole('button', { name: /确认过号/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const noShows = page.getByTestId('no-shows');
  await expect(noShows).toContainText(t.number);
  await expect(page.getByText('当前没有叫号')).toBeVisible();
  expect((await ticketStatus(request, t.id)).status).toBe('no_show');
  await shot(page, 'clerk-no-show');

  await page.getByRole('button', { name: `恢复排队 ${t.number}` }).click();
  await expect(notice(page)).toContainText(`${t.number} 号已恢复排队`);
  await expect(page.getByTestId('queue')).toContainText(t.number);
  await expect(page.getByTestId('no-shows')).toHaveCount(0);
  expect((await ticketStatus(request, t.id)).status).toBe('waiting');

  await press(page, 'F2');
  await expect(current(page)).toHaveText(t.number);
  await expect(page.getByTestId('call-count')).toHaveText('第1次呼叫 / 上限5');
  await press(page, 'F8');
  await press(page, 'F9');
  await expect(page.getByTestId('last-done')).toContainText(`${t.number} 已办结`);
});

test('pauses with a reason: next is disabled and the hall sees it; resumes', async ({ page, request }) => {
  await emptyWindow(request, 'clerk5', '5');
  await takeTicket(request, 'forestry');
  await signInAt(page, 'clerk5', '5');
  await expect(page.getByTestId('waiting-total')).toHaveText('1');

  await button(page, '暂停服务…').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '临时外出' }).check();
  await dialog.getByLabel('补充说明（可选）').fill('去档案室调取资料');
  await shot(page, 'clerk-pause-dialog');
  await dialog.getByRole('button', { name: '暂停服务', exact: true }).click();

  const banner = page.getByTestId('paused-banner');
  await expect(banner).toContainText('本窗口已暂停服务');
  await expect(banner).toContainText('临时外出：去档案室调取资料');
  await expect(button(page, '叫号 F2')).toBeDisabled();
  const hall = (await (await request.get('/api/hall')).json()) as { counters: { id: string; paused: boolean; pauseReason: string | null }[] };
  expect(hall.counters.find((c) => c.id === '5')).toMatchObject({ paused: true, pauseReason: '临时外出：去档案室调取资料' });

  // The key is answered by the server: paused windows do not call.
  await press(page, 'F2');
  await expect(notice(page)).toContainText('本窗口已暂停服务，请先恢复服务');
  await expect(page.getByText('当前没有叫号')).toBeVisible();
  await shot(page, 'clerk-paused');

  await banner.getByRole('button', { name: '恢复服务' }).click();
  await expect(banner).toHaveCount(0);
  await expect(button(page, '叫号 F2')).toBeEnabled();
  const after = (await (await request.get('/api/hall')).json()) as typeof hall;
  expect(after.counters.find((c) => c.id === '5')).toMatchObject({ paused: false });
  await press(page, 'F2');
  await expect(current(page)).toBeVisible();
  await press(page, 'F8');
  await press(page, 'F9');
  await expect(page.getByTestId('last-done')).toBeVisible();
});

test('two windows sharing a business pressing next at the same instant never get the same ticket', async ({ browser, baseURL, request }) => {
  // Windows 1 (社保劳保, 新农合医保) and 4 (社保劳保, 财政惠农) both call 社保劳保.
  await emptyWindow(request, 'clerk1', '1');
  await emptyWindow(request, 'clerk4', '4');
  const taken = [await takeTicket(request, 'social'), await takeTicket(request, 'social')];
  const w1 = await openConsole(browser, baseURL, 'clerk1', '1');
  const w4 = await openConsole(browser, baseURL, 'clerk4', '4');
  await expect(w1.getByTestId('waiting-total')).toHaveText('2');
  await expect(w4.getByTestId('waiting-total')).toHaveText('2');

  await Promise.all([button(w1, '叫号 F2').click(), button(w4, '叫号 F2').click()]);
  await expect(w1.getByTestId('current-number')).toBeVisible();
  await expect(w4.getByTestId('current-number')).toBeVisible();
  const called = [await w1.getByTestId('current-number').textContent(), await w4.getByTestId('current-number').textContent()];
  expect(called[0]).not.toBe(called[1]);
  expect(called.sort()).toEqual(taken.map((t) => t.number).sort());
  // Each console's queue is now empty: the other window's call took the other ticket.
  await expect(w1.getByTestId('waiting-total')).toHaveText('0');
  await expect(w4.getByTestId('waiting-total')).toHaveText('0');
  await shot(w1, 'clerk-concurrent-1');
  await shot(w4, 'clerk-concurrent-4');

  for (const p of [w1, w4]) {
    await press(p, 'F8');
    await press(p, 'F9');
    await expect(p.getByTestId('last-done')).toBeVisible();
    await p.context().close();
  }
});

test('fits a 1920×1080 screen with a transferred, recalled ticket and a long queue', async ({ page, request }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await emptyWindow(request, 'clerk5', '5');
  await emptyWindow(request, 'clerk6', '6');
  // Window 6 (建房审批, 林业) sends a 建房审批 ticket on to 林业, which window 5 serves too.
  const housing = await takeTicket(request, 'housing');
  const token6 = await apiSignIn(request, 'clerk6', '6');
  const h6 = { authorization: `Bearer ${token6}` };
  expect((await request.post('/api/counters/6/next', { headers: h6, data: {} })).status()).toBe(200);
  expect((await request.post('/api/counters/6/transfer', { headers: h6, data: { serviceId: 'forestry' } })).status()).toBe(200);

  await signInAt(page, 'clerk5', '5');
  await expect(page.getByTestId('queue')).toContainText(housing.number);
  await press(page, 'F2');
  await expect(current(page)).toHaveText(housing.number);
  await press(page, 'F4');
  await expect(page.getByTestId('call-count')).toHaveText('第2次呼叫 / 上限5');
  await press(page, 'F8');
  await expect(page.getByLabel('当前号')).toContainText('办理中');
  for (let i = 0; i < 14; i++) await takeTicket(request, i % 3 ? 'finance' : 'forestry', i % 5 === 0);
  await expect(page.getByTestId('waiting-total')).toHaveText('14');
  await shot(page, 'clerk-1080');

  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'clerk-768-long-queue');
  // Leave window 5 empty for whoever comes next.
  await emptyWindow(request, 'clerk5', '5');
});

/** A second clerk at another desk: a browser context of its own, signed in through the form. */
async function openConsole(browser: Browser, baseURL: string | undefined, username: string, counterId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signInAt(page, username, counterId);
  return page;
}
