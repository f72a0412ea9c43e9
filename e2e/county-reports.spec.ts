// The county's 报表 tab: a real hall's day, shipped to a real county center, shows in the
// halls' ranking with the hall's own figures, breaks down by business, downloads as CSV
// and prints as the monthly county report.
import type { APIRequestContext } from '@playwright/test';
import { apiSignIn, takeTicket } from './helpers.ts';
import { countyTest as test, expect, shipHall, signInAtCounty } from './county.ts';

async function serveOne(request: APIRequestContext, clerk: string, level: number, ticket: { id: string; ratingKey: string }) {
  const h = { authorization: `Bearer ${clerk}` };
  expect((await request.post('/api/counters/3/next', { headers: h, data: {} })).status()).toBe(200);
  expect((await request.post('/api/counters/3/complete', { headers: h, data: { outcome: 'immediate' } })).status()).toBe(200);
  expect((await request.post('/api/ratings', { data: { ticketId: ticket.id, level, key: ticket.ratingKey, reasons: level <= 2 ? ['办事效率低'] : [] } })).status()).toBe(201);
}

test('the halls ranked with their own figures, one hall by business, CSV and the monthly report', async ({ page, request, hall, county }) => {
  const link = await county.addHall('青山镇为民服务中心');
  await county.addHall('白云乡为民服务中心'); // nothing shipped: ranked last, all zeros
  const tickets = [];
  for (let i = 0; i < 3; i++) tickets.push(await takeTicket(request, 'household'));
  await takeTicket(request, 'social');
  const clerk = await apiSignIn(request, 'clerk3', '3');
  await serveOne(request, clerk, 5, tickets[0]!);
  await serveOne(request, clerk, 1, tickets[1]!);
  await shipHall(county, hall, link);
  const stats = await (await request.get('/api/stats', { headers: { authorization: `Bearer ${await apiSignIn(request, 'supervisor')}` } })).json();

  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await signInAtCounty(page, county);
  await page.getByRole('tab', { name: '报表' }).click();

  const ranking = page.locator('section', { hasText: '各大厅排名' }).locator('table');
  const first = ranking.locator('tbody tr').nth(0);
  await expect(first.locator('th')).toHaveText('青山镇为民服务中心');
  const cells = first.locator('td');
  await expect(cells.nth(0)).toHaveText('1');
  await expect(cells.nth(1)).toHaveText(String(stats.tickets));
  await expect(cells.nth(2)).toHaveText(String(stats.served));
  await expect(cells.nth(4)).toHaveText(stats.wait.avgMin.toFixed(1));
  await expect(cells.nth(6)).toHaveText(String(stats.ratings.count));
  await expect(cells.nth(7)).toHaveText(`${(stats.ratings.satisfiedRate * 100).toFixed(1)}%`);
  await expect(cells.nth(8)).toHaveText('1');
  await expect(ranking.locator('tbody tr').nth(1).locator('th')).toHaveText('白云乡为民服务中心');
  await expect(ranking.locator('tbody tr').nth(1).locator('td').nth(7)).toHaveText('—');
  // The chart draws the rated hall only, its figure on its bar.
  await expect(page.getByRole('img', { name: /各大厅满意率：青山镇为民服务中心 50%/ })).toBeVisible();

  // By business: 户籍 took three, 社保 one.
  const byService = page.getByRole('table', { name: '青山镇为民服务中心分业务' });
  await expect(byService.locator('tbody tr')).toHaveCount(2);
  await expect(byService.locator('tbody tr').nth(0).locator('th')).toHaveText('户籍');
  await expect(byService.locator('tbody tr').nth(0).locator('td').nth(0)).toHaveText('3');
  await page.getByLabel('选择大厅').selectOption({ label: '白云乡为民服务中心' });
  await expect(page.getByText('期间内没有取号。')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^全县报表_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await download.createReadStream().then(async (s) => {
    const parts: Buffer[] = [];
    for await (const c of s) parts.push(c as Buffer);
    return Buffer.concat(parts);
  });
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain(`1,青山镇为民服务中心,合计,${stats.tickets},${stats.served},`);

  await page.getByRole('button', { name: /^打印月报/ }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.rp-print-head h1')).toContainText('月度报表');
  await expect(page.locator('.topbar')).toBeHidden();
});
