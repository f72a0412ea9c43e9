// The phone page while the villager waits elsewhere: how long still, when to set off
// from the village, a buzz and a notification when 3 are left ahead and when called;
// and a business no window serves now says so, on the phone and at the kiosk.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { TicketView } from '../shared/types.ts';
import { apiSignIn, elderIssues, expect, shot, takeTicket, test } from './helpers.ts';

/** The phone's clock stands still here (a Monday morning in the hall). */
const PHONE_NOW = Date.parse('2026-03-02T09:00:00+08:00');

/** A phone whose vibration motor and notifications are recorded. */
async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await ctx.addInitScript(() => {
    const w = window as unknown as { buzzes: number[][]; notes: { title: string; body: string }[]; permissionAsked: number };
    w.buzzes = [];
    w.notes = [];
    w.permissionAsked = 0;
    navigator.vibrate = ((pattern: number | Iterable<number>) => (w.buzzes.push(typeof pattern === 'number' ? [pattern] : [...pattern]), true)) as Navigator['vibrate'];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission() {
        w.permissionAsked++;
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted' as NotificationPermission);
      }
      constructor(title: string, o?: NotificationOptions) {
        w.notes.push({ title, body: o?.body ?? '' });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(PHONE_NOW);
  return page;
}

const recorded = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { buzzes: number[][]; notes: { title: string; body: string }[]; permissionAsked: number };
    return { buzzes: w.buzzes, notes: w.notes, permissionAsked: w.permissionAsked };
  });

async function ticketView(request: APIRequestContext, id: string): Promise<TicketView> {
  return (await (await request.get(`/api/tickets/${id}`)).json()) as TicketView;
}

/** "09:25" at +08:00 for an instant. */
const wall = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16);

test('the phone page says how long still and when to set off, and buzzes at 3 ahead and when called', async ({ browser, request }) => {
  // Window 1 serves 社保 and 新农合医保; five villagers are before ours.
  const token = await apiSignIn(request, 'clerk1', '1');
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 5; i++) await takeTicket(request, 'medical');
  const ours = await takeTicket(request, 'medical');
  const view = await ticketView(request, ours.id);
  expect(view.ahead).toBe(5);
  expect(view.noWindow).toBeUndefined();
  expect(view.estimatedWaitMin).toBeGreaterThan(10); // five visits ahead at the one window, not "马上"

  const mobile = await phone(browser);
  await mobile.goto(ours.statusUrl);
  await expect(mobile.getByText('实时更新中')).toBeVisible();
  await expect(mobile.getByTestId('wait')).toHaveText(`约 ${view.estimatedWaitMin} 分钟`);

  // 10 minutes from the village: leave by the wait less the way.
  await mobile.getByRole('button', { name: '10 分钟' }).click();
  await expect(mobile.getByTestId('leave-by')).toHaveText(`约 ${wall(PHONE_NOW + (view.estimatedWaitMin - 10) * 60_000)} 前出发`);
  // Further away than the wait: set off now.
  await mobile.getByRole('button', { name: '1 小时' }).click();
  await expect(mobile.getByTestId('leave-by')).toHaveText('现在就该出发了');
  await mobile.getByRole('button', { name: '10 分钟' }).click();
  // Remembered on this phone.
  await mobile.reload();
  await expect(mobile.getByRole('button', { name: '10 分钟' })).toHaveAttribute('aria-pressed', 'true');

  // Reminders: one tap asks for notifications.
  await mobile.getByRole('button', { name: '打开到号提醒' }).click();
  await expect(mobile.getByText(/已打开：叫到您和前面还剩 3 人时/)).toBeVisible();
  expect((await recorded(mobile)).permissionAsked).toBe(1);
  expect(await elderIssues(mobile, 18, 0)).toEqual([]);
  await shot(mobile, 'status-waiting-leave-by');

  // The clerk serves two: 3 left ahead, the phone buzzes once and notifies.
  for (let i = 0; i < 2; i++) {
    expect((await request.post('/api/counters/1/next', { headers })).status()).toBe(200);
    expect((await request.post('/api/counters/1/complete', { headers, data: {} })).status()).toBe(200);
  }
  await expect(mobile.getByText('3 人', { exact: true })).toBeVisible();
  await expect.poll(async () => (await recorded(mobile)).buzzes).toEqual([[300, 150, 300]]);
  expect((await recorded(mobile)).notes).toEqual([{ title: `${ours.number} 快到了`, body: '前面还有 3 人，请回到大厅等候叫号' }]);
  // The estimate followed the line.
  const nearer = await ticketView(request, ours.id);
  await expect(mobile.getByTestId('wait')).toHaveText(`约 ${nearer.estimatedWaitMin} 分钟`);
  expect(nearer.estimatedWaitMin).toBeLessThan(view.estimatedWaitMin);

  // One more served: no second buzz for 2 ahead.
  expect((await request.post('/api/counters/1/next', { headers })).status()).toBe(200);
  expect((await request.post('/api/counters/1/complete', { headers, data: {} })).status()).toBe(200);
  await expect(mobile.getByText('2 人', { exact: true })).toBeVisible();
  expect((await recorded(mobile)).buzzes).toHaveLength(1);

  // Called: a long buzz and a notification saying where to go.
  for (;;) {
    const { ticket } = (await (await request.post('/api/counters/1/next', { headers })).json()) as { ticket: { id: string } };
    if (ticket.id === ours.id) break;
    expect((await request.post('/api/counters/1/complete', { headers, data: {} })).status()).toBe(200);
  }
  await expect(mobile.getByText('请到 1号窗口')).toBeVisible();
  await expect.poll(async () => (await recorded(mobile)).buzzes.length).toBe(2);
  const after = await recorded(mobile);
  expect(after.buzzes[1]).toEqual([600, 200, 600, 200, 600]);
  expect(after.notes[1]).toEqual({ title: `轮到您了：${ours.number}`, body: '请到 1号窗口办理新农合医保' });
  await shot(mobile, 'status-called-reminded');
});

