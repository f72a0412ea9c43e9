// The window's rating pad (评价器), driven as the villager at the window and the
// supervisor who pairs it would: who serves while idle, a rating after each visit, the
// idle timeout, pairing and unpairing.
import type { FollowUp } from '../shared/types.ts';
import { apiSignIn, clearCounter, E2E_PASSWORD, elderIssues, pairPad, shot, signInAtSupervisor, expect, test } from './helpers.ts';
import { ASK, auth, byNumber, clerkAt, CONNECTING, expectButtonsOnScreen, expectNeutralLevels, finishVisit, level, PAD, PAD_PORTRAIT, pressed, typePhoneOnPad } from './ratingSteps.ts';

test('the window pad: who serves while idle, then a bad rating with its reason and phone', async ({ page, request }) => {
  // A fake clock lets the thank-you's few seconds pass in an instant.
  await page.clock.install();
  const token = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, token, '3');
  const clerk = await clerkAt(request, '3');
  expect(clerk.name).toBe('张敏');

  const padToken = await pairPad(page, request, '3');
  await page.setViewportSize(PAD);
  await page.goto('/kiosk/rate?counter=3');
  await expect(page.getByRole('heading', { name: '3号窗口' })).toBeVisible();
  await expect(page.getByText('张敏')).toBeVisible();
  await expect(page.getByText(clerk.staffNo)).toBeVisible();
  await expect(page.getByText('A岗')).toBeVisible();
  await expect(page.getByText('办理业务：户籍')).toBeVisible();
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await shot(page, 'pad-idle');

  // The clerk finishes a visit: the pad asks, with nothing chosen or pushed.
  const visit = await finishVisit(request, token, '3', 'household');
  await expect(page.getByText(ASK)).toBeVisible();
  await expect(page.locator('.visit')).toContainText(visit.number);
  await expectNeutralLevels(page);
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'pad-ask');

  // 非常不满意 asks why; sending without a reason is stopped here, before the server.
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/ratings')) posts.push(r.postData() ?? '');
  });
  await level(page, '非常不满意').click();
  await expect(page.getByText('您选的是：非常不满意')).toBeVisible();
  for (const reason of ['等候时间太长', '工作人员态度不好', '办事效率低']) await expect(page.getByRole('button', { name: reason })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('alert')).toContainText('请至少选一条不满意的原因');
  expect(posts).toEqual([]);
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'pad-reason-missing');

  await page.getByRole('button', { name: '等候时间太长' }).click();
  await pressed(page.getByRole('button', { name: '等候时间太长' }));
  await expect(page.getByRole('alert')).toHaveCount(0);
  const sheet = await typePhoneOnPad(page, '13800138000');
  await expect(sheet.getByTestId('phone-shown')).toHaveText('138 0013 8000');
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await shot(page, 'pad-phone');
  await sheet.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('button', { name: '138 0013 8000' })).toBeVisible();
  await shot(page, 'pad-reason-chosen');

  const sent = page.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '提交评价' }).click();
  expect((await sent).status()).toBe(201);
  expect(JSON.parse(posts[0]!)).toMatchObject({ ticketId: visit.id, level: 1, reasons: ['等候时间太长'], phone: '13800138000', channel: 'pad' });
  await expect(page.getByText('感谢您的评价！')).toBeVisible();
  await expect(page.getByText('工作人员会在 5 个工作日内给您回电。')).toBeVisible();
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await shot(page, 'pad-thanks');

  await page.clock.runFor(10_000);
  await expect(page.getByText('张敏')).toBeVisible();
  await expect(page.getByText(ASK)).toHaveCount(0);

  // The rating is on record: a follow-up case with the phone, and no second rating.
  const sup = await apiSignIn(request, 'supervisor');
  const open = (await (await request.get('/api/follow-ups?status=open', { headers: auth(sup) })).json()) as FollowUp[];
  const followUp = open.find((f) => f.number === visit.number);
  expect(followUp).toMatchObject({ ticketId: visit.id, level: 1, reasons: ['等候时间太长'], phone: '13800138000', counterId: '3' });
  const again = await request.post('/api/ratings', { headers: auth(padToken), data: { ticketId: visit.id, level: 5, channel: 'api' } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already_rated');
});

