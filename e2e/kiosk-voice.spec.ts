// The kiosk's 听 button reads each screen aloud: the businesses, the materials to bring,
// the ticket ("您的号码是 A012，前面还有 3 人"). Headless Chromium has no speech voices,
// so the kiosk falls back, as the wall screen does, to the server's espeak-ng rendering
// of the same words; the test reads what the kiosk recorded (window.__guide) and the WAV
// it fetched, not sound.
import type { Locator, Page } from '@playwright/test';
import type { ServiceView } from '../shared/types.ts';
import { expectNothingClipped } from './clipping.ts';
import { elderIssues, shot, takeTicket, expect, test } from './helpers.ts';
import type { GuideEntry } from '../kiosk/guide.ts';

const PROMPT = '请点您要办的事';
const listen = (page: Page) => page.getByRole('button', { name: /^(听|停)$/ });
type Recorded = { __guide?: GuideEntry[] };
const lastReading = (page: Page) => page.evaluate(() => (window as Recorded).__guide?.at(-1) ?? null);

/** Taps 听 and returns the WAV the kiosk fetched for it, and what it recorded. */
async function hear(page: Page, screen: string) {
  const wav = page.waitForResponse((r) => r.url().includes('/api/guide.wav') && r.url().includes(`screen=${screen}`));
  await listen(page).click();
  const res = await wav;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('audio/wav');
  const entry = (await lastReading(page))!;
  expect(entry).toMatchObject({ screen, via: 'server' });
  return { entry, url: new URL(res.url()) };
}

test('听 reads the businesses, the materials and the ticket aloud, in the server voice when the browser has none', async ({ page, request, voice }) => {
  test.skip(!voice, 'espeak-ng with Mandarin is not installed here');
  const services = (await (await request.get('/api/services')).json()) as ServiceView[];
  const family = services.find((s) => s.id === 'family')!;
  for (let i = 0; i < 3; i++) await takeTicket(request, 'family');

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  await expect(page.getByText(PROMPT)).toBeVisible();
  await expect(listen(page)).toHaveText('听');
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectNothingClipped(page);

  // The start screen: every business with its letter.
  const start = await hear(page, 'start');
  for (const s of services) expect(start.entry.text).toContain(`${s.prefix}，${s.name}`);
  await expect(listen(page)).toHaveText('停'); // a second tap stops it
  await listen(page).click();
  await expect(listen(page)).toHaveText('听');
  await expect.poll(async () => (await lastReading(page))!.status).toBe('stopped'); // the stop lands as the screen changes

  // The materials page: every item to bring, and the queue.
  await page.getByRole('button', { name: new RegExp(family.name) }).click();
  await expect(page.getByRole('heading', { name: family.name })).toBeVisible();
  const materials = await hear(page, 'materials');
  expect(materials.url.searchParams.get('service')).toBe('family');
  for (const m of family.materials) expect(materials.entry.text).toContain(m);
  expect(materials.entry.text).toContain('现在排队 3 人');
  await shot(page, 'kiosk-listen-materials');
  await expectNothingClipped(page);

  // A new screen stops the reading of the last one.
  await page.getByRole('button', { name: '普通取号' }).click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await expect.poll(async () => (await lastReading(page))!.status).toBe('stopped'); // the stop lands as the screen changes
  const number = (await page.getByTestId('ticket-number').textContent())!;

  // The ticket, as the issue asks it read: its number digit by digit for the voice.
  const ticket = await hear(page, 'ticket');
  expect(ticket.entry.text).toContain(`您的号码是 ${number}，前面还有 3 人`);
  const digits = [...number.slice(1)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');
  expect(ticket.entry.spoken).toContain(`您的号码是 ${number[0]}${digits}，前面还有 3 人`);
  await shot(page, 'kiosk-listen-ticket');
  await expectNothingClipped(page);
  // The WAV plays to its end.
  await expect.poll(async () => (await lastReading(page))!.status, { timeout: 30_000 }).toBe('done');
});

test('every kiosk screen has the 听 button, on screen and large', async ({ page }) => {
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/kiosk/');
  const check = async (name: string, on: Page | Locator = page) => {
    const button = on.getByRole('button', { name: '听', exact: true });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(box.width, name).toBeGreaterThanOrEqual(100);
    expect(box.height, name).toBeGreaterThanOrEqual(100);
    await expectNothingClipped(page);
  };
  await check('start');
  await page.getByRole('button', { name: '评价服务' }).click();
  await expect(page.getByRole('heading', { name: '评价服务' })).toBeVisible();
  await check('rate-number');
  await shot(page, 'kiosk-listen-rate-number');
  await page.getByRole('button', { name: '‹ 返回' }).click();
  await page.getByRole('button', { name: '意见簿' }).click();
  await expect(page.getByRole('heading', { name: '意见簿' })).toBeVisible();
  await check('comment');
  await page.clock.runFor(61_000);
  const ask = page.getByRole('alertdialog', { name: '还在吗？' });
  await expect(ask).toBeVisible();
  await expect(page.locator('fieldset.screen')).toHaveAttribute('inert', ''); // nothing under it can be tapped
  await check('still-there', ask);
  // Hearing the question read is not an answer to it.
  await ask.getByRole('button', { name: '听', exact: true }).click();
  await expect(ask).toBeVisible();
  expect((await lastReading(page))!.text).toContain('我还在');
});

test('a kiosk with no voice at all says so on the button', async ({ page }) => {
  await page.route('**/api/voice', (route) => route.fulfill({ json: { serverVoice: false } }));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/kiosk/');
  await expect(page.getByText(PROMPT)).toBeVisible();
  await listen(page).click();
  await expect(page.getByRole('button', { name: '没有语音' })).toBeVisible();
  expect(await lastReading(page)).toMatchObject({ screen: 'start', via: 'none', status: 'failed' });
  await expectNothingClipped(page);
});