test('a business no staffed window serves says so on the phone and the kiosk, never 马上', async ({ browser, page, request }) => {
  // Nobody has signed in at a window yet.
  const ours = await takeTicket(request, 'medical');
  const view = await ticketView(request, ours.id);
  expect(view.noWindow).toEqual({ reason: 'none', resumeAt: null });

  const mobile = await phone(browser);
  await mobile.goto(ours.statusUrl);
  await expect(mobile.getByText('现在没有窗口办理此业务，请到咨询台')).toBeVisible();
  await expect(mobile.getByText('马上')).toHaveCount(0);
  await shot(mobile, 'status-no-window');

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  const tile = page.getByRole('button', { name: /新农合医保/ });
  // The tile has one line for it (kiosk-big.spec.ts: 16 tiles at 1280×800); the details say it whole.
  await expect(tile.getByTestId('no-window')).toHaveText('暂无窗口');
  await expect(tile).toContainText('1 人在等');
  await expect(tile.getByText('马上')).toHaveCount(0);
  await shot(page, 'kiosk-start-no-window');
  await tile.click();
  await expect(page.getByText('现在没有窗口办理此业务，请到咨询台')).toBeVisible();
  await shot(page, 'kiosk-details-no-window');

  // The clerk of window 1 signs in and goes on a break: back at an expected time.
  const token = await apiSignIn(request, 'clerk1', '1');
  expect((await request.post('/api/counters/1/pause', { headers: { authorization: `Bearer ${token}` }, data: { reason: '休息' } })).status()).toBe(200);
  const paused = await ticketView(request, ours.id);
  expect(paused.noWindow?.reason).toBe('paused');
  const back = paused.noWindow!.resumeAt!.slice(11, 16);
  await expect(mobile.getByText(`现在没有窗口办理此业务，预计 ${back} 恢复`)).toBeVisible();
  expect(paused.estimatedWaitMin).toBeGreaterThan(0);
  await shot(mobile, 'status-paused');
});
