// 设置 (settings) on the supervisor page, driven like the hall's admin: change a window's
// businesses and watch the kiosk and the clerk console follow, meet the server's
// refusals, manage a staff account, close and reopen the hall, read the audit log; and
// a supervisor sees it all read-only. Every change is put back so other specs find the
// demo hall as seeded (open all day, windows as they were).
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { Counter, Hours, PrinterHealth, Service, Settings, User } from '../shared/types.ts';
import { apiSignIn, E2E_PASSWORD, openSettings, shot, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

type View = { settings: Settings; services: Service[]; counters: Counter[]; users: Omit<User, 'passwordHash'>[] };

const ALL_DAY: Hours = { open: '00:00', close: '24:00' };
const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function readSettings(request: APIRequestContext, token: string): Promise<View> {
  const res = await request.get('/api/settings', { headers: auth(token) });
  expect(res.status()).toBe(200);
  return (await res.json()) as View;
}

async function putCounter(request: APIRequestContext, token: string, c: Counter): Promise<void> {
  const { id, ...body } = c;
  const res = await request.put(`/api/settings/counters/${id}`, { headers: auth(token), data: body });
  expect(res.status(), await res.text()).toBe(200);
}

async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

async function clerkConsole(browser: Browser, username: string, counterId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto('/clerk/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('窗口', { exact: true }).selectOption(counterId);
  await page.getByRole('button', { name: '签到上岗' }).click();
  await expect(page.locator('header')).toContainText(`${counterId}号窗口`);
  return page;
}

async function kiosk(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto('/kiosk/');
  await expect(page.locator('main')).toBeVisible();
  return page;
}

const saved = (scope: Locator) => scope.getByRole('status').filter({ hasText: '已保存' });

test('an admin adds 户籍 to window 2: the kiosk and the clerk console follow at once', async ({ page, browser, request }) => {
  const admin = await apiSignIn(request, 'admin');
  const original = (await readSettings(request, admin)).counters.find((c) => c.id === '2')!;
  expect(original.serviceIds).toEqual(['civil', 'family']);

  const clerk = await clerkConsole(browser, 'clerk2', '2');
  const queueHead = clerk.locator('#queue-title .panel-sub');
  await expect(queueHead).toHaveText('民政救助、计生');

  const door = await kiosk(browser);
  await door.getByRole('button', { name: /户籍/ }).click();
  const where = door.locator('.where').getByText('办理窗口');
  await expect(where).toContainText('3号窗口');
  await expect(where).not.toContainText('2号窗口');

  try {
    await openSettings(page, 'admin', '窗口');
    const window2 = page.getByRole('form', { name: '2号窗口' });
    await expect(window2.getByLabel('民政救助')).toBeChecked();
    await window2.getByLabel('户籍').check();
    await window2.getByRole('button', { name: '保存' }).click();
    await expect(saved(window2)).toBeVisible();

    // No reload anywhere: the kiosk's details and the console's queue header follow the push.
    await expect(where).toContainText('2号窗口');
    await expect(where).toContainText('3号窗口');
    await expect(queueHead).toHaveText('民政救助、计生、户籍');
    const ticket = await takeTicket(request, 'household');
    await expect(clerk.getByTestId('queue')).toContainText(ticket.number);
    await page.getByRole('form', { name: '3号窗口' }).scrollIntoViewIfNeeded();
    await shot(page, 'settings-counters');

    // Put window 2 back through the form; the console follows again.
    await window2.getByLabel('户籍').uncheck();
    await window2.getByRole('button', { name: '保存' }).click();
    await expect(saved(window2)).toBeVisible();
    await expect(queueHead).toHaveText('民政救助、计生');
    await expect(where).not.toContainText('2号窗口');
  } finally {
    await putCounter(request, admin, original);
    await clerk.context().close();
    await door.context().close();
  }
});

test('the server refuses a taken prefix, a window with no business, and deleting a business in use', async ({ page, request }) => {
  const admin = await apiSignIn(request, 'admin');
  const before = await readSettings(request, admin);
  await openSettings(page, 'admin', '业务');

  await page.getByRole('button', { name: '新增业务' }).click();
  const editor = page.getByRole('form', { name: '新增业务' });
  await expect(editor.getByLabel('业务编号')).toHaveValue('biz-1');
  await editor.getByLabel('业务名称').fill('税务');
  await editor.getByLabel('号码前缀').fill('A');
  await editor.getByRole('button', { name: '添加一项材料' }).click();
  await editor.getByLabel('材料 1', { exact: true }).fill('本人身份证');
  await editor.getByRole('button', { name: '保存新业务' }).click();
  await expect(editor.getByRole('alert')).toContainText('号码前缀 A 已被“社保劳保”使用');
  // Nothing changed, here or on the server; what was typed is still there to fix.
  await expect(editor.getByLabel('业务名称')).toHaveValue('税务');
  await expect(page.getByRole('region', { name: /业务/ }).getByRole('row')).toHaveCount(before.services.length + 1);
  expect((await readSettings(request, admin)).services).toEqual(before.services);
  await shot(page, 'settings-services');

  // Deleting a business a window still serves: the server says which window.
  await page.getByRole('button', { name: '编辑 户籍' }).click();
  const household = page.getByRole('form', { name: '业务：户籍' });
  await household.getByRole('button', { name: '删除业务“户籍”' }).click();
  await household.getByRole('button', { name: '确定删除' }).click();
  // Tickets taken today or a window serving it: the page shows whichever refusal the server gives.
  const refusal = await request.delete('/api/settings/services/household', { headers: auth(admin) });
  expect(refusal.status()).toBe(409);
  const { error } = (await refusal.json()) as { error: { message: string } };
  expect(error.message).toMatch(/可以先停用|请先从窗口中去掉这项业务/);
  await expect(household.getByRole('alert')).toHaveText(error.message);
  expect((await readSettings(request, admin)).services).toEqual(before.services);

  await showSection(page, '窗口');
  const window2 = page.getByRole('form', { name: '2号窗口' });
  await window2.getByLabel('民政救助').uncheck();
  await window2.getByLabel('计生').uncheck();
  await window2.getByRole('button', { name: '保存' }).click();
  await expect(window2.getByRole('alert')).toHaveText('2号窗口至少要办理一项业务');
  expect((await readSettings(request, admin)).counters).toEqual(before.counters);
});

test('a new clerk account: posted at a window, signs in, password reset, then disabled and refused', async ({ page, request }) => {
  const admin = await apiSignIn(request, 'admin');
  const original = (await readSettings(request, admin)).counters.find((c) => c.id === '5')!;
  // Unique per run, so the spec can be repeated against one server.
  const username = `zhaolei${Date.now().toString(36)}`;
  try {
    await openSettings(page, 'admin', '人员');
    await page.getByRole('button', { name: '新增账号' }).click();
    const create = page.getByRole('form', { name: '新增账号' });
    await create.getByLabel('姓名').fill('赵磊');
    await create.getByLabel('用户名').fill(username);
    await create.getByLabel('工号').fill('QS909');
    await expect(create.getByLabel('角色')).toHaveValue('clerk');
    await create.getByLabel('初始密码').fill(E2E_PASSWORD);
    await create.getByRole('button', { name: '创建账号' }).click();
    const account = page.getByRole('form', { name: '账号：赵磊' });
    await expect(saved(account)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('未安排');

    // Not posted anywhere yet: the server refuses window 5.
    const early = await request.post('/api/session', { data: { username, password: E2E_PASSWORD, counterId: '5' } });
    expect(early.status()).toBe(403);

    await showSection(page, '窗口');
    const window5 = page.getByRole('form', { name: '5号窗口' });
    await window5.getByLabel('B岗').selectOption({ label: '赵磊（QS909）' });
    await window5.getByRole('button', { name: '保存' }).click();
    await expect(saved(window5)).toBeVisible();
    const token = await apiSignIn(request, username, '5');
    expect((await request.get('/api/session', { headers: auth(token) })).status()).toBe(200);

    await showSection(page, '人员');
    await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('5号窗口 B岗');
    await page.getByRole('button', { name: `编辑 ${username}` }).click();
    const reset = page.getByRole('form', { name: '重置密码' });
    await reset.getByLabel('新密码').fill('another-secret');
    await reset.getByRole('button', { name: '重置密码' }).click();
    await expect(reset.getByRole('status')).toHaveText('✓ 密码已重置');
    const withNew = await request.post('/api/session', { data: { username, password: 'another-secret', counterId: '5' } });
    expect(withNew.status()).toBe(200);

    const edit = page.getByRole('form', { name: '账号：赵磊' });
    await edit.getByLabel('停用此账号').check();
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(saved(edit)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(username) })).toContainText('已停用');
    await shot(page, 'settings-staff');

    // Disabled: signed out everywhere, and signing in again is refused.
    expect((await request.get('/api/session', { headers: auth(token) })).status()).toBe(401);
    const again = await request.post('/api/session', { data: { username, password: 'another-secret', counterId: '5' } });
    expect(again.status()).toBe(401);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe('该账号已停用，请联系管理员');
  } finally {
    await putCounter(request, admin, original);
  }
});

test('every weekday closed: no tickets and the kiosk says 非办公时间; reopened all day', async ({ page, browser, request }) => {
  const admin = await apiSignIn(request, 'admin');
  try {
    await openSettings(page, 'admin', '大厅');
    const hall = page.getByRole('form', { name: '大厅设置' });
    await expect(hall.getByLabel('大厅名称')).toHaveValue('青山镇为民服务中心');
    await expect(hall.getByTestId('preview-screen')).toHaveText('请 A012 号到1号窗口办理');
    await expect(hall.getByTestId('preview-spoken')).toContainText('请A零一二号到一号窗口办理');
    await shot(page, 'settings-hall');

    for (const day of WEEKDAYS) await hall.getByLabel(`${day}开放`).uncheck();
    await expect(hall.getByLabel('星期一上班时间')).toBeDisabled();
    await hall.getByRole('button', { name: '保存大厅设置' }).click();
    await expect(saved(hall)).toBeVisible();

    const refused = await request.post('/api/tickets', { data: { serviceId: 'social' } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('service_closed');
    const door = await kiosk(browser);
    await expect(door.getByText('现在是非办公时间')).toBeVisible();
    await expect(door.getByRole('button', { name: /社保劳保/ })).toContainText('非办公时间');

    // Reopen through the form: the closed days kept 00:00–24:00, ready to tick back.
    for (const day of WEEKDAYS) await hall.getByLabel(`${day}开放`).check();
    await expect(hall.getByLabel('星期三上班时间')).toHaveValue('00:00');
    await expect(hall.getByLabel('星期三下班时间')).toHaveValue('24:00');
    await hall.getByRole('button', { name: '保存大厅设置' }).click();
    await expect(saved(hall)).toBeVisible();
    await expect(door.getByText('请点您要办的事')).toBeVisible();
    await door.context().close();

    // The weekday preset fills the form (not saved here).
    await hall.getByRole('button', { name: '周一至周五 08:30–17:00' }).click();
    await expect(hall.getByLabel('星期六开放')).not.toBeChecked();
    await expect(hall.getByLabel('星期五上班时间')).toHaveValue('08:30');
    await expect(saved(hall)).toHaveCount(0);
  } finally {
    // Other specs need the hall open whatever happened above.
    const { settings } = await readSettings(request, admin);
    if (settings.weekHours.some((h) => h?.open !== ALL_DAY.open || h.close !== ALL_DAY.close)) {
      const { printer: _, ...rest } = settings;
      const res = await request.put('/api/settings/hall', { headers: auth(admin), data: { ...rest, weekHours: Array.from({ length: 7 }, () => ALL_DAY) } });
      expect(res.status()).toBe(200);
    }
  }
  expect((await readSettings(request, admin)).settings.weekHours).toEqual(Array.from({ length: 7 }, () => ALL_DAY));
});

test('special days: a market day and a holiday saved sorted by date, then removed', async ({ page, request }) => {
  const admin = await apiSignIn(request, 'admin');
  try {
    await openSettings(page, 'admin', '大厅');
    const hall = page.getByRole('form', { name: '大厅设置' });
    await hall.getByRole('button', { name: '+ 添加节假日' }).click();
    await hall.getByLabel('特殊日期 1 日期').fill('2030-10-01');
    await hall.getByLabel('特殊日期 1 名称').fill('国庆节');
    await hall.getByRole('button', { name: '+ 添加逢场天' }).click();
    await hall.getByLabel('特殊日期 2 日期').fill('2030-06-03');
    await hall.getByLabel('特殊日期 2 上班时间').fill('9:00');
    await hall.getByRole('button', { name: '保存大厅设置' }).click();
    await expect(saved(hall)).toBeVisible();
    expect((await readSettings(request, admin)).settings.specialDays).toEqual([
      { date: '2030-06-03', name: '逢场', kind: 'market', hours: { open: '09:00', close: '16:00' } },
      { date: '2030-10-01', name: '国庆节', kind: 'holiday', hours: null },
    ]);
    // The form now shows them as saved: sorted, the time normalised.
    await expect(hall.getByLabel('特殊日期 1 日期')).toHaveValue('2030-06-03');
    await expect(hall.getByLabel('特殊日期 1 上班时间')).toHaveValue('09:00');
    await expect(hall.getByLabel('特殊日期 2 类型')).toHaveValue('holiday');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'settings-hall-1920');

    await hall.getByRole('button', { name: '删除特殊日期 2' }).click();
    await hall.getByRole('button', { name: '删除特殊日期 1' }).click();
    await hall.getByRole('button', { name: '保存大厅设置' }).click();
    await expect(saved(hall)).toBeVisible();
    expect((await readSettings(request, admin)).settings.specialDays).toEqual([]);
  } finally {
    const { settings } = await readSettings(request, admin);
    if (settings.specialDays.length) {
      const { printer: _, ...rest } = settings;
      expect((await request.put('/api/settings/hall', { headers: auth(admin), data: { ...rest, specialDays: [] } })).status()).toBe(200);
    }
  }
});

test('the audit log shows the changes, made by 系统管理员', async ({ page, request }) => {
  const admin = await apiSignIn(request, 'admin');
  // Changes of its own, as the tests above make through the page.
  const view = await readSettings(request, admin);
  await putCounter(request, admin, view.counters.find((c) => c.id === '1')!);
  const username = `audit${Date.now().toString(36)}`;
  const account = { username, name: '钱审', staffNo: 'QS910', role: 'clerk', disabled: false };
  const created = await request.put('/api/settings/users/new', { headers: auth(admin), data: { ...account, password: E2E_PASSWORD } });
  expect(created.status(), await created.text()).toBe(200);
  const { id } = (await created.json()) as { id: string };
  expect((await request.put(`/api/settings/users/${id}`, { headers: auth(admin), data: { ...account, password: 'another-secret' } })).status()).toBe(200);
  expect((await request.put(`/api/settings/users/${id}`, { headers: auth(admin), data: { ...account, disabled: true } })).status()).toBe(200);
  const { printer: _, ...hallSettings } = view.settings;
  expect((await request.put('/api/settings/hall', { headers: auth(admin), data: hallSettings })).status()).toBe(200);

  const rows = (await (await request.get('/api/audit', { headers: auth(admin) })).json()) as { byName: string; action: string }[];
  await openSettings(page, 'admin', '操作日志');
  const log = page.getByRole('region', { name: /操作日志/ });
  await expect(log.getByRole('row')).toHaveCount(rows.length + 1);
  for (const action of ['修改窗口', '新增账号', '重置密码', '停用账号', '修改大厅设置']) {
    await expect(log.getByRole('row').filter({ hasText: action }).first()).toContainText('系统管理员');
  }
  await expect(log.getByRole('row').nth(1)).toContainText('系统管理员');
  await shot(page, 'settings-audit');
});

test('the printer section shows its health, and a malformed address is not sent', async ({ page, request }) => {
  const admin = await apiSignIn(request, 'admin');
  const health = (await (await request.get('/api/printer', { headers: auth(admin) })).json()) as PrinterHealth;
  const before = (await readSettings(request, admin)).settings.printer;
  await openSettings(page, 'admin', '打印机');
  const state = { ok: '正常', fault: '故障', unknown: '尚未检查', off: '未接入' }[health.state];
  await expect(page.getByTestId('printer-state')).toHaveText(state);
  await expect(page.getByTestId('printer-env')).toHaveCount(health.source === 'env' ? 1 : 0);

  const form = page.getByRole('form', { name: '打印机设置' });
  await form.getByLabel('打印机地址').fill('192.168.1.50');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toContainText('打印机地址格式应为 tcp://IP地址:端口');
  expect((await readSettings(request, admin)).settings.printer).toEqual(before);
  await shot(page, 'settings-printer');
});

test('a supervisor sees the settings read-only, and the server refuses a change', async ({ page, request }) => {
  await openSettings(page, 'supervisor', '大厅');
  await expect(page.getByTestId('settings-readonly')).toHaveText('只有管理员可以修改设置；您可以查看当前设置。');
  const hall = page.getByRole('form', { name: '大厅设置' });
  await expect(hall.getByLabel('大厅名称')).toHaveValue('青山镇为民服务中心');
  await expect(hall.getByLabel('大厅名称')).toBeDisabled();
  await expect(hall.getByRole('button', { name: '保存大厅设置' })).toHaveCount(0); // read-only: no edit controls at all

  await showSection(page, '窗口');
  await expect(page.getByRole('form', { name: '2号窗口' }).getByLabel('户籍')).toBeDisabled();
  await expect(page.getByRole('button', { name: '新增窗口' })).toHaveCount(0);
  await showSection(page, '业务');
  await page.getByRole('button', { name: '查看 户籍' }).click();
  await expect(page.getByRole('form', { name: '业务：户籍' }).getByLabel('业务名称')).toBeDisabled();
  await shot(page, 'settings-readonly');

  const supervisor = await apiSignIn(request, 'supervisor');
  const { settings } = await readSettings(request, supervisor);
  const { printer: _, ...rest } = settings;
  const res = await request.put('/api/settings/hall', { headers: auth(supervisor), data: { ...rest, hallName: '改名' } });
  expect(res.status()).toBe(403);
  expect((await readSettings(request, supervisor)).settings.hallName).toBe('青山镇为民服务中心');
});
