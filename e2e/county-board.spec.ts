// The county's 监察看板: a real hall's facts, shipped to a real county center, show on
// the hall's card live; a silent hall turns grey with its last-known figures; the board
// is read on a wall (1920×1080) and at a desk (1366×768).
import type { APIRequestContext, Page } from '@playwright/test';
import { apiSignIn, shot, takeTicket } from './helpers.ts';
import { countyTest as test, expect, shipHall, signInAtCounty, startExtraHall, type CountyServer, type HallLink } from './county.ts';

const card = (page: Page, id: string) => page.locator(`li.hall[data-hall="${id}"]`);
const fig = (page: Page, id: string, label: string) => card(page, id).locator(`.hall-fig[data-fig="${label}"]`).locator('.hall-fig-value');

/** A clerk at window 3 (户籍) calls the next villager, finishes, and the villager rates. */
async function serveOne(request: APIRequestContext, clerk: string, level: number, ticket: { id: string; ratingKey: string }) {
  const h = { authorization: `Bearer ${clerk}` };
  expect((await request.post('/api/counters/3/next', { headers: h, data: {} })).status()).toBe(200);
  expect((await request.post('/api/counters/3/complete', { headers: h, data: { outcome: 'immediate' } })).status()).toBe(200);
  expect((await request.post('/api/ratings', { data: { ticketId: ticket.id, level, key: ticket.ratingKey, reasons: level <= 2 ? ['办事效率低'] : [] } })).status()).toBe(201);
}

test('a hall\'s tickets, calls and ratings show on its card live, with the hall\'s own figures', async ({ page, request, hall, county }) => {
  const link = await county.addHall('青山镇为民服务中心');
  await shipHall(county, hall, link);
  await signInAtCounty(page, county);
  await expect(card(page, link.id).locator('.hall-state')).toHaveText('在线');
  await expect(page.locator('.conn')).toHaveText('实时');
  await expect(fig(page, link.id, '等候')).toHaveText('0人');
  await expect(card(page, link.id)).toContainText('在岗 0/6');

  const tickets = [];
  for (let i = 0; i < 4; i++) tickets.push(await takeTicket(request, 'household'));
  const clerk = await apiSignIn(request, 'clerk3', '3');
  await serveOne(request, clerk, 5, tickets[0]!);
  await serveOne(request, clerk, 2, tickets[1]!);
  expect((await request.post('/api/counters/3/next', { headers: { authorization: `Bearer ${clerk}` }, data: {} })).status()).toBe(200);
  await shipHall(county, hall, link);

  // No reload: the socket's push carries it.
  await expect(fig(page, link.id, '等候')).toHaveText('1人');
  const stats = await (await request.get('/api/stats', { headers: { authorization: `Bearer ${await apiSignIn(request, 'supervisor')}` } })).json();
  await expect(card(page, link.id).locator('.hall-day')).toHaveText(`取号 4 · 办结 ${stats.served} · 未到 0 · 评价 2（差评 1）`);
  await expect(fig(page, link.id, '满意率')).toHaveText(`${Math.round(stats.ratings.satisfiedRate * 100)}%`);
  await expect(card(page, link.id).locator('.hall-windows')).toHaveText('在岗 1/6空岗：1、2、4、5、6号窗口');
  // The county's totals are this one hall's.
  const totals = page.getByLabel('全县合计');
  await expect(totals.locator('.board-total', { hasText: '大厅在线' }).locator('dd')).toHaveText('1/1');
  await expect(totals.locator('.board-total', { hasText: '今日取号' }).locator('dd')).toHaveText('4');
  await expect(totals.locator('.board-total', { hasText: '正在等候' }).locator('dd')).toHaveText('1人');
});

