// The kiosk in a real hall's setup (e2e/bigHall.ts: 16 businesses with long names, 12
// shared windows): every screen fits each kiosk size without clipped or off-screen text,
// every business has its own colour and letter, and double taps act only on the screen
// the villager saw when pressing.
import type { Page } from '@playwright/test';
import type { ServiceView } from '../shared/types.ts';
import { BIG_SERVICES } from './bigHall.ts';
import { expectNothingClipped } from './clipping.ts';
import { elderIssues, shot, takeTicket, expect, test } from './helpers.ts';

test.use({ hallKind: 'big' });

const SIZES = [
  { name: 'portrait-1080', width: 1080, height: 1920 },
  { name: 'landscape-1920', width: 1920, height: 1080 },
  { name: 'landscape-1280', width: 1280, height: 800 },
];
const PROMPT = '请点您要办的事';
const tile = (page: Page, name: string) => page.locator('.service', { hasText: name });

/** Two taps `gapMs` apart at the middle of what `locator` shows now, with a real mouse. */
async function doubleTap(page: Page, box: { x: number; y: number; width: number; height: number }, gapMs = 150) {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  // An input timing (the second tap of a double tap), not a wait for the app.
  await page.waitForTimeout(gapMs);
  await page.mouse.click(x, y);
}

for (const size of [SIZES[0]!, SIZES[2]!]) test(`double taps on every tile and on 完成 act only on the screen that was showing (${size.name})`, async ({ page, request }) => {
  await page.setViewportSize(size);
  await page.goto('/kiosk/');
  await expect(page.getByText(PROMPT)).toBeVisible();
  // Every take the kiosk sends, and which page was showing when it left.
  const takes: { serviceId: string; priority: boolean; from: string }[] = [];
  let showing = 'start';
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) takes.push({ ...(r.postDataJSON() as { serviceId: string; priority: boolean }), from: showing });
  });

  /** The button (or tile) a tap at the middle of `box` would land on now. */
  const under = (box: { x: number; y: number; width: number; height: number }) =>
    page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent?.trim() ?? null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });

  for (const s of BIG_SERVICES) {
    const t = tile(page, s.name);
    await expect(t).toBeEnabled(); // the start screen has settled: a person's first tap
    const tileBox = (await t.boundingBox())!;
    await doubleTap(page, tileBox);
    // The second tap did not take a ticket from a page nobody read: the materials are on screen.
    await expect(page.getByRole('heading', { name: s.name })).toBeVisible();
    await expect(page.getByText('请带好这些材料')).toBeVisible();
    expect(takes).toHaveLength(BIG_SERVICES.indexOf(s));
    // Nor could it have: no take button sits where the tile was.
    expect(await under(tileBox) ?? '', `under tile ${s.prefix}`).not.toMatch(/取号/);

    showing = `materials of ${s.id}`;
    await page.getByRole('button', { name: '普通取号' }).click();
    await expect(page.getByTestId('ticket-number')).toHaveText(new RegExp(`^${s.prefix}\\d{3}$`));
    const done = page.getByRole('button', { name: '完成' });
    await expect(done).toBeEnabled();
    showing = `ticket of ${s.id}`;
    const doneBox = (await done.boundingBox())!;
    await doubleTap(page, doneBox);
    // Back at the start, and the second tap on 完成 opened no business: none sits under it.
    await expect(page.getByText(PROMPT)).toBeVisible();
    await expect(page.locator('.details')).toHaveCount(0);
    expect(await page.locator('.service').evaluateAll((tiles, b) => tiles.some((t) => {
      const r = t.getBoundingClientRect();
      return r.left < b.x + b.width && b.x < r.right && r.top < b.y + b.height && b.y < r.bottom;
    }), doneBox), '完成 over a tile').toBe(false);
    showing = 'start';
  }

  // One ticket per business, each sent by the tap on 普通取号 of its own materials page.
  expect(takes).toEqual(BIG_SERVICES.map((s) => ({ serviceId: s.id, priority: false, from: `materials of ${s.id}` })));
  const services = (await (await request.get('/api/services')).json()) as ServiceView[];
  expect(services.reduce((n, s) => n + s.waiting, 0)).toBe(BIG_SERVICES.length);
});

test('a double tap with a finger (touch) opens the materials page and takes nothing', async ({ browser, hall }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: hall.url });
  const page = await ctx.newPage();
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) posts++;
  });
  await page.goto('/kiosk/');
  for (const s of BIG_SERVICES.slice(0, 4)) {
    const t = tile(page, s.name);
    await expect(t).toBeEnabled();
    const box = (await t.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.touchscreen.tap(x, y);
    await page.waitForTimeout(150); // the second tap's timing
    await page.touchscreen.tap(x, y);
    await expect(page.getByRole('heading', { name: s.name })).toBeVisible();
    const back = page.getByRole('button', { name: '‹ 返回' });
    await expect(back).toBeEnabled();
    await back.click();
    await expect(page.getByText(PROMPT)).toBeVisible();
  }
  expect(posts).toBe(0);
});

for (const size of SIZES) {
  test(`every kiosk screen fits ${size.name} with 16 long-named businesses`, async ({ page, request }) => {
    // Queues of different lengths, so the tiles show their longest waiting line.
    for (const [i, s] of BIG_SERVICES.entries()) for (let n = 0; n < i % 4; n++) await takeTicket(request, s.id);
    await page.setViewportSize(size);
    await page.goto('/kiosk/');
    await expect(page.getByText(PROMPT)).toBeVisible();
    await expect(page.locator('.service')).toHaveCount(16);
    await expect(page.locator('.service-wait').filter({ hasText: '人在等' }).first()).toBeVisible();
    await shot(page, `kiosk-big-${size.name}-start`);
    await expectNothingClipped(page);
    expect(await elderIssues(page, 24, 100)).toEqual([]);

    // Told apart without reading: a colour and a letter of its own on every tile.
    const looks = await page.locator('.service').evaluateAll((tiles) => tiles.map((t) => ({ colour: getComputedStyle(t).backgroundColor, letter: t.querySelector('.letter')?.textContent ?? '' })));
    expect(new Set(looks.map((l) => l.colour)).size).toBe(16);
    expect(looks.map((l) => l.letter)).toEqual(BIG_SERVICES.map((s) => s.prefix));

    // The materials page of the longest name, and its ticket.
    const longest = [...BIG_SERVICES].sort((a, b) => b.name.length - a.name.length)[0]!;
    await tile(page, longest.name).click();
    await expect(page.getByRole('heading', { name: longest.name })).toBeVisible();
    await shot(page, `kiosk-big-${size.name}-materials`);
    await expectNothingClipped(page);
    await page.getByRole('button', { name: '普通取号' }).click();
    await expect(page.getByTestId('ticket-number')).toBeVisible();
    await shot(page, `kiosk-big-${size.name}-ticket`);
    await expectNothingClipped(page);
    await page.getByRole('button', { name: '完成' }).click();

    // The secondary screens: rating by number, and the comment book.
    await page.getByRole('button', { name: '评价服务' }).click();
    await expect(page.getByRole('button', { name: longest.prefix, exact: true })).toBeVisible();
    await shot(page, `kiosk-big-${size.name}-rate-number`);
    await expectNothingClipped(page);
    await page.getByRole('button', { name: '‹ 返回' }).click();
    await page.getByRole('button', { name: '意见簿' }).click();
    await expect(page.getByRole('heading', { name: '意见簿' })).toBeVisible();
    await shot(page, `kiosk-big-${size.name}-comment`);
    await expectNothingClipped(page);
  });
}
