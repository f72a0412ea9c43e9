// The county admin's tabs: a hall registered with its key shown once (and issued again,
// and stopped), accounts with a password shown once, 操作记录; a viewer sees no admin
// tab and the API refuses its writes.
import { countyTest as test, expect, shipHall, signInAtCounty } from './county.ts';
import { shot } from './helpers.ts';

test('the admin registers a hall and sees its id and key once; a new key stops the old one', async ({ page, hall, county }) => {
  await signInAtCounty(page, county);
  await page.getByRole('tab', { name: '大厅登记' }).click();
  await page.getByLabel('大厅名称').fill('青山镇为民服务中心');
  await page.getByRole('button', { name: '登记并生成密钥' }).click();
  const secret = page.getByRole('alert', { name: '“青山镇为民服务中心”已登记' });
  await expect(secret).toContainText('只显示这一次');
  await expect(secret).toContainText('设置 › 县中心');
  const line = (label: string) => secret.locator('.admin-secret-line', { hasText: label }).locator('code');
  await expect(line('县中心地址')).toHaveText(county.url);
  const id = (await line('大厅编号').textContent())!;
  const key = (await line('密钥').textContent())!;
  await expect(secret.locator('pre')).toHaveText(`COUNTY_URL=${county.url}\nCOUNTY_HALL_ID=${id}\nCOUNTY_KEY=${key}`);
  await shot(page, 'county-hall-key');
  // The key it showed is the hall's: the hall ships with it.
  expect((await shipHall(county, hall, { id, key })).lastSeq).toBeGreaterThanOrEqual(0);

  await secret.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(page.getByText(key)).toHaveCount(0);
  await page.reload();
  await page.getByRole('tab', { name: '大厅登记' }).click();
  const row = page.locator(`tr[data-hall="${id}"]`);
  await expect(row).toContainText('在线');
  expect(await page.content()).not.toContain(key);

  // A new key: shown once, the old one refused at once.
  await row.getByRole('button', { name: '更换密钥' }).click();
  await row.getByRole('button', { name: '生成新密钥' }).click();
  const fresh = page.getByRole('alert', { name: '“青山镇为民服务中心”的新密钥' });
  const newKey = (await fresh.locator('.admin-secret-line', { hasText: '密钥' }).last().locator('code').textContent())!;
  expect(newKey).not.toBe(key);
  const ship = (k: string) =>
    fetch(county.url + '/api/county/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` }, body: JSON.stringify({ hallId: id, hallNow: new Date().toISOString(), lines: [] }) }).then((r) => r.status);
  expect(await ship(key)).toBe(401);
  expect(await ship(newKey)).toBe(200);
  await fresh.getByRole('button', { name: '我已记下，关闭' }).click();

  // Stopping the key asks first, then the hall is refused.
  await row.getByRole('button', { name: '停用密钥' }).click();
  await expect(row).toContainText('该大厅发来的数据将被拒绝');
  await row.getByRole('button', { name: '确定停用' }).click();
  await expect(row).toContainText('密钥已停用');
  expect(await ship(newKey)).toBe(401);

  await page.getByRole('tab', { name: '操作记录' }).click();
  const log = page.locator('.admin-table tbody');
  await expect(log.locator('tr').nth(0)).toContainText('停用大厅密钥');
  await expect(log.locator('tr').nth(0)).toContainText('大厅：青山镇为民服务中心');
  await expect(log).toContainText('更换大厅密钥');
  await expect(log).toContainText('登记大厅');
  await expect(log.locator('tr').nth(0)).toContainText('county-admin');
});

test('the admin creates a viewer with a password shown once; the viewer sees no admin tab and cannot write', async ({ page, browser, county }) => {
  await signInAtCounty(page, county);
  await page.getByRole('tab', { name: '账号管理' }).click();
  await page.getByLabel('用户名').fill('wang.wu');
  await page.getByLabel('姓名').fill('王五');
  await page.getByLabel('角色').selectOption('county_viewer');
  await page.getByRole('button', { name: '创建账号' }).click();
  const secret = page.getByRole('alert', { name: '账号“wang.wu”已创建' });
  const password = (await secret.locator('.admin-secret-line', { hasText: '初始密码' }).locator('code').textContent())!;
  expect(password).toMatch(/^\S{10}$/);
  await shot(page, 'county-accounts');
  await secret.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(page.locator('tr[data-account="wang.wu"]')).toContainText('查看员');

  const viewerPage = await (await browser.newContext()).newPage();
  await signInAtCounty(viewerPage, county, 'wang.wu', password);
  await expect(viewerPage.getByRole('tab', { name: '监察看板' })).toBeVisible();
  await expect(viewerPage.getByRole('tab', { name: '我的账号' })).toBeVisible();
  for (const admin of ['大厅登记', '账号管理', '操作记录']) await expect(viewerPage.getByRole('tab', { name: admin })).toHaveCount(0);
  const token = await viewerPage.evaluate(() => (JSON.parse(sessionStorage.getItem('county.session')!) as { token: string }).token);
  const hallLink = await county.addHall('白云乡');
  for (const [method, p, body] of [
    ['POST', '/api/county/halls', { name: '偷偷登记' }],
    ['POST', `/api/county/halls/${hallLink.id}/revoke`, {}],
    ['POST', `/api/county/halls/${hallLink.id}/key`, {}],
    ['POST', '/api/county/accounts', { username: 'x1', name: 'x', role: 'county_admin' }],
    ['GET', '/api/county/accounts', undefined],
    ['GET', '/api/county/audit', undefined],
  ] as const)
    expect((await county.api(method, p, body, token)).status, `${method} ${p}`).toBe(403);

  // The viewer changes its own password at 我的账号.
  await viewerPage.getByRole('tab', { name: '我的账号' }).click();
  await viewerPage.getByLabel('原密码').fill(password);
  await viewerPage.getByLabel('新密码（至少 8 位）').fill('wangwu-new-pass');
  await viewerPage.getByLabel('再次输入新密码').fill('wangwu-new-pass');
  await viewerPage.getByRole('button', { name: '修改密码' }).click();
  await expect(viewerPage.getByRole('status')).toHaveText('密码已修改。其他地方的登录已退出。');

  // The admin disables it: it is signed out at once.
  await page.reload();
  await page.getByRole('tab', { name: '账号管理' }).click();
  const row = page.locator('tr[data-account="wang.wu"]');
  await row.getByRole('button', { name: '停用' }).click();
  await row.getByRole('button', { name: '确定停用' }).click();
  await expect(row).toContainText('已停用');
  expect((await county.api('GET', '/api/county/halls', undefined, token)).status).toBe(401);
  await page.getByRole('tab', { name: '操作记录' }).click();
  await expect(page.locator('.admin-table tbody tr').nth(0)).toContainText('停用账号');
  await expect(page.locator('.admin-table tbody')).toContainText('修改本人密码');
  await expect(page.locator('.admin-table tbody')).toContainText('新建账号');
});