test('a silent hall turns grey with its last-known figures and the time they are from', async ({ page, request, hall, county }) => {
  const link = await county.addHall('白云乡为民服务中心');
  await takeTicket(request, 'social');
  await takeTicket(request, 'civil');
  await shipHall(county, hall, link);
  const heardAt = new Date(county.now());
  await signInAtCounty(page, county);
  await expect(fig(page, link.id, '等候')).toHaveText('2人');
  await expect(card(page, link.id)).not.toHaveClass(/hall-offline/);

  county.advance(12 * 60_000); // the county's clock moves on; the hall ships nothing
  await expect(card(page, link.id)).toHaveClass(/hall-offline/);
  await expect(card(page, link.id).locator('.hall-state')).toHaveText(/^离线 1[23] 分钟$/);
  const hhmm = heardAt.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' });
  await expect(card(page, link.id).locator('.flag', { hasText: '数据截至' })).toHaveText(`数据截至 ${hhmm}`);
  await expect(fig(page, link.id, '等候')).toHaveText('2人');
  await expect(page.getByLabel('全县合计').locator('.board-total', { hasText: '大厅在线' }).locator('dd')).toHaveText('0/1');

  // It ships again: back online at once.
  await shipHall(county, hall, link);
  await expect(card(page, link.id).locator('.hall-state')).toHaveText('在线');
});

test('two real halls on one board: each card its own hall, the totals both', async ({ page, request, hall, demoHall, county }) => {
  const other = await startExtraHall(demoHall);
  try {
    const [a, b] = [await county.addHall('青山镇为民服务中心'), await county.addHall('白云乡为民服务中心')];
    await takeTicket(request, 'social');
    for (let i = 0; i < 3; i++) expect((await request.post(other.url + '/api/tickets', { data: { serviceId: 'civil' } })).status()).toBe(201);
    await shipHall(county, hall, a);
    await shipHall(county, other, b);
    await signInAtCounty(page, county);
    await expect(fig(page, a.id, '等候')).toHaveText('1人');
    await expect(fig(page, b.id, '等候')).toHaveText('3人');
    await expect(page.getByLabel('全县合计').locator('.board-total', { hasText: '今日取号' }).locator('dd')).toHaveText('4');
    await request.post(other.url + '/api/tickets', { data: { serviceId: 'civil' } });
    await shipHall(county, other, b);
    await expect(fig(page, b.id, '等候')).toHaveText('4人');
    await expect(fig(page, a.id, '等候')).toHaveText('1人');
  } finally {
    await other.close();
  }
});

/** Township names for a county's board. */
/** All takes come from one address: lift the per-address limit as an admin would. */
async function liftTakeLimit(request: APIRequestContext): Promise<void> {
  const headers = { authorization: `Bearer ${await apiSignIn(request, 'admin')}` };
  const { settings } = (await (await request.get('/api/settings', { headers })).json()) as { settings: Record<string, unknown> };
  const { printer: _, ...hall } = settings;
  const res = await request.put('/api/settings/hall', { headers, data: { ...hall, limits: { takesPerMinute: 100_000, commentsPerHour: 100_000 } } });
  expect(res.status()).toBe(200);
}

const TOWNS = ['青山镇', '白云乡', '东坪乡', '西岭镇', '南溪镇', '北河乡', '石门镇', '桃源乡', '龙潭镇', '凤凰乡', '金竹乡', '新塘镇', '长岭镇', '平安乡', '马家坪乡', '黄土岗镇', '清水河乡', '大石桥镇', '柳树湾乡', '三岔口镇', '双河镇', '高桥乡', '杨柳乡', '红星镇', '太平镇', '永和乡', '中和镇', '安乐乡', '望江镇', '兴隆乡', '团结乡', '河口镇', '沙坪镇', '田坝乡', '梨园乡', '水口镇'];

