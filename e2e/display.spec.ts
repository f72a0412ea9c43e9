// The wall screen against the real server: two windows calling within the same second
// are both shown and both announced, in order, once each; a recall is announced again;
// a screen that loses the server says so, comes back by itself to the true state and
// reads out nothing it missed. Headless Chromium has no speech voices, so the test
// checks the announcer's record (window.__announcements), not the sound.
import type { Page, WebSocketRoute } from '@playwright/test';
import { expectNothingClipped } from './clipping.ts';
import { apiSignIn, clearCounter, dropLikeOffline, shot, takeTicket, expect, test } from './helpers.ts';

interface Entry {
  number: string;
  counterId: string;
  callCount: number;
  status: string;
  via: string;
  startedAt?: number;
  endedAt?: number;
  utteranceMs: number[];
  brisk: boolean;
}

/** Ceiling for announcements to finish: two calls of ~13 s each, with room to spare. */
const SPOKEN = 60_000;

const records = (page: Page) => page.evaluate(() => (window as unknown as { __announcements: Entry[] }).__announcements.map((a) => ({ ...a })));

test.use({ viewport: { width: 1920, height: 1080 } });

test('wall screen shows and announces every call once, in order, and survives losing the server', async ({ page, request }) => {
  // Each announcement really plays: chime, then the server's WAV twice (about 13 s a call).
  test.slow();
  // The page's websocket goes through Playwright, so the test can pull the cable.
  let offline = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return dropLikeOffline(ws);
    open.push({ page: ws, server: ws.connectToServer() });
  });

  const t3 = await apiSignIn(request, 'clerk3', '3');
  const t2 = await apiSignIn(request, 'clerk2', '2');
  await clearCounter(request, t3, '3');
  await clearCounter(request, t2, '2');
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  await page.goto('/display/');
  await expect(page.locator('h1')).toHaveText('青山镇为民服务中心');
  await expect(page.locator('.clock-time')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  const overlay = page.getByRole('button', { name: /点击任意处开启声音/ });
  await expect(overlay).toBeVisible();
  await shot(page, 'display-sound-overlay');
  await page.mouse.click(960, 540);
  await expect(overlay).toBeHidden();
  const before = (await records(page)).length;

  await takeTicket(request, 'household');
  await takeTicket(request, 'civil');
  const next = async (token: string, counterId: string) => {
    const res = await request.post(`/api/counters/${counterId}/next`, { headers: auth(token) });
    expect(res.status()).toBe(200);
    const { ticket } = (await res.json()) as { ticket: { number: string } | null };
    expect(ticket).not.toBeNull();
    return ticket!.number;
  };
  // Both windows call within the same second; the server's order is the order of these replies.
  const first = await next(t3, '3');
  const second = await next(t2, '2');

  await expect(page.locator('[data-counter="3"] .card-number')).toHaveText(first);
  await expect(page.locator('[data-counter="2"] .card-number')).toHaveText(second);
  await expect(page.locator('[data-counter="3"]')).toHaveClass(/flash/);
  await expect(page.locator('.recent li').first()).toContainText(second);
  // The strip says the call being read out, marked with a speaker; the second waits its turn.
  await expect(page.locator('.call-strip[data-speaking="true"] .call-text')).toHaveText(`请 ${first} 号到3号窗口办理`);
  await expect(page.locator('[data-counter="3"]')).toHaveAttribute('data-speaking', 'true');
  await expectNothingClipped(page);
  await shot(page, 'display-two-calls');

  // Both announced, in call order, each once, one after the other, none left hanging.
  await expect
    .poll(async () => (await records(page)).slice(before).map((a) => [a.number, a.counterId, a.status]), { timeout: SPOKEN })
    .toEqual([
      [first, '3', 'done'],
      [second, '2', 'done'],
    ]);
  const [a, b] = (await records(page)).slice(before);
  expect(['server', 'chime-only']).toContain(a!.via);
  expect(b!.startedAt!).toBeGreaterThanOrEqual(a!.endedAt!);
  // Two calls are no rush: each read twice, at the usual pace.
  if (a!.via === 'server') expect([a!.utteranceMs.length, a!.brisk, b!.utteranceMs.length, b!.brisk]).toEqual([2, false, 2, false]);
  // Said and done: the strip shows the last call, unmarked.
  await expect(page.locator('.call-strip:not([data-speaking]) .call-text')).toHaveText(`请 ${second} 号到2号窗口办理`);

  // A recall is a new call: announced again, with its count.
  const recall = await request.post('/api/counters/3/recall', { headers: auth(t3) });
  expect(recall.status()).toBe(200);
  await expect(page.locator('[data-counter="3"] .card-status')).toHaveText('第 2 次呼叫');
  await expect
    .poll(async () => (await records(page)).slice(before).map((r) => [r.number, r.callCount, r.status]), { timeout: SPOKEN })
    .toEqual([
      [first, 1, 'done'],
      [second, 1, 'done'],
      [first, 2, 'done'],
    ]);
  await shot(page, 'display-recall');

  // Pull the cable: the banner shows, and the hall moves on without this screen.
  offline = true;
  for (const ws of open.splice(0)) {
    await ws.server.close();
    await ws.page.close({ code: 4000, reason: 'offline' });
  }
  await expect(page.getByText('与服务器连接中断，正在重新连接…')).toBeVisible();
  await shot(page, 'display-offline');
  const heardBefore = (await records(page)).length;

  await request.post('/api/counters/2/complete', { headers: auth(t2), data: {} });
  await takeTicket(request, 'family');
  const missed = await next(t2, '2');
  await request.post('/api/counters/3/complete', { headers: auth(t3), data: {} });
  await request.post('/api/counters/3/pause', { headers: auth(t3), data: { reason: '午休' } });

  // Cable back: the screen reconnects by itself and shows the true state…
  offline = false;
  await expect(page.getByText('与服务器连接中断，正在重新连接…')).toBeHidden();
  await expect(page.locator('[data-counter="2"] .card-number')).toHaveText(missed);
  await expect(page.locator('[data-counter="3"]')).toHaveAttribute('data-state', 'paused');
  await expect(page.locator('[data-counter="3"] .card-status')).toHaveText('暂停服务：午休');
  await expect(page.locator('.recent li').first()).toContainText(missed);
  // …without reading out the call it missed, or replaying older ones.
  expect((await records(page)).length).toBe(heardBefore);
  await shot(page, 'display-reconnected');

  // And it keeps announcing new calls.
  await request.post('/api/counters/2/recall', { headers: auth(t2) });
  await expect
    .poll(async () => (await records(page)).slice(heardBefore).map((r) => [r.number, r.counterId, r.callCount, r.status]), { timeout: SPOKEN })
    .toEqual([[missed, '2', 2, 'done']]);

  await page.setViewportSize({ width: 1366, height: 768 });
  await expectNothingClipped(page);
  await shot(page, 'display-1366');

  await clearCounter(request, t3, '3');
  await clearCounter(request, t2, '2');
});

test('a screen with no Chinese voice anywhere chimes, flashes and tells staff', async ({ page, request }) => {
  // As if espeak-ng were missing on the server (headless Chromium has no voices of its own).
  await page.route('**/api/voice', (route) => route.fulfill({ json: { serverVoice: false } }));
  const token = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, token, '3');

  await page.goto('/display/');
  await page.getByText('点击任意处开启声音').click();
  await expect(page.getByText('本机没有中文语音')).toBeVisible();

  await takeTicket(request, 'household');
  const res = await request.post('/api/counters/3/next', { headers: { authorization: `Bearer ${token}` } });
  const { ticket } = (await res.json()) as { ticket: { number: string } };
  await expect(page.locator('[data-counter="3"] .card-number')).toHaveText(ticket.number);
  await expect
    .poll(async () => (await records(page)).map((a) => [a.number, a.status, a.via]))
    .toEqual([[ticket.number, 'done', 'chime-only']]);
  await shot(page, 'display-no-voice');

  await clearCounter(request, token, '3');
});
