// The door kiosk and the phone status page, driven like a villager would: tap a
// business, read what to bring, take a ticket, scan the QR, watch the phone until
// a clerk calls the number. The API only sets the scene (a clerk pressing "next").
import type { APIRequestContext, Browser, Page, WebSocketRoute } from '@playwright/test';
import type { ServerToClient } from '../shared/events.ts';
import type { HallState, ServiceView, StaffTicket, TicketView } from '../shared/types.ts';
import { apiSignIn, clearCounter, dropLikeOffline, elderIssues, shot, takeTicket, expect, test } from './helpers.ts';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPES = [
  { name: 'landscape-1280', width: 1280, height: 800 },
  { name: 'landscape-1920', width: 1920, height: 1080 },
];
const PROMPT = '请点您要办的事';
const TAKEN = '/api/tickets';

// ------------------------------------------------------------------ helpers

async function services(request: APIRequestContext): Promise<ServiceView[]> {
  return (await (await request.get('/api/services')).json()) as ServiceView[];
}

async function ticketFromApi(request: APIRequestContext, id: string): Promise<TicketView> {
  const res = await request.get(`/api/tickets/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as TicketView;
}

async function openKiosk(page: Page, viewport: { width: number; height: number }, query = '') {
  await page.setViewportSize(viewport);
  await page.goto('/kiosk/' + query);
  await expect(page.getByText(PROMPT)).toBeVisible();
}

const serviceButton = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(name) });

/** Taps a take button and returns the server's reply, as the kiosk received it. */
async function tapTake(page: Page, label: '普通取号' | '优先取号') {
  const reply = page.waitForResponse((r) => r.url().endsWith(TAKEN) && r.request().method() === 'POST');
  await page.getByRole('button', { name: label }).click();
  const res = await reply;
  expect(res.status()).toBe(201);
  return (await res.json()) as TicketView & { priority: boolean; statusUrl: string; ratingKey: string };
}

/** Nothing hidden below the fold: the page does not scroll and every button is on screen. */
async function expectFits(page: Page) {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollHeight > innerHeight + 1) out.push(`page is ${document.documentElement.scrollHeight}px tall`);
    if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('button, img, [data-testid]')) {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) out.push(`${el.tagName} "${el.textContent?.trim()}" off screen`);
    }
    return out;
  });
  expect(overflow).toEqual([]);
}

async function expectKioskFriendly(page: Page) {
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectFits(page);
}

async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return ctx.newPage();
}

/** The clerk at `counterId` presses "next" (finishing others) until `ticketId` is called. */
async function callUntil(request: APIRequestContext, token: string, counterId: string, ticketId: string): Promise<StaffTicket> {
  const headers = { authorization: `Bearer ${token}` };
  // A bound on presses, not on time: each press serves one ticket from a finite queue.
  for (let presses = 0; presses < 1000; presses++) {
    const res = await request.post(`/api/counters/${counterId}/next`, { headers });
    expect(res.status()).toBe(200);
    const { ticket } = (await res.json()) as { ticket: StaffTicket | null };
    if (!ticket) throw new Error(`window ${counterId} ran out of tickets before ${ticketId}`);
    if (ticket.id === ticketId) return ticket;
    expect((await request.post(`/api/counters/${counterId}/complete`, { headers, data: {} })).status()).toBe(200);
  }
  throw new Error(`window ${counterId} never reached ${ticketId}`);
}

const HALL_STATE: keyof ServerToClient = 'hall:state';

/** Passes the kiosk's Socket.IO traffic through, rewriting each `hall:state` on the way in. */
async function editHallState(page: Page, edit: (hall: HallState) => void) {
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      // Engine.IO "4" message + Socket.IO "2" event: 42["hall:state",{…}]
      if (typeof frame === 'string' && frame.startsWith('42')) {
        const [name, payload] = JSON.parse(frame.slice(2)) as [string, unknown];
        if (name === HALL_STATE) {
          edit(payload as HallState);
          frame = '42' + JSON.stringify([name, payload]);
        }
      }
      ws.send(frame);
    });
  });
}

// ------------------------------------------------------------------ tests

test('the start screen fits every business, large, on portrait and landscape screens', async ({ page, request }) => {
  const all = await services(request);
  expect(all.length).toBe(8);
  for (const [name, viewport] of [['portrait', PORTRAIT], ...LANDSCAPES.map((l) => [l.name, l] as const)] as const) {
    await openKiosk(page, viewport);
    await expect(page.locator('.hall-name')).toHaveText('青山镇为民服务中心');
    await expect(page.locator('.clock-time')).toHaveText(/^\d{2}:\d{2}$/);
    for (const s of all) {
      const button = serviceButton(page, s.name);
      await expect(button).toBeVisible();
      await expect(button).toBeEnabled();
      await expect(button).toContainText(s.prefix);
    }
    await expectKioskFriendly(page);
    await shot(page, `kiosk-start-${name}`);
  }
});

test('a normal ticket: materials, the ticket with its QR, and the phone page following it until called', async ({ page, request, browser }) => {
  // 新农合医保 is served by window 1 alone, so window 1's "next" reaches our ticket.
  const token = await apiSignIn(request, 'clerk1', '1');
  await clearCounter(request, token, '1');
  const medical = (await services(request)).find((s) => s.id === 'medical')!;

  await openKiosk(page, PORTRAIT);
  await serviceButton(page, medical.name).click();

  await expect(page.getByRole('heading', { name: medical.name })).toBeVisible();
  await expect(page.getByText('请带好这些材料')).toBeVisible();
  for (const m of medical.materials) await expect(page.getByText(m, { exact: true })).toBeVisible();
  await expect(page.getByText(medical.counters.join('、'))).toBeVisible();
  await expect(page.getByRole('button', { name: '返回' })).toBeVisible();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-details-portrait');

  const taken = await tapTake(page, '普通取号');
  const fromApi = await ticketFromApi(request, taken.id);
  await expect(page.getByTestId('ticket-number')).toHaveText(fromApi.number);
  await expect(page.getByTestId('ticket-ahead')).toHaveText(`${fromApi.ahead} 人`);
  await expect(page.getByText(medical.name, { exact: true })).toBeVisible();
  await expect(page.getByText('扫码查看排队进度')).toBeVisible();
  await expect(page.getByText(/秒后自动回到首页/)).toBeVisible();
  const qr = page.getByRole('img', { name: '查看排队进度的二维码' });
  // The QR and the screen carry the ticket's 评价码: the phone it opens may rate the visit.
  await expect(qr).toHaveAttribute('src', `/api/tickets/${taken.id}/qr.svg?k=${taken.ratingKey}`);
  await expect(page.getByTestId('rating-key')).toHaveText(taken.ratingKey);
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-ticket-portrait');

  // The villager scans the QR with a phone.
  const mobile = await phone(browser);
  await mobile.goto(taken.statusUrl);
  await expect(mobile.locator('.number')).toHaveText(fromApi.number);
  await expect(mobile.getByText('排队等候中')).toBeVisible();
  await expect(mobile.getByText(medical.name)).toBeVisible();
  await expect(mobile.getByText(`${fromApi.ahead} 人`)).toBeVisible();
  await expect(mobile.getByText('青山镇为民服务中心')).toBeVisible();
  await expect(mobile.getByText('实时更新中')).toBeVisible();
  expect(await elderIssues(mobile, 18, 0)).toEqual([]);
  await shot(mobile, 'status-waiting');

  // The clerk at window 1 works through the queue; the phone follows without a reload.
  const called = await callUntil(request, token, '1', taken.id);
  expect(called.number).toBe(fromApi.number);
  await expect(mobile.getByText('请到 1号窗口')).toBeVisible();
  await expect(mobile.getByText('正在叫号')).toBeVisible();
  await expect(mobile).toHaveTitle(/请到1号窗口/);
  expect(await elderIssues(mobile, 18, 0)).toEqual([]);
  await shot(mobile, 'status-called');

  const headers = { authorization: `Bearer ${token}` };
  expect((await request.post('/api/counters/1/complete', { headers, data: {} })).status()).toBe(200);
  await expect(mobile.getByText('已办结')).toBeVisible();
  await expect(mobile.getByText('请到 1号窗口')).toHaveCount(0);
  await shot(mobile, 'status-done');

  // Back at the kiosk the villager taps 完成 and the next person starts afresh.
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByText(PROMPT)).toBeVisible();
  await mobile.context().close();
});

test('a priority ticket explains who may take one and is marked as priority', async ({ page, request }) => {
  const hall = (await (await request.get('/api/hall')).json()) as HallState;
  const social = hall.services.find((s) => s.id === 'social')!;
  expect(social.priorityAllowed).toBe(true);

  await openKiosk(page, PORTRAIT);
  await serviceButton(page, social.name).click();
  const explanation = page.locator('.priority');
  for (const kind of hall.priorityKinds) await expect(explanation).toContainText(kind);
  await expect(explanation).toContainText('出示');

  const taken = await tapTake(page, '优先取号');
  expect(taken.priority).toBe(true);
  const fromApi = await ticketFromApi(request, taken.id);
  await expect(page.getByTestId('ticket-number')).toHaveText(fromApi.number);
  await expect(page.getByTestId('ticket-ahead')).toHaveText(`${fromApi.ahead} 人`);
  await expect(page.getByText(/优先号/)).toBeVisible();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-ticket-priority');
});

test('every screen fits a landscape kiosk too', async ({ page, request }) => {
  const forestry = (await services(request)).find((s) => s.id === 'forestry')!;
  for (const l of LANDSCAPES) {
    await openKiosk(page, l);
    await serviceButton(page, forestry.name).click();
    await expect(page.getByText('请带好这些材料')).toBeVisible();
    await expectKioskFriendly(page);
    await shot(page, `kiosk-details-${l.name}`);
    const taken = await tapTake(page, '普通取号');
    await expect(page.getByTestId('ticket-number')).toHaveText(taken.number);
    await expect.poll(() => page.locator('.qr img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expectKioskFriendly(page);
    await shot(page, `kiosk-ticket-${l.name}`);
  }
});

test('only the ticket screen returns to the start by itself', async ({ page, request }) => {
  const family = (await services(request)).find((s) => s.id === 'family')!;
  // A fake clock: minutes pass in an instant, so no test waits on the wall clock.
  await page.clock.install();

  // Default: 30 s on the ticket screen, counted down visibly.
  await openKiosk(page, PORTRAIT);
  await serviceButton(page, family.name).click();
  await tapTake(page, '普通取号');
  await expect(page.getByText('30 秒后自动回到首页', { exact: false })).toBeVisible();
  await page.clock.runFor(20_000);
  await expect(page.getByText(/^10 秒后自动回到首页/)).toBeVisible();
  await page.clock.runFor(12_000);
  await expect(page.getByText(PROMPT)).toBeVisible();

  // A half-made choice is not taken away without asking: after a quiet minute on the
  // details screen the kiosk asks 还在吗？ and stays as long as the villager says so
  // (what happens when nobody answers: kiosk-idle.spec.ts).
  await serviceButton(page, family.name).click();
  for (let minute = 0; minute < 10; minute++) {
    await page.clock.runFor(61_000);
    await page.getByRole('button', { name: '我还在' }).click();
  }
  await expect(page.getByRole('heading', { name: family.name })).toBeVisible();
  await expect(page.getByRole('button', { name: '普通取号' })).toBeEnabled();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByText(PROMPT)).toBeVisible();

  // `?return=3` shortens the ticket screen (for tests, or a busy hall).
  await openKiosk(page, PORTRAIT, '?return=3');
  await serviceButton(page, family.name).click();
  await tapTake(page, '普通取号');
  await expect(page.getByText(/^3 秒后自动回到首页/)).toBeVisible();
  await page.clock.runFor(4_000);
  await expect(page.getByText(PROMPT)).toBeVisible();
});

test('a closed business is greyed out and cannot be tapped', async ({ page, request }) => {
  // The hall has no switch to close a business yet, so the kiosk is shown one closed
  // by rewriting the live state it receives.
  const all = await services(request);
  const name = (id: string) => all.find((s) => s.id === id)!.name;
  const closed = new Set(['social']);
  let hallOpen = true;
  await editHallState(page, (hall) => {
    hall.open = hallOpen;
    for (const s of hall.services) {
      if (!hallOpen) Object.assign(s, { open: false, closedReason: 'hours' });
      else if (closed.has(s.id)) Object.assign(s, { open: false, closedReason: 'off' });
    }
  });
  await openKiosk(page, PORTRAIT);
  const social = serviceButton(page, name('social'));
  await expect(social).toBeDisabled();
  await expect(social).toContainText('暂停取号');
  await expect(social).not.toContainText('人在等');
  await expect(serviceButton(page, name('civil'))).toBeEnabled();
  await social.click({ force: true });
  await expect(page.getByText('请带好这些材料')).toHaveCount(0);
  await expect(page.getByText(PROMPT)).toBeVisible();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-start-closed');

  // A business that closes while its details are being read can no longer be taken,
  // and the villager still has the materials on screen and a way back.
  await serviceButton(page, name('civil')).click();
  await expect(page.getByRole('button', { name: '普通取号' })).toBeEnabled();
  closed.add('civil');
  await takeTicket(request, 'household'); // any change makes the server push the hall state
  await expect(page.getByText('暂停取号，现在不能取号')).toBeVisible();
  await expect(page.getByRole('button', { name: '普通取号' })).toHaveCount(0);
  await expect(page.getByText('请带好这些材料')).toBeVisible();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-details-closed');
  await page.getByRole('button', { name: '返回' }).click();

  // Outside opening hours every business says so.
  hallOpen = false;
  await page.reload();
  await expect(page.getByText('现在是非办公时间，请在办公时间再来取号')).toBeVisible();
  for (const s of all) await expect(serviceButton(page, s.name)).toContainText('非办公时间');
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-start-after-hours');
});

test('a kiosk closed by the hall\'s hours says when it opens next', async ({ page, request }) => {
  // Hours that start two hours from now (the server's clock, the hall's zone): later
  // today, or tomorrow when that passes midnight.
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const opensAt = (hour + 2) % 24;
  const pad = (n: number) => String(n).padStart(2, '0');
  const admin = await apiSignIn(request, 'admin');
  const auth = { authorization: `Bearer ${admin}` };
  const { settings } = (await (await request.get('/api/settings', { headers: auth })).json()) as { settings: Record<string, unknown> & { printer?: unknown } };
  const { printer: _, ...rest } = settings;
  const hours = { open: `${pad(opensAt)}:00`, close: opensAt === 23 ? '24:00' : `${pad(opensAt + 1)}:00` };
  const saved = await request.put('/api/settings/hall', { headers: auth, data: { ...rest, weekHours: Array.from({ length: 7 }, () => hours) } });
  expect(saved.status()).toBe(200);

  await page.setViewportSize(PORTRAIT);
  await page.goto('/kiosk/');
  const when = `${opensAt > hour ? '今天' : '明天'} ${opensAt}:00`;
  await expect(page.getByText(`现在是非办公时间，${when} 开始取号`)).toBeVisible();
  for (const s of await services(request)) await expect(serviceButton(page, s.name)).toBeDisabled();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-closed-opens-next');
});

test('a ticket that could not be taken is explained plainly, with a way back', async ({ page, request }) => {
  const civil = (await services(request)).find((s) => s.id === 'civil')!;
  await openKiosk(page, PORTRAIT);
  await serviceButton(page, civil.name).click();

  // The network drops between the kiosk and the server.
  await page.route('**' + TAKEN, (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: '普通取号' }).click();
  // Whether the request reached the server is unknown: the kiosk must not say no ticket was taken.
  await expect(page.getByRole('heading', { name: '取号结果不确定' })).toBeVisible();
  await expect(page.getByText(/不知道号有没有取到/)).toBeVisible();
  await expect(page.getByRole('button', { name: '再试一次' })).toBeVisible();
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-error-network');

  // The business closes just as the villager taps: the server's own words are shown.
  await page.unroute('**' + TAKEN);
  await page.route('**' + TAKEN, (route) => route.fulfill({ status: 409, json: { error: { code: 'service_closed', message: `${civil.name}暂停取号` } } }));
  await page.getByRole('button', { name: '再试一次' }).click();
  await expect(page.getByText(`${civil.name}暂停取号`)).toBeVisible();
  await expect(page.getByRole('button', { name: '再试一次' })).toHaveCount(0);
  await shot(page, 'kiosk-error-closed');

  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('heading', { name: civil.name })).toBeVisible();
  await page.unroute('**' + TAKEN);
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByText(PROMPT)).toBeVisible();
});

test('a kiosk that loses the server says so and reconnects by itself', async ({ page }) => {
  let reachable = true;
  const live: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (!reachable) return dropLikeOffline(ws);
    ws.connectToServer();
    live.push(ws);
  });
  await openKiosk(page, PORTRAIT);
  await expect(page.getByText('正在连接服务器…')).toHaveCount(0);

  reachable = false;
  for (const ws of live.splice(0)) await ws.close();
  await expect(page.getByText('正在连接服务器…')).toBeVisible();
  await expect(page.getByText(PROMPT)).toBeVisible(); // the businesses stay on screen meanwhile
  await expectKioskFriendly(page);
  await shot(page, 'kiosk-disconnected');

  reachable = true;
  await expect(page.getByText('正在连接服务器…')).toHaveCount(0);
});

test('the phone page: unknown tickets, ?id= links', async ({ browser, request }) => {
  const mobile = await phone(browser);
  await mobile.goto('/s/no-such-ticket');
  await expect(mobile.getByText('没有这个号，可能已过期（号票只在当天有效）')).toBeVisible();
  expect(await elderIssues(mobile, 18, 0)).toEqual([]);
  await shot(mobile, 'status-unknown');

  const housing = (await services(request)).find((s) => s.id === 'housing')!;
  const res = await request.post(TAKEN, { data: { serviceId: housing.id } });
  const t = (await res.json()) as TicketView;
  await mobile.goto(`/status/?id=${encodeURIComponent(t.id)}`);
  await expect(mobile.locator('.number')).toHaveText(t.number);
  await expect(mobile.getByText(housing.name)).toBeVisible();
  await mobile.context().close();
});
