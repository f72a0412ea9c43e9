// A kiosk screen left with someone's half-made choice on it (a comment with a full
// phone number, a half-done bad rating, a materials page) is cleared for the next
// villager after a quiet minute, asking "还在吗？" first; nothing is sent from it.
// A fake clock: the minutes pass in an instant.
import type { Page } from '@playwright/test';
import { apiSignIn, clearCounter, shot, takeTicket, expect, test } from './helpers.ts';
import { expectNothingClipped } from './clipping.ts';

const PROMPT = '请点您要办的事';
const STILL = '还在吗？';

/** Every POST the kiosk sends, by path. */
function posts(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') sent.push(new URL(r.url()).pathname);
  });
  return sent;
}

async function typePhone(page: Page, digits: string) {
  await page.getByRole('button', { name: '点这里输入电话号码' }).click();
  const sheet = page.getByRole('dialog', { name: '输入电话号码' });
  for (const d of digits) await sheet.getByRole('button', { name: d, exact: true }).click();
  await sheet.getByRole('button', { name: '确定' }).click();
}

test('a half-written complaint with a phone number is asked about, then cleared, never sent', async ({ page }) => {
  await page.clock.install();
  const sent = posts(page);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: '意见簿' }).click();
  await page.getByRole('radio', { name: /投诉/ }).click();
  await page.getByRole('button', { name: '座位不够' }).click();
  await typePhone(page, '13900001111');
  const opinion = page.getByRole('textbox', { name: '您的意见' });
  await expect(opinion).toHaveValue('座位不够');

  // Just under a quiet minute: nothing asked.
  await page.clock.runFor(59_000);
  await expect(page.getByText(STILL)).toHaveCount(0);
  await page.clock.runFor(2_000);
  const ask = page.getByRole('alertdialog', { name: STILL });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(/\d+ 秒后回到首页/);
  await shot(page, 'kiosk-still-there');
  await expectNothingClipped(page);

  // 我还在: everything stays as it was, and the quiet minute starts again.
  await ask.getByRole('button', { name: '我还在' }).click();
  await expect(ask).toHaveCount(0);
  await expect(opinion).toHaveValue('座位不够');
  await expect(page.getByText('139 0000 1111')).toBeVisible();

  // Nobody answers: back to the start, the comment and the number gone, nothing sent.
  await page.clock.runFor(61_000);
  await expect(ask).toBeVisible();
  await page.clock.runFor(15_000);
  await expect(ask).toBeVisible(); // 20 s to answer
  await page.clock.runFor(6_000);
  await expect(page.getByText(PROMPT)).toBeVisible();
  await expect(ask).toHaveCount(0);
  await page.getByRole('button', { name: '意见簿' }).click();
  await expect(opinion).toHaveValue('');
  await expect(page.getByText('139 0000 1111')).toHaveCount(0);
  expect(sent.filter((p) => p !== '/socket.io/')).toEqual([]);
});

test('a half-done bad rating is cleared after asking, and the visit stays unrated', async ({ page, request }) => {
  // 建房审批 is served at window 6 alone: its "next" reaches our ticket.
  const token = await apiSignIn(request, 'clerk6', '6');
  await clearCounter(request, token, '6');
  const visit = await takeTicket(request, 'housing');
  const headers = { authorization: `Bearer ${token}` };
  expect((await request.post('/api/counters/6/next', { headers })).status()).toBe(200);
  expect((await request.post('/api/counters/6/complete', { headers, data: {} })).status()).toBe(200);

  await page.clock.install();
  const sent = posts(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: '评价服务' }).click();
  await page.getByRole('group', { name: '号码字母' }).getByRole('button', { name: visit.number[0]!, exact: true }).click();
  const digits = page.getByRole('group', { name: '号码数字' });
  for (const d of visit.number.slice(1)) await digits.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const keys = page.getByRole('group', { name: '评价码数字' });
  for (const d of visit.ratingKey) await keys.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '非常不满意', exact: true }).click();
  await page.locator('.reason').first().click();
  await typePhone(page, '13900002222');

  await page.clock.runFor(61_000);
  await expect(page.getByRole('alertdialog', { name: STILL })).toBeVisible();
  await shot(page, 'kiosk-still-there-landscape');
  await expectNothingClipped(page);
  await page.clock.runFor(21_000);
  await expect(page.getByText(PROMPT)).toBeVisible();

  expect(sent.filter((p) => p.startsWith('/api/ratings'))).toEqual([]);
  const after = (await (await request.get(`/api/tickets/by-number/${visit.number}`)).json()) as { rated: boolean };
  expect(after.rated).toBe(false);
});

test('a materials page left open asks, then goes back to the start; the start itself is never asked about', async ({ page }) => {
  await page.clock.install();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/kiosk/');
  await page.clock.runFor(5 * 60_000);
  await expect(page.getByText(STILL)).toHaveCount(0);
  await page.locator('.service').first().click();
  await expect(page.getByText('请带好这些材料')).toBeVisible();
  // Touching the screen (reading with a finger) restarts the quiet minute.
  await page.clock.runFor(40_000);
  await page.mouse.click(5, 500);
  await page.clock.runFor(40_000);
  await expect(page.getByText(STILL)).toHaveCount(0);
  await page.clock.runFor(21_000);
  await expect(page.getByText(STILL)).toBeVisible();
  await page.clock.runFor(21_000);
  await expect(page.getByText(PROMPT)).toBeVisible();
});
