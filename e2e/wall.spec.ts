// The wall screen in a real hall's setup (e2e/bigHall.ts: 12 windows, 16 businesses
// with long names): at 1920×1080 and 1366×768 no text is clipped or off-screen, each
// window shows its businesses, the waiting counts fit by turning pages, and the sound
// prompt covers nothing. A rush of 12 calls within a second is read out once each, in
// order, and within 60 s of speech (the announcer's record of each utterance's length:
// the server's WAV as measured by the browser, so no sound needs hearing).
import type { APIRequestContext, Page } from '@playwright/test';
import type { ServiceView } from '../shared/types.ts';
import type { Announcement } from '../display/announcer.ts';
import { PAGE_MS } from '../display/view.ts';
import { BIG_SERVICES } from './bigHall.ts';
import { expectNothingClipped } from './clipping.ts';
import { apiSignIn, elderIssues, shot, takeTicket, expect, test } from './helpers.ts';
import AxeBuilder from '@axe-core/playwright';

test.use({ hallKind: 'big' });

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;

const records = (page: Page) => page.evaluate(() => (window as unknown as { __announcements: Announcement[] }).__announcements.map((a) => ({ ...a })));

/** All takes come from one address: lift the per-address limit as an admin would. */
async function liftTakeLimit(request: APIRequestContext): Promise<void> {
  const headers = { authorization: `Bearer ${await apiSignIn(request, 'admin')}` };
  const { settings } = (await (await request.get('/api/settings', { headers })).json()) as { settings: Record<string, unknown> };
  const { printer: _, ...hall } = settings;
  const res = await request.put('/api/settings/hall', { headers, data: { ...hall, limits: { takesPerMinute: 100_000, commentsPerHour: 100_000 } } });
  expect(res.status()).toBe(200);
}

/** Clerk n signs in at window n; returns a function that posts to that window's actions. */
async function windowsStaffed(request: APIRequestContext, ids: number[]) {
  const tokens = new Map<number, string>();
  for (const n of ids) tokens.set(n, await apiSignIn(request, `clerk${n}`, String(n)));
  return async (n: number, action: string, data?: object) => {
    const res = await request.post(`/api/counters/${n}/${action}`, { headers: { authorization: `Bearer ${tokens.get(n)}` }, ...(data && { data }) });
    expect(res.status(), `${action} at window ${n}`).toBe(200);
    return (await res.json()) as { ticket?: { number: string } | null };
  };
}

/** Boxes that overlap, as "a × b". */
async function overlaps(page: Page, a: string, bs: string[]): Promise<string[]> {
  const box = await page.locator(a).boundingBox();
  if (!box) return [`${a} not shown`];
  const out: string[] = [];
  for (const b of bs) {
    for (const other of await page.locator(b).all()) {
      const o = await other.boundingBox();
      if (o && box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height) out.push(`${a} × ${b}`);
    }
  }
  return out;
}

test('12 windows and 16 long-named businesses fit the wall at 1920×1080 and 1366×768, nothing clipped, the sound prompt over nothing', async ({ page, request }) => {
  await liftTakeLimit(request);
  // Windows 1–11 staffed; 12 has nobody today.
  const act = await windowsStaffed(request, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  for (const s of BIG_SERVICES) for (let k = 0; k < 4; k++) await takeTicket(request, s.id);
  for (let n = 1; n <= 9; n++) await act(n, 'next');
  await act(1, 'recall');
  await act(2, 'start');
  await act(10, 'pause', { reason: '午休' });
  const services = (await (await request.get('/api/services')).json()) as ServiceView[];
  // Each window's businesses, by their letters, as the wall must show them.
  const lettersOf = (n: number) =>
    services
      .filter((s) => s.counters.includes(`${n}号窗口`))
      .map((s) => s.prefix)
      .sort()
      .join('');

  await page.clock.install(); // the waiting list turns its pages on this clock
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto('/display/');
    await expect(page.locator('.card')).toHaveCount(12);
    await expect(page.locator('[data-counter="1"] .card-status')).toHaveText('第 2 次呼叫');
    await expect(page.locator('[data-counter="2"] .card-status')).toHaveText('正在办理');
    await expect(page.locator('[data-counter="10"] .card-status')).toHaveText('暂停服务：午休');
    await expect(page.locator('[data-counter="12"] .card-status')).toHaveText('暂无工作人员');
    const prompt = page.getByRole('button', { name: /点击任意处开启声音/ });
    await page.clock.runFor(1500);
    await expect(prompt).toBeVisible();

    // Every window shows the businesses it serves (their letters: the names do not fit 12 cards).
    for (let n = 1; n <= 12; n++) {
      const letters = (await page.locator(`[data-counter="${n}"] .letter`).allInnerTexts()).sort().join('');
      expect(letters, `window ${n}`).toBe(lettersOf(n));
      expect(letters.length).toBeGreaterThanOrEqual(2);
    }
    // The waiting list names all 16 with their letters and counts, two pages of 8.
    const names: string[] = [];
    for (let p = 0; p < 2; p++) {
      await expect(page.locator('.waiting li')).toHaveCount(8);
      await expect(page.locator('.pager-text')).toHaveText(`第 ${p + 1}/2 页`);
      await expectNothingClipped(page);
      expect(await overlaps(page, '.sound-prompt', ['.card', '.side section', '.call-strip'])).toEqual([]);
      expect(await elderIssues(page, 16, 40)).toEqual([]);
      await shot(page, `wall-big-${size.width}-page${p + 1}`);
      for (const li of await page.locator('.waiting li').all()) {
        const [letter, name, count] = await Promise.all([li.locator('.letter').innerText(), li.locator('.waiting-name').innerText(), li.locator('.waiting-count').innerText()]);
        const s = services.find((x) => x.name === name);
        expect(s, name).toBeDefined();
        expect(letter).toBe(s!.prefix);
        expect(count).toMatch(/^\d+ 人$/);
        names.push(name);
      }
      await page.clock.runFor(PAGE_MS);
    }
    expect(names.sort()).toEqual(BIG_SERVICES.map((s) => s.name).sort());
    // axe: no control is named other than it reads (label-content-name-mismatch), and no
    // other WCAG A/AA finding on the wall screen.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Sound on: the prompt goes and the call strip has the footer to itself.
    await page.mouse.click(size.width / 2, size.height / 2);
    await expect(prompt).toBeHidden();
    await expectNothingClipped(page);
  }
});

