// The network drops after the server took the ticket but before its answer reached the
// kiosk: the kiosk says it does not know, and its retry shows the ticket that was taken,
// never a second one.
import { expect, shot, test } from './helpers.ts';
import type { ServiceView, TakenTicket } from '../shared/types.ts';


test('a take whose answer was lost: the retry shows the same ticket, nothing taken twice', async ({ page, request }) => {
  const civil = ((await (await request.get('/api/services')).json()) as ServiceView[]).find((s) => s.id === 'civil')!;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: new RegExp(civil.name) }).click();

  // The server answers, but the answer never reaches the kiosk.
  let taken: TakenTicket | null = null;
  const keys: string[] = [];
  await page.route('**/api/tickets', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    const res = await route.fetch();
    taken = (await res.json()) as TakenTicket;
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: '普通取号' }).click();
  await expect(page.getByRole('heading', { name: '取号结果不确定' })).toBeVisible();
  await expect(page.getByText('没有取到号')).toHaveCount(0);
  expect(taken).not.toBeNull();
  await shot(page, 'kiosk-take-uncertain');

  // The network is back: 再试一次 sends the same key and shows the ticket already taken.
  await page.unroute('**/api/tickets');
  const retried = page.waitForRequest((r) => r.url().endsWith('/api/tickets') && r.method() === 'POST');
  await page.getByRole('button', { name: '再试一次' }).click();
  expect((await retried).headers()['idempotency-key']).toBe(keys[0]);
  await expect(page.getByTestId('ticket-number')).toHaveText(taken!.number);
  const waiting = ((await (await request.get('/api/services')).json()) as ServiceView[]).find((s) => s.id === 'civil')!.waiting;
  expect(waiting).toBe(civil.waiting + 1);
});