test('a pad left alone goes back to idle after idleSec, recording nothing; a touch gives more time', async ({ page, request }) => {
  await page.clock.install();
  const token = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, token, '3');
  const { padIdleSec } = (await (await request.get('/api/rating-reasons')).json()) as { padIdleSec: number };
  expect(padIdleSec).toBe(60);

  await pairPad(page, request, '3');
  await page.setViewportSize(PAD_PORTRAIT);
  await page.goto('/pad/');
  await expect(page.getByText('张敏')).toBeVisible();
  const visit = await finishVisit(request, token, '3', 'household');
  await expect(page.getByText(ASK)).toBeVisible();
  await expectNeutralLevels(page);
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'pad-ask-portrait');

  // Someone reading slowly touches the screen at 50 s: the minute starts again.
  await page.clock.runFor(50_000);
  await expect(page.getByText(ASK)).toBeVisible();
  await page.locator('.visit').click();
  await page.clock.runFor(50_000);
  await expect(page.getByText(ASK)).toBeVisible();

  // Then nobody: back to idle, and the visit can still be rated elsewhere.
  await page.clock.runFor((padIdleSec - 50) * 1000 + 2_000);
  await expect(page.getByText(ASK)).toHaveCount(0);
  await expect(page.getByText('张敏')).toBeVisible();
  await expect(page.getByText('感谢您的评价！')).toHaveCount(0);
  expect(await byNumber(request, visit.number)).toMatchObject({ status: 'done', rated: false });

  // A reconnect re-sends the server's request; the pad does not ask for it again.
  await page.clock.runFor(40_000);
  await expect(page.getByText(CONNECTING)).toHaveCount(0);
  await expect(page.getByText(ASK)).toHaveCount(0);
  await shot(page, 'pad-idle-after-timeout');
});

test('a pad is paired by a supervisor, follows who is on duty, and asks to be paired again once unpaired', async ({ page, request }) => {
  const token = await apiSignIn(request, 'clerk5', '5');
  const clerk = await clerkAt(request, '5');
  await page.setViewportSize(PAD);
  await page.goto('/pad/?counter=5');

  // Unpaired, it shows no visits: a supervisor or admin pairs it with its window.
  await expect(page.getByRole('heading', { name: '评价器绑定' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '窗口' })).toHaveValue('5');
  expect(await elderIssues(page, 24, 60)).toEqual([]);
  await shot(page, 'pad-pair');
  await page.getByRole('textbox', { name: '用户名' }).fill('clerk5');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByRole('alert')).toHaveText('只有中心主任或管理员可以绑定评价器');
  await page.getByRole('textbox', { name: '用户名' }).fill('supervisor');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByRole('heading', { name: '5号窗口' })).toBeVisible();
  await expect(page.getByText(clerk.name)).toBeVisible();
  // It stays paired across a reload, with no staff session left on the device.
  await page.reload();
  await expect(page.getByText(clerk.name)).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['hall.pad']);

  expect((await request.delete('/api/session', { headers: auth(token) })).ok()).toBe(true);
  await expect(page.getByText('暂无工作人员在岗')).toBeVisible();
  await expect(page.getByText(clerk.name)).toHaveCount(0);
  expect(await elderIssues(page, 24, 90)).toEqual([]);
  await shot(page, 'pad-nobody');

  // The supervisor sees the pairing in 设置 › 窗口 and ends it (a tablet lost or replaced):
  // the pad goes back to the pairing screen, saying why.
  const sup = await page.context().newPage();
  await signInAtSupervisor(sup);
  await sup.getByRole('tab', { name: '设置', exact: true }).click();
  await sup.getByRole('tab', { name: '窗口', exact: true }).click();
  const row = sup.getByRole('region', { name: '评价器' }).getByRole('row', { name: /5号窗口/ });
  await expect(row).toContainText('已绑定');
  await shot(sup, 'settings-pads');
  await row.getByRole('button', { name: '解除5号窗口评价器的绑定' }).click();
  await row.getByRole('button', { name: '确定解除' }).click();
  await expect(row).toContainText('未绑定');
  await expect(page.getByText('这台评价器与5号窗口的绑定已解除，请重新绑定')).toBeVisible();
  await expect(page.getByRole('heading', { name: '评价器绑定' })).toBeVisible();
});