test('12 windows calling within a second are each read out once, in order, all within 60 s of speech, the call being read marked on screen', async ({ page, request, voice }) => {
  // Real playback of the server's WAVs: about 55 s for the whole rush.
  test.slow();
  test.skip(voice === null, 'needs espeak-ng (the server voice) for utterances of a real length; CI installs it');
  await liftTakeLimit(request);
  const windows = Array.from({ length: 12 }, (_, i) => i + 1);
  const act = await windowsStaffed(request, windows);
  for (const s of BIG_SERVICES) for (let k = 0; k < 3; k++) await takeTicket(request, s.id);

  await page.setViewportSize(SIZES[0]);
  await page.goto('/display/');
  await expect(page.locator('.card')).toHaveCount(12);
  await page.getByRole('button', { name: /点击任意处开启声音/ }).click();
  await expect(page.locator('.sound-prompt')).toBeHidden();

  // The rush: every window presses 下一位 within a second; the hall's order is the order of the replies.
  const called: { number: string; counterId: string }[] = [];
  for (const n of windows) called.push({ number: (await act(n, 'next')).ticket!.number, counterId: String(n) });

  // While the voice is behind, the call being read is marked: the strip says it with a
  // speaker, its window's card too (read in one go, as the voice moves on every 4 s).
  const marked = () =>
    page.evaluate(() => {
      const list = (window as unknown as { __announcements: Announcement[] }).__announcements;
      const i = list.findIndex((r) => r.status === 'speaking');
      const strip = document.querySelector('.call-strip[data-speaking="true"] .call-text');
      const cards = [...document.querySelectorAll<HTMLElement>('.card[data-speaking="true"]')].map((c) => c.dataset.counter);
      return i < 2 ? null : { strip: strip?.textContent === list[i]!.text, cards: cards.join() === list[i]!.counterId };
    });
  await expect.poll(marked, { timeout: 30_000 }).toEqual({ strip: true, cards: true });
  await expect(page.locator('.call-speaker')).toHaveAccessibleName('正在播报');
  await shot(page, 'wall-rush-speaking');

  // Every call read, once, in call order, by the server's voice.
  await expect.poll(async () => (await records(page)).filter((r) => r.status !== 'queued' && r.status !== 'speaking').length, { timeout: 120_000 }).toBe(12);
  const heard = await records(page);
  expect(heard.map((r) => ({ number: r.number, counterId: r.counterId }))).toEqual(called);
  expect(heard.map((r) => [r.status, r.via])).toEqual(windows.map(() => ['done', 'server']));
  for (const [i, r] of heard.entries()) if (i > 0) expect(r.startedAt!).toBeGreaterThanOrEqual(heard[i - 1]!.endedAt!);
  // Each read once (after the first, which began before the rush was known), briskly.
  expect(heard.slice(1).every((r) => r.brisk && r.utteranceMs.length === 1)).toBe(true);
  // The lengths are the WAVs' own (measured by the browser at the pace played), not estimates of zero.
  for (const r of heard) for (const ms of r.utteranceMs) expect(ms).toBeGreaterThan(2500);
  const speech = heard.reduce((t, r) => t + r.speechMs, 0) + 600 * (heard.length - 1);
  console.log(`rush of 12: ${(speech / 1000).toFixed(1)} s of speech; readings ${heard.map((r) => r.utteranceMs.map((ms) => (ms / 1000).toFixed(2)).join('+')).join(', ')}`);
  expect(speech).toBeLessThanOrEqual(60_000);
  // Once the voice has caught up, the strip shows the last call again, unmarked.
  await expect(page.locator('.call-strip[data-speaking]')).toHaveCount(0);
  await expect(page.locator('.call-text')).toContainText(called.at(-1)!.number);
  await shot(page, 'wall-rush-done');
});
