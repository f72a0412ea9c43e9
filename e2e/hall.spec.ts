// The whole hall, one visit, every page a person would look at: a villager takes a
// ticket at the kiosk and follows it on a phone; the clerk calls it from the console;
// the wall screen shows it and queues its announcement; the phone is told which window;
// the clerk finishes it and the phone says so.
import type { Page } from '@playwright/test';
import { apiSignIn, clearCounter, shot, signInAtConsole, expect, test } from './helpers.ts';

interface Announcement {
  number: string;
  counterId: string;
  status: string;
}

test('a visit from kiosk to finish, seen on every page', async ({ browser, request, baseURL }) => {
  // Window 6 is the only one serving 建房审批: empty its queue so the kiosk ticket is next.
  const prep = await apiSignIn(request, 'clerk6', '6');
  const headers = { authorization: `Bearer ${prep}` };
  await clearCounter(request, prep, '6');
  while (((await (await request.post('/api/counters/6/next', { headers })).json()) as { ticket: unknown }).ticket) {
    await request.post('/api/counters/6/complete', { headers, data: {} });
  }
  await request.delete('/api/session', { headers });

  const open = async (path: string, viewport: { width: number; height: number }): Promise<Page> => {
    const p = await browser.newPage({ viewport });
    await p.goto(path);
    return p;
  };

  // The wall screen, with sound switched on by staff in the morning.
  const wall = await open('/display/', { width: 1920, height: 1080 });
  await wall.getByText('点击任意处开启声音').click();

  // The clerk signs in at window 6.
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signInAtConsole(clerk, 'clerk6', '6');
  await expect(clerk.locator('header')).toContainText('杨帆');

  // A villager takes a 建房审批 ticket at the kiosk.
  const kiosk = await open('/kiosk/', { width: 1080, height: 1920 });
  await kiosk.getByRole('button', { name: /建房审批/ }).click();
  await expect(kiosk.getByText('宅基地使用证明')).toBeVisible();
  await kiosk.getByRole('button', { name: /普通取号/ }).click();
  const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
  expect(number).toMatch(/^H\d{3,}$/);
  await expect(kiosk.getByTestId('ticket-ahead')).toHaveText('0 人');
  await shot(kiosk, 'hall-1-kiosk-ticket');

  // …and scans the QR with a phone.
  const qr = await kiosk.getByRole('img', { name: /二维码/ }).getAttribute('src');
  const id = decodeURIComponent(/\/api\/tickets\/([^/]+)\/qr\.svg/.exec(qr!)![1]!);
  const phone = await open(`${baseURL}/s/${encodeURIComponent(id)}`, { width: 390, height: 844 });
  await expect(phone.getByText(number).first()).toBeVisible();
  await expect(phone.getByText('排队等候中')).toBeVisible();

  // The ticket shows up in the clerk's queue by itself; the clerk calls it.
  await expect(clerk.getByTestId('queue')).toContainText(number);
  await clerk.getByRole('button', { name: /^叫号/ }).click();
  await expect(clerk.getByTestId('current-number')).toHaveText(number);
  await shot(clerk, 'hall-2-clerk-called');

  // The wall screen shows it at window 6 and has queued its announcement.
  await expect(wall.locator('[data-counter="6"] .card-number')).toHaveText(number);
  await expect(wall.locator('.call-text')).toHaveText(`请 ${number} 号到6号窗口办理`);
  const announced = () => wall.evaluate(() => (window as unknown as { __announcements: Announcement[] }).__announcements.map((a) => ({ ...a })));
  await expect.poll(async () => (await announced()).filter((a) => a.number === number && a.counterId === '6').length).toBe(1);
  await shot(wall, 'hall-3-wall-called');

  // The phone is told where to go, without a reload.
  await expect(phone.getByText('请到 6号窗口')).toBeVisible();
  await shot(phone, 'hall-4-phone-called');

  // The villager sits down: the clerk starts the visit, then finishes it (即办); the
  // phone says it is done.
  await clerk.getByRole('button', { name: '开始办理 F8', exact: true }).click();
  await clerk.getByRole('button', { name: /^办结（即办）/ }).click();
  await expect(clerk.getByTestId('last-done')).toContainText(`${number} 已办结`);
  await expect(phone.getByText('已办结')).toBeVisible();
  await shot(phone, 'hall-5-phone-done');
  const t = await (await request.get(`/api/tickets/${id}`)).json();
  expect(t).toMatchObject({ number, status: 'done', counterId: '6' });

  for (const p of [wall, clerk, kiosk, phone]) await p.close();
});
