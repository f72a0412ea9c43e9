// Shared steps for end-to-end tests: they act through the pages like a person would,
// and use the API only to set the scene (e.g. other villagers taking tickets).
import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.ts';

export { E2E_PASSWORD };

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

/** A villager taking a ticket elsewhere (another kiosk, the API). */
export async function takeTicket(request: APIRequestContext, serviceId: string, priority = false) {
  const res = await request.post('/api/tickets', { data: { serviceId, priority } });
  if (res.status() !== 201) throw new Error(`take ${serviceId}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; number: string; statusUrl: string };
}

export async function apiSignIn(request: APIRequestContext, username: string, counterId?: string): Promise<string> {
  const res = await request.post('/api/session', { data: { username, password: E2E_PASSWORD, ...(counterId && { counterId }) } });
  if (!res.ok()) throw new Error(`sign in ${username}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A clerk signs in through the console's own form, at a window. */
export async function signInAtConsole(page: Page, username: string, counterId: string): Promise<void> {
  await page.goto('/clerk/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('窗口', { exact: true }).selectOption(counterId);
  await page.getByRole('button', { name: '签到上岗' }).click();
}

/** A supervisor (or admin) signs in through the supervisor page's form. */
export async function signInAtSupervisor(page: Page, username = 'supervisor'): Promise<void> {
  await page.goto('/supervisor/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Finish whatever a window holds and leave it idle, so tests don't depend on each other. */
export async function clearCounter(request: APIRequestContext, token: string, counterId: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  await request.post(`/api/counters/${counterId}/resume`, { headers });
  for (;;) {
    const done = await request.post(`/api/counters/${counterId}/complete`, { headers, data: {} });
    if (done.status() === 409) break;
  }
}

/**
 * What a 70-year-old could not read or tap on the current screen: text under
 * `minFont` px, text/background contrast under 4.5:1, buttons under `minButton` px.
 */
export async function elderIssues(page: Page, minFont: number, minButton: number): Promise<string[]> {
  return page.evaluate(
    ({ minFont, minButton }) => {
      type Rgba = { r: number; g: number; b: number; a: number };
      const parse = (c: string): Rgba => {
        const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
        return { r, g, b, a };
      };
      const lum = ({ r, g, b }: Rgba) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): Rgba => {
        for (; el; el = el.parentElement) {
          const c = parse(getComputedStyle(el).backgroundColor);
          if (c.a > 0.5) return c;
        }
        return { r: 255, g: 255, b: 255, a: 1 };
      };
      const issues: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        const el = n.parentElement;
        if (!text || !el || el.closest('.sr-only')) continue;
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height) continue;
        const cs = getComputedStyle(el);
        const size = parseFloat(cs.fontSize);
        if (size < minFont) issues.push(`"${text}" is ${size}px`);
        const [hi, lo] = [lum(parse(cs.color)), lum(background(el))].sort((x, y) => y - x) as [number, number];
        const ratio = (hi + 0.05) / (lo + 0.05);
        if (ratio < 4.5) issues.push(`"${text}" contrast ${ratio.toFixed(2)}:1`);
      }
      for (const b of document.querySelectorAll('button')) {
        const r = b.getBoundingClientRect();
        if (r.height < minButton || r.width < minButton) issues.push(`button "${b.textContent}" is ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return issues;
    },
    { minFont, minButton },
  );
}
