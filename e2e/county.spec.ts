// 县中心 at the hall: the admin links the hall to a county (a miniature county started
// in the test, server/county/fakeCounty.ts), the live view shows the link's state, a
// 督办 notice from the county lights a badge and is answered, and the answer reaches
// the county.
import { FakeCounty } from '../server/county/fakeCounty.ts';
import { expect, openSettings, shot, takeTicket, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const KEY = 'e2e-county-key-123';
let county: FakeCounty;

test.beforeEach(async () => {
  county = new FakeCounty();
  county.addHall('qingshan', KEY);
  county.sendNotice('qingshan', 'n-1', '3号窗口上午无人在岗，请说明原因并整改');
  await county.start();
});
test.afterEach(async () => {
  await county.stop();
});

test('the admin links the hall; the supervisor sees the link, a 督办 notice badge, and answers it', async ({ page, request }) => {
  await openSettings(page, 'admin', '县中心');
  await page.getByLabel('县中心地址').fill('ftp://nowhere');
  await page.getByLabel('大厅编号').fill('qingshan');
  await page.getByLabel('密钥').fill(KEY);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert').or(page.locator('.settings-error, .error-text')).first()).toContainText('http://');
  await page.getByLabel('县中心地址').fill(county.url);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  // Write-only: the key is gone from the form, the page only says one is set.
  await expect(page.getByLabel('密钥')).toHaveValue('');
  await expect(page.getByText('已设置密钥（不再显示）；不修改请留空')).toBeVisible();
  await expect(page.getByTestId('county-state')).toHaveText('县中心：已同步');

  // The notice came with the county's first reply: the badge says so at once.
  await expect(page.getByTestId('notices-badge')).toHaveText('待回复 1');
  await page.getByRole('tab', { name: /实况/ }).click();
  await expect(page.getByTestId('county-link')).toHaveText('县中心：已同步');
  await shot(page, 'county-live');

  await page.getByRole('tab', { name: /督办通知/ }).click();
  const card = page.getByTestId('notice');
  await expect(card).toContainText('3号窗口上午无人在岗，请说明原因并整改');
  await card.getByLabel('回复内容').fill('当班人员临时外出送件，已安排 B 岗补位，今后外出须报备');
  await card.getByRole('button', { name: '回复' }).click();
  await expect(card).toContainText('已回复：当班人员临时外出送件');
  await expect(page.getByTestId('notices-badge')).toHaveCount(0);
  await shot(page, 'county-notice-answered');
  await expect.poll(() => county.notices.get('n-1')?.answer).toContain('已安排 B 岗补位');

  // The county goes away: the next ticket's line cannot go, and the live view says so.
  county.mode = 'down';
  await takeTicket(request, 'social');
  await page.getByRole('tab', { name: /实况/ }).click();
  await expect(page.getByTestId('county-link')).toContainText('县中心：连接失败（自');
  await expect(page.getByTestId('county-link')).toContainText('积压 1 条');
});

test('a supervisor reads notices but has no 县中心 settings', async ({ page }) => {
  await openSettings(page, 'supervisor', '大厅');
  await expect(page.getByRole('tab', { name: '县中心', exact: true })).toHaveCount(0);
});