async function busyCounty(request: APIRequestContext, hall: { url: string; dataDir: string }, county: CountyServer): Promise<HallLink[]> {
  await liftTakeLimit(request);
  const links: HallLink[] = [];
  for (const t of TOWNS) links.push(await county.addHall(`${t}为民服务中心`));
  const clerk = await apiSignIn(request, 'clerk3', '3');
  const services = ['household', 'social', 'civil', 'finance'];
  // Each hall gets the one real hall's journal up to a later point: more tickets, calls, ratings.
  for (let i = 0; i < links.length - 3; i++) {
    const t = await takeTicket(request, services[i % services.length]!);
    if (i % 3 === 0) await takeTicket(request, 'household');
    if (i % 5 === 4) {
      await request.post('/api/counters/3/next', { headers: { authorization: `Bearer ${clerk}` }, data: {} });
      await request.post('/api/counters/3/complete', { headers: { authorization: `Bearer ${clerk}` }, data: { outcome: 'immediate' } });
    }
    void t;
    if (i === 10) county.advance(20 * 60_000); // the first halls fall silent
    // Two halls' clocks are off: one 2 hours fast, one a day behind (its own day differs).
    const off = i === 14 ? 2 * 3600_000 : i === 20 ? -26 * 3600_000 : 0;
    await shipHall(county, hall, links[i]!, new Date(county.now() + off).toISOString());
  }
  // A 督办 the hall has not answered for two hours (the notices tab sends these; here, straight into the table).
  await county.center.db
    .insertInto('notices')
    .values({ id: 'n-e2e-1', hall_id: links[12]!.id, text: '请说明空岗原因', warning_id: null, sent_at: new Date(county.now() - 2 * 3600_000), sent_by: 'e2e', answer: null, answered_at: null, answered_by: null })
    .execute();
  // The last three: one revoked, two never connected.
  await county.api('POST', `/api/county/halls/${links.at(-1)!.id}/revoke`, {});
  return links;
}

for (const size of [
  { name: 'wall', width: 1920, height: 1080 },
  { name: 'desk', width: 1366, height: 768 },
]) {
  test(`the board reads at a glance on a ${size.name} screen (${size.width}×${size.height})`, async ({ page, request, hall, county }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const links = await busyCounty(request, hall, county);
    await signInAtCounty(page, county);
    await expect(page.locator('li.hall')).toHaveCount(links.length);
    // Needs-attention first: the silent halls lead, revoked and never-connected ones trail.
    await expect(page.locator('li.hall').first()).toHaveClass(/hall-offline/);
    await expect(page.locator('li.hall').last()).toHaveClass(/hall-(never|revoked)/);
    await expect(page.locator('.flag', { hasText: '时钟偏差：快 2 小时' })).toHaveCount(1);
    await expect(card(page, links[12]!.id).locator('.flag', { hasText: '督办未回复' })).toHaveText('督办未回复 1（最久 2 小时）');
    await expect(page.getByLabel('全县合计').locator('.board-total', { hasText: '督办未回复' }).locator('dd')).toHaveText('1');
    // Nothing on a card overflows it: every name and figure fits its card.
    const overflow = await page.locator('li.hall').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('aria-label')));
    expect(overflow).toEqual([]);
    await shot(page, `county-board-${size.name}`);
    await page.getByRole('button', { name: '按名称' }).click();
    await expect(page.locator('li.hall').first()).toHaveAttribute('aria-label', '安乐乡为民服务中心');
    await expect(page.locator('li.hall').first().locator('.hall-name')).toHaveText('安乐乡');
  });
}

test('总览 shows a county of 200 halls on one wall screen, problems first', async ({ page, request, hall, county }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await liftTakeLimit(request);
  const links: HallLink[] = [];
  for (let i = 0; i < 200; i++) links.push(await county.addHall(`${TOWNS[i % TOWNS.length]}${i >= TOWNS.length ? Math.floor(i / TOWNS.length) + 1 : ''}为民服务中心`));
  for (let i = 0; i < 30; i++) {
    await takeTicket(request, 'household');
    if (i === 6) county.advance(15 * 60_000);
    await shipHall(county, hall, links[i]!);
  }
  await county.api('POST', `/api/county/halls/${links[199]!.id}/revoke`, {});
  await signInAtCounty(page, county);
  await page.getByRole('button', { name: '总览' }).click();
  const tiles = page.locator('li.tile');
  await expect(tiles).toHaveCount(200);
  await expect(tiles.first()).toHaveClass(/tile-offline/);
  await expect(tiles.first()).toContainText('离线15分钟');
  await expect(page.locator('li.tile.tile-offline')).toHaveCount(6);
  // All 200 on the screen without scrolling, each name readable.
  const bottom = await tiles.last().evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bottom).toBeLessThanOrEqual(1080);
  const clipped = await tiles.locator('.tile-name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(clipped).toEqual([]);
  await shot(page, 'county-board-wall-tiles');
});
