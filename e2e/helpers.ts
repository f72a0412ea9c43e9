// Shared steps for end-to-end tests: they act through the pages like a person would,
// and use the API only to set the scene (e.g. other villagers taking tickets).
//
// Every test gets a hall of its own: the real app (server/app.ts, built pages, lowdb
// files in a fresh temp dir), started inside the Playwright worker on the worker's own
// port and closed after the test. Workers run side by side, tests of one file spread
// over them, and no test sees another's tickets or depends on which ran before it.
// Setup belongs in beforeEach: a beforeAll would get a hall of its own.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Page, type WebSocketRoute } from '@playwright/test';
import type { HallData } from '../shared/types.ts';
import { createApp } from '../server/app.ts';
import { seedDemoHall } from '../server/seed.ts';
import { bigHall } from './bigHall.ts';
import { fileStore } from '../server/store/index.ts';
import { findEspeak, type Voice } from '../server/voice.ts';

export { expect } from '@playwright/test';

/** Worker n serves its halls on E2E_PORT + n (default 3917). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3917);
export const E2E_PASSWORD = 'e2e-secret';
const DIST_DIR = path.resolve('dist');

export interface HallServer {
  url: string;
  /** The hall's DATA_DIR: closed days can be put in its archive/ as a rollover would. */
  dataDir: string;
}

export const test = base.extend<{ hall: HallServer; hallKind: 'demo' | 'big'; closeOwnContexts: void }, { hallPort: number; voice: Voice | null; demoHall: HallData }>({
  /** Which hall a test starts with: the demo's 8 businesses and 6 windows, or bigHall.ts. */
  hallKind: ['demo', { option: true }],
  // parallelIndex, not workerIndex: a worker restarted after a failure takes the
  // place (and the port) of the one it replaces.
  hallPort: [async ({}, use, workerInfo) => use(E2E_PORT + workerInfo.parallelIndex), { scope: 'worker' }],
  voice: [async ({}, use) => use(await findEspeak()), { scope: 'worker' }],
  // Seeded once per worker: each test's hall starts from a copy, without hashing the
  // accounts' passwords (scrypt) again.
  demoHall: [async ({}, use) => use((await seedDemoHall(Date.now(), E2E_PASSWORD)).data), { scope: 'worker' }],
  hall: async ({ hallPort, voice, demoHall, hallKind }, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `e2e-hall-${hallPort}-`));
    const log = path.join(dataDir, 'server.log');
    const app = await createApp({
      store: await fileStore(dataDir),
      distDir: DIST_DIR,
      voice,
      seed: async () => (hallKind === 'big' ? bigHall(demoHall) : structuredClone(demoHall)),
      log: (m) => appendFileSync(log, `${m}\n`),
    });
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(hallPort, () => resolve());
    });
    const port = (app.server.address() as AddressInfo).port;
    await use({ url: `http://localhost:${port}`, dataDir });
    await app.close();
    // A failed test keeps what its server said, in its report.
    if (testInfo.status !== testInfo.expectedStatus && existsSync(log)) await testInfo.attach('server.log', { path: log, contentType: 'text/plain' });
    rmSync(dataDir, { recursive: true, force: true });
  },
  baseURL: async ({ hall }, use) => {
    await use(hall.url);
  },
  // Playwright closes the contexts it made; the second console or the phone a test
  // opens with browser.newContext() would outlive it, reconnecting to the next test's
  // hall on the same port. Torn down before `hall`, which it depends on.
  closeOwnContexts: [
    async ({ browser, hall: _ }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
    { auto: true },
  ],
});

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

/**
 * Turns a page's Socket.IO connection away the way a failing network does: the
 * Engine.IO handshake, then the close, so the client retries on its usual back-off. A
 * connection closed before any handshake would make it wait out its 20 s connect
 * timeout instead, longer than a test waits for it to come back.
 */
export function dropLikeOffline(ws: WebSocketRoute): void {
  ws.send('0' + JSON.stringify({ sid: 'offline', upgrades: [], pingInterval: 25_000, pingTimeout: 20_000, maxPayload: 1_000_000 }));
  void ws.close({ code: 4000, reason: 'offline' });
}

/** A villager taking a ticket elsewhere (another kiosk, the API). */
export async function takeTicket(request: APIRequestContext, serviceId: string, priority = false) {
  const res = await request.post('/api/tickets', { data: { serviceId, priority } });
  if (res.status() !== 201) throw new Error(`take ${serviceId}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; number: string; statusUrl: string; ratingKey: string };
}

/**
 * A window's rating pad already paired (a supervisor paired it through the API), as a
 * hall's pads are after their first day: the page starts with the pad's token stored.
 * Returns the token. The pairing screen itself is driven in rating.spec.ts.
 */
export async function pairPad(page: Page, request: APIRequestContext, counterId: string): Promise<string> {
  const sup = await apiSignIn(request, 'supervisor');
  const res = await request.post('/api/pads', { headers: { authorization: `Bearer ${sup}` }, data: { counterId } });
  if (res.status() !== 201) throw new Error(`pair pad ${counterId}: ${res.status()} ${await res.text()}`);
  const pairing = (await res.json()) as { token: string; counterId: string; counterName: string };
  await page.addInitScript((p) => localStorage.setItem('hall.pad', JSON.stringify(p)), pairing);
  return pairing.token;
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

/** Signs in through the supervisor page's form and opens one section of 设置 (大厅, 业务, …). */
export async function openSettings(page: Page, username: string, section: string): Promise<void> {
  await signInAtSupervisor(page, username);
  await page.getByRole('tab', { name: '设置', exact: true }).click();
  await page.getByRole('tab', { name: section, exact: true }).click();
  await expect(page.getByRole('tab', { name: section, exact: true })).toHaveAttribute('aria-selected', 'true');
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
