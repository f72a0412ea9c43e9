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

/** Finish whatever a window holds and leave it idle, so tests don't depend on each other. */
export async function clearCounter(request: APIRequestContext, token: string, counterId: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  await request.post(`/api/counters/${counterId}/resume`, { headers });
  for (;;) {
    const done = await request.post(`/api/counters/${counterId}/complete`, { headers, data: {} });
    if (done.status() === 409) break;
  }
}
