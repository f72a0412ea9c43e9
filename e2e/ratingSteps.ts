// What the rating specs (rating.spec.ts, pad.spec.ts) share: the sizes of the screens,
// the words they show, and the steps that set the scene through the API (a clerk serving
// a visit) or drive the rating form as a villager would.
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { HallState, StaffTicket } from '../shared/types.ts';
import { takeTicket, expect } from './helpers.ts';

export const PAD = { width: 1280, height: 800 };
export const PAD_PORTRAIT = { width: 800, height: 1280 };
export const KIOSK = { width: 1080, height: 1920 };
export const KIOSK_LANDSCAPE = { width: 1280, height: 800 };
export const ASK = '请您对这次办事作出评价';
export const LEVEL_NAMES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
export const PROMPT = '请点您要办的事';
export const CONNECTING = '正在连接服务器…';


export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The clerk at `counterId` calls and finishes one visit after another until `ticketId`'s is done. */
export async function serveUntil(request: APIRequestContext, token: string, counterId: string, ticketId: string): Promise<void> {
  // A bound on presses, not on time: each press serves one ticket from a finite queue.
  for (let presses = 0; presses < 1000; presses++) {
    const res = await request.post(`/api/counters/${counterId}/next`, { headers: auth(token) });
    expect(res.status()).toBe(200);
    const { ticket } = (await res.json()) as { ticket: StaffTicket | null };
    if (!ticket) throw new Error(`window ${counterId} ran out of tickets before ${ticketId}`);
    expect((await request.post(`/api/counters/${counterId}/complete`, { headers: auth(token), data: {} })).status()).toBe(200);
    if (ticket.id === ticketId) return;
  }
  throw new Error(`window ${counterId} never reached ${ticketId}`);
}

/** A villager takes a ticket and is served at `counterId`. */
export async function finishVisit(request: APIRequestContext, token: string, counterId: string, serviceId: string) {
  const visit = await takeTicket(request, serviceId);
  await serveUntil(request, token, counterId, visit.id);
  return visit;
}

export async function byNumber(request: APIRequestContext, number: string) {
  const res = await request.get(`/api/tickets/by-number/${number}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { status: string; rated: boolean };
}

/** Every button on screen without scrolling. */
export async function expectButtonsOnScreen(page: Page) {
  const off = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1;
      })
      .map((b) => b.textContent?.trim()),
  );
  expect(off).toEqual([]);
}

export const levels = (page: Page) => page.getByRole('group', { name: '评价等级' }).getByRole('button');
export const level = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * The five levels as the standard names them, none chosen, none focused, and none
 * drawn bigger, bolder or in another colour than the rest.
 */
export async function expectNeutralLevels(page: Page) {
  await expect(levels(page)).toHaveText(LEVEL_NAMES);
  const looks = await levels(page).evaluateAll((buttons) =>
    buttons.map((b) => {
      const cs = getComputedStyle(b);
      const r = b.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height), bg: cs.backgroundColor, fg: cs.color, border: cs.borderColor, weight: cs.fontWeight, size: cs.fontSize, pressed: b.getAttribute('aria-pressed') };
    }),
  );
  for (const l of looks) expect(l).toEqual({ ...looks[0], pressed: null });
  expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
}

export async function typePhoneOnPad(page: Page, digits: string) {
  await page.getByRole('button', { name: '点这里输入电话号码' }).click();
  const sheet = page.getByRole('dialog', { name: '输入电话号码' });
  for (const d of digits) await sheet.getByRole('button', { name: d, exact: true }).click();
  return sheet;
}

export async function typeTicketNumber(page: Page, number: string) {
  const letters = page.getByRole('group', { name: '号码字母' });
  const digits = page.getByRole('group', { name: '号码数字' });
  await digits.getByRole('button', { name: '清空' }).click();
  await letters.getByRole('button', { name: number[0]!, exact: true }).click();
  for (const d of number.slice(1)) await digits.getByRole('button', { name: d, exact: true }).click();
}

export async function clerkAt(request: APIRequestContext, counterId: string) {
  const hall = (await (await request.get('/api/hall')).json()) as HallState;
  return hall.counters.find((c) => c.id === counterId)!.clerk!;
}

export async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return ctx.newPage();
}

export const pressed = (l: Locator) => expect(l).toHaveAttribute('aria-pressed', 'true');
