// The county network end to end: two real halls, each shipping by itself to one real
// county center. Tickets and ratings at both show on the county board; one hall loses
// its link (greyed at the county), takes tickets alone, and catches up when the link
// returns; its overdue committed case turns red; the county's 督办 reaches that hall's
// supervisor page, is answered there, and the county sees the answer.
import type { Page } from '@playwright/test';
import { COUNTY_PASSWORD, countyTest as test, expect, signInAtCounty, startExtraHall, type HallLink } from './county.ts';
import { E2E_PASSWORD, shot } from './helpers.ts';

const DAY = 86_400_000;
const card = (page: Page, id: string) => page.locator(`li.hall[data-hall="${id}"]`);

type Hall = Awaited<ReturnType<typeof startExtraHall>>;

/** The hall's API as its kiosk and staff use it. */
function hallApi(hall: Hall) {
  const call = async (method: string, p: string, body?: unknown, token?: string) => {
    const res = await fetch(hall.url + p, { method, headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const signIn = async (username: string, counterId?: string) => (await call('POST', '/api/session', { username, password: E2E_PASSWORD, ...(counterId && { counterId }) })).body.token as string;
  return {
    call,
    signIn,
    async take(serviceId: string) {
      const r = await call('POST', '/api/tickets', { serviceId });
      expect(r.status).toBe(201);
      return r.body as { id: string; ratingKey: string };
    },
    /** Window 3 (户籍) serves the next villager, who rates the visit. */
    async serveAndRate(clerk: string, level: number, ticket: { id: string; ratingKey: string }, outcome = 'immediate') {
      expect((await call('POST', '/api/counters/3/next', {}, clerk)).status).toBe(200);
      expect((await call('POST', '/api/counters/3/complete', { outcome }, clerk)).status).toBe(200);
      expect((await call('POST', '/api/ratings', { ticketId: ticket.id, level, key: ticket.ratingKey, reasons: level <= 2 ? ['办事效率低'] : [] })).status).toBe(201);
    },
  };
}

test('two halls, one county: live board, a hall offline and back, a red warning, 督办 answered at the hall', async ({ page, browser, county, demoHall }) => {
  test.setTimeout(120_000);
  const tuning = { heartbeatMs: 300, coalesceMs: 50, maxBackoffMs: 300 };
  const linkA: HallLink = await county.addHall('青山镇为民服务中心');
  const linkB: HallLink = await county.addHall('白云乡为民服务中心');
  let bOffline = false;
  let bAhead = 0;
  const hallA = await startExtraHall(demoHall, { county: { link: { url: county.url, hallId: linkA.id, key: linkA.key }, tuning } });
  const hallB = await startExtraHall(demoHall, {
    clock: () => Date.now() + bAhead,
    monotonic: () => performance.now() + bAhead,
    // The township's network drops: every request to the county fails as a dead link does.
    county: { link: { url: county.url, hallId: linkB.id, key: linkB.key }, tuning, fetch: (input, init) => (bOffline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) },
  });
  const a = hallApi(hallA);
  const b = hallApi(hallB);
  const staffPage = await browser.newPage();
  try {
    // Villagers at both halls take tickets; window 3 serves and they rate.
    const clerkA = await a.signIn('clerk3', '3');
    const clerkB = await b.signIn('clerk3', '3');
    const ta = [await a.take('household'), await a.take('household'), await a.take('household')];
    const tb = [await b.take('household'), await b.take('household')];
    await a.serveAndRate(clerkA, 5, ta[0]!);
    await a.serveAndRate(clerkA, 4, ta[1]!);
    await b.serveAndRate(clerkB, 2, tb[0]!);

    await signInAtCounty(page, county);
    await expect(card(page, linkA.id).locator('.hall-day')).toHaveText('取号 3 · 办结 2 · 未到 0 · 评价 2');
    await expect(card(page, linkB.id).locator('.hall-day')).toHaveText('取号 2 · 办结 1 · 未到 0 · 评价 1（差评 1）');
    await expect(card(page, linkA.id).locator('.hall-state')).toHaveText('在线');
    await expect(card(page, linkB.id).locator('.hall-state')).toHaveText('在线');

    // Hall B's link drops. A minute later (the county's clock) it is grey, with its last figures.
    bOffline = true;
    for (let i = 0; i < 3; i++) await b.take('social');
    county.advance(60_000);
    await expect(card(page, linkB.id)).toHaveClass(/hall-offline/);
    await expect(card(page, linkB.id).locator('.hall-state')).toHaveText(/^离线/);
    await expect(card(page, linkB.id).locator('.hall-day')).toHaveText('取号 2 · 办结 1 · 未到 0 · 评价 1（差评 1）');
    await expect(card(page, linkA.id).locator('.hall-state')).toHaveText('在线');
    const linkState = await b.call('GET', '/api/county-link', undefined, await b.signIn('admin'));
    expect(linkState.body).toMatchObject({ state: 'failing' });
    expect(linkState.body.pending).toBeGreaterThanOrEqual(3);
    await shot(page, 'county-network-offline');

    // The link returns: hall B catches up by itself; its card is live again with all five tickets.
    bOffline = false;
    await expect(card(page, linkB.id).locator('.hall-state')).toHaveText('在线', { timeout: 20_000 });
    await expect(card(page, linkB.id).locator('.hall-day')).toHaveText('取号 5 · 办结 1 · 未到 0 · 评价 1（差评 1）');

    // A committed case at hall B (the next villager at window 3), then ten days pass there (and at the county) undelivered.
    await b.serveAndRate(clerkB, 5, tb[1]!, 'committed');
    bAhead = 10 * DAY;
    county.advance(10 * DAY);
    // Ten days on, the county session has long expired: the page asks to sign in again.
    await page.getByRole('tab', { name: '电子监察' }).click();
    await expect(page.getByText('登录已失效，请重新登录')).toBeVisible();
    await page.getByLabel('用户名').fill('county-admin');
    await page.getByLabel('密码').fill(COUNTY_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    // Hall B's warnings flag on its card opens 电子监察 on that hall.
    await card(page, linkB.id).getByRole('button', { name: /^预警/ }).click();
    await expect(page.getByRole('tab', { name: '电子监察' })).toHaveAttribute('aria-selected', 'true');
    const red = page.getByRole('region', { name: '红色预警' }).locator('li').filter({ hasText: '承诺件' });
    await expect(red).toContainText('白云乡为民服务中心', { timeout: 20_000 });
    await red.getByRole('button', { name: '督办' }).click();
    const form = page.getByRole('form', { name: '督办 白云乡为民服务中心' });
    await form.getByRole('textbox').fill('承诺件已超期，请当日办结并说明原因。');
    await form.getByRole('button', { name: '发送督办' }).click();
    await expect(page.getByRole('status')).toContainText('已向白云乡为民服务中心发出督办');

    // At hall B the supervisor's page lights the badge; the answer is written there.
    await staffPage.goto(hallB.url + '/supervisor/');
    await staffPage.getByLabel('用户名').fill('supervisor');
    await staffPage.getByLabel('密码').fill(E2E_PASSWORD);
    await staffPage.getByRole('button', { name: '登录' }).click();
    await expect(staffPage.getByTestId('notices-badge')).toHaveText('待回复 1', { timeout: 20_000 });
    await staffPage.getByRole('tab', { name: /督办通知/ }).click();
    const notice = staffPage.getByTestId('notice');
    await expect(notice).toContainText('承诺件已超期，请当日办结并说明原因。');
    await notice.getByLabel('回复内容').fill('已联系群众，今日下午送达');
    await notice.getByRole('button', { name: '回复' }).click();
    await expect(notice).toContainText('已回复：已联系群众，今日下午送达');

    // The answer ships back with the hall's facts: the county sees it.
    await page.getByRole('tab', { name: '督办', exact: true }).click();
    await expect(page.getByRole('region', { name: '已回复' })).toContainText('已联系群众，今日下午送达', { timeout: 20_000 });
    await shot(page, 'county-network-answered');
  } finally {
    await staffPage.close();
    await hallA.close();
    await hallB.close();
  }
});
