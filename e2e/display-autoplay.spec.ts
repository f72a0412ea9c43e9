// A wall screen started the way the README says (Chromium in kiosk mode with
// --autoplay-policy=no-user-gesture-required) may make sound at once: it shows no
// "click to turn sound on" prompt and reads calls out with nobody touching it.
import config from '../playwright.config.ts';
import { apiSignIn, clearCounter, shot, takeTicket, expect, test } from './helpers.ts';

const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--autoplay-policy=no-user-gesture-required'] } });

test('a wall screen whose browser allows sound by itself asks for no click and announces calls', async ({ page, request }) => {
  const token = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, token, '3');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/display/');
  await expect(page.locator('.display')).toHaveClass(/sound-on/);
  await expect(page.locator('.sound-prompt')).toHaveCount(0);

  await takeTicket(request, 'household');
  const res = await request.post('/api/counters/3/next', { headers: { authorization: `Bearer ${token}` } });
  const { ticket } = (await res.json()) as { ticket: { number: string } };
  await expect(page.locator('[data-counter="3"] .card-number')).toHaveText(ticket.number);
  await expect
    .poll(async () => page.evaluate(() => (window as unknown as { __announcements: { number: string; status: string }[] }).__announcements.map((a) => [a.number, a.status])), { timeout: 30_000 })
    .toEqual([[ticket.number, 'done']]);
  // Never asked for a click at any point.
  await expect(page.locator('.sound-prompt')).toHaveCount(0);
  await shot(page, 'display-kiosk-mode');
  await clearCounter(request, token, '3');
});
