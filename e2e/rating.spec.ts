// 好差评 and 意见簿, driven like a villager would: the 评价 and 意见簿 entries at the door
// kiosk, and the phone page once the visit is done (the window's pad: pad.spec.ts).
// The API only sets the scene (a clerk calling and finishing) and checks the record.
import type { HallState } from '../shared/types.ts';
import { apiSignIn, clearCounter, elderIssues, pairPad, shot, takeTicket, expect, test } from './helpers.ts';
import { ASK, auth, byNumber, CONNECTING, expectButtonsOnScreen, expectNeutralLevels, finishVisit, KIOSK, KIOSK_LANDSCAPE, level, PAD, phone, pressed, PROMPT, serveUntil, typePhoneOnPad, typeTicketNumber } from './ratingSteps.ts';

// ------------------------------------------------------------------ the kiosk

test('at the kiosk: 评价 by ticket number, once, and only for a finished visit', async ({ page, request }) => {
  await page.clock.install();
  // 建房审批 is served at window 6 alone, so window 6's "next" reaches our ticket.
  const token = await apiSignIn(request, 'clerk6', '6');
  await clearCounter(request, token, '6');
  const visit = await finishVisit(request, token, '6', 'housing');
  const waiting = await takeTicket(request, 'housing');

  await page.setViewportSize(KIOSK);
  await page.goto('/kiosk/');
  await expect(page.getByText(PROMPT)).toBeVisible();
  await page.getByRole('button', { name: '评价服务' }).click();
  await expect(page.getByRole('heading', { name: '评价服务' })).toBeVisible();
  const hall = (await (await request.get('/api/hall')).json()) as HallState;
  for (const s of hall.services) await expect(page.getByRole('group', { name: '号码字母' }).getByRole('button', { name: s.prefix, exact: true })).toBeVisible();
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-number');

  // A waiting ticket cannot be rated yet.
  await typeTicketNumber(page, waiting.number);
  await expect(page.getByTestId('typed-number')).toHaveText(waiting.number);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText(`${waiting.number}：该号还没有办完，办完后才能评价`);
  // A half-typed number is not taken away without asking (kiosk-idle.spec.ts): 我还在 keeps it.
  await page.clock.runFor(61_000);
  await page.getByRole('button', { name: '我还在' }).click();
  await expect(page.getByTestId('typed-number')).toHaveText(waiting.number);
  await expect(page.getByText(CONNECTING)).toHaveCount(0); // the socket missed its pings in the jump

  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await shot(page, 'kiosk-rate-not-done');

  // The finished visit: its 评价码 from the ticket, then the same five levels as at the window.
  await typeTicketNumber(page, visit.number);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: `评价 ${visit.number} 号（建房审批）` })).toBeVisible();
  const keys = page.getByRole('group', { name: '评价码数字' });
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('alert')).toHaveText('评价码是 6 位数字，请按完整');
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-key');
  // Someone else's number with a guessed code is refused by the server, nothing recorded.
  const guess = String((Number(visit.ratingKey) + 1) % 1_000_000).padStart(6, '0');
  for (const d of guess) await keys.getByRole('button', { name: d, exact: true }).click();
  await expect(page.getByTestId('typed-key')).toHaveText(guess);
  await page.getByRole('button', { name: '确定' }).click();
  await level(page, '非常满意').click();
  await expect(page.getByRole('alert')).toContainText('评价码不对');
  await expect(page.getByTestId('typed-key')).not.toHaveText(guess);
  expect(await byNumber(request, visit.number)).toMatchObject({ rated: false });
  await shot(page, 'kiosk-rate-key-wrong');
  for (const d of visit.ratingKey) await keys.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(ASK)).toBeVisible();
  await expect(page.locator('.visit')).toContainText(visit.number);
  await expectNeutralLevels(page);
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-levels');

  // A slip of the finger on 不满意 can be taken back; the reasons screen fits a landscape kiosk too.
  await level(page, '不满意').click();
  await expect(page.getByText('您选的是：不满意')).toBeVisible();
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-reasons');
  await page.setViewportSize(KIOSK_LANDSCAPE);
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-reasons-landscape');
  await typePhoneOnPad(page, '139');
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-phone-landscape');
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '重新选择' }).click();
  await expectNeutralLevels(page);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-rate-levels-landscape');
  await page.setViewportSize(KIOSK);

  const sent = page.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
  await level(page, '满意').click();
  const res = await sent;
  expect(res.status()).toBe(201);
  expect(res.request().postDataJSON()).toEqual({ ticketId: visit.id, key: visit.ratingKey, level: 4, channel: 'kiosk' });
  await expect(page.getByText('感谢您的评价！')).toBeVisible();
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await shot(page, 'kiosk-rate-thanks');
  expect(await byNumber(request, visit.number)).toMatchObject({ rated: true });
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByText(PROMPT)).toBeVisible();

  // Typed again: already rated.
  await page.getByRole('button', { name: '评价服务' }).click();
  await typeTicketNumber(page, visit.number);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText(`${visit.number}：该号已评价过，谢谢您`);
  await shot(page, 'kiosk-rate-already');

  // A number that does not exist today, typed without its leading zeros.
  await typeTicketNumber(page, 'H99');
  await expect(page.getByTestId('typed-number')).toHaveText('H99');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText('今天没有 H099 号');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByText(PROMPT)).toBeVisible();
});

test('at the kiosk: 意见簿 takes a complaint written with quick phrases and a phone', async ({ page, request }) => {
  await page.clock.install();
  await page.setViewportSize(KIOSK);
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: '意见簿' }).click();
  await expect(page.getByRole('heading', { name: '意见簿' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /意见建议/ })).toBeChecked();
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-comment-empty');

  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('alert')).toHaveText('请点一句常用的话，或写下您的意见');

  await page.getByRole('radio', { name: /投诉/ }).click();
  await expect(page.getByRole('radio', { name: /投诉/ })).toBeChecked();
  await page.getByRole('button', { name: '座位不够' }).click();
  await page.getByRole('button', { name: '希望增加窗口' }).click();
  await expect(page.getByRole('textbox', { name: '您的意见' })).toHaveValue('座位不够，希望增加窗口');
  await pressed(page.getByRole('button', { name: '座位不够' }));
  const sheet = await typePhoneOnPad(page, '13900001111');
  await sheet.getByRole('button', { name: '确定' }).click();
  // Nothing here goes away while being written without asking first: 我还在 keeps it.
  await page.clock.runFor(61_000);
  await page.getByRole('button', { name: '我还在' }).click();
  await expect(page.getByRole('textbox', { name: '您的意见' })).toHaveValue('座位不够，希望增加窗口');
  await expect(page.getByText(CONNECTING)).toHaveCount(0);
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-comment-filled');

  await page.setViewportSize(KIOSK_LANDSCAPE);
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await expectButtonsOnScreen(page);
  await shot(page, 'kiosk-comment-landscape');

  const sent = page.waitForResponse((r) => r.url().endsWith('/api/comments') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '提交' }).click();
  expect((await sent).status()).toBe(201);
  await expect(page.getByText('您的投诉已经记下')).toBeVisible();
  await expect(page.getByText('工作人员会和您联系。')).toBeVisible();
  expect(await elderIssues(page, 24, 100)).toEqual([]);
  await shot(page, 'kiosk-comment-thanks');
  // The thank-you, like the ticket, returns to the start by itself.
  await page.clock.runFor(31_000);
  await expect(page.getByText(PROMPT)).toBeVisible();

  const sup = await apiSignIn(request, 'supervisor');
  const { comments } = (await (await request.get('/api/comments', { headers: auth(sup) })).json()) as { comments: { kind: string; text: string; contact?: string }[] };
  expect(comments).toContainEqual(expect.objectContaining({ kind: 'complaint', text: '座位不够，希望增加窗口', contact: '13900001111' }));
});

// ------------------------------------------------------------------ the phone

test('on the phone: the finished visit is offered for rating live, and the pad then leaves it', async ({ page, request, browser }) => {
  const token = await apiSignIn(request, 'clerk3', '3');
  await clearCounter(request, token, '3');
  const mine = await takeTicket(request, 'household');
  const mobile = await phone(browser);
  await mobile.goto(mine.statusUrl);
  await expect(mobile.getByText('排队等候中')).toBeVisible();
  await expect(mobile.getByText(ASK)).toHaveCount(0);

  // The window's pad is on while the clerk works through the queue to this ticket.
  await pairPad(page, request, '3');
  await page.setViewportSize(PAD);
  await page.goto('/pad/');
  await expect(page.getByRole('heading', { name: '3号窗口' }).or(page.getByText(ASK))).toBeVisible();
  await serveUntil(request, token, '3', mine.id);
  await expect(page.getByText(ASK)).toBeVisible();
  await expect(page.locator('.visit')).toContainText(mine.number);

  await expect(mobile.getByText('已办结')).toBeVisible();
  await expect(mobile.getByText(ASK)).toBeVisible();
  await expectNeutralLevels(mobile);
  expect(await elderIssues(mobile, 18, 60)).toEqual([]);
  await shot(mobile, 'status-rate-ask');

  const sent = mobile.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
  await level(mobile, '基本满意').click();
  const res = await sent;
  expect(res.status()).toBe(201);
  expect(res.request().postDataJSON()).toEqual({ ticketId: mine.id, key: mine.ratingKey, level: 3, channel: 'phone' });
  await expect(mobile.getByText('感谢您的评价！')).toBeVisible();
  expect(await elderIssues(mobile, 18, 60)).toEqual([]);
  await shot(mobile, 'status-rate-thanks');

  // The pad, untouched, lets go of the visit the phone rated, and does not ask for it again.
  await expect(page.getByText(ASK)).toHaveCount(0);
  await expect(page.getByText('张敏')).toBeVisible();
  await shot(page, 'pad-after-phone-rated');
  await mobile.reload();
  await expect(mobile.getByText('这次办事已经评价过了，谢谢您！')).toBeVisible();
  await expect(mobile.getByText(ASK)).toHaveCount(0);
  await shot(mobile, 'status-rate-already');
  await page.reload();
  await expect(page.getByText('张敏')).toBeVisible();
  await expect(page.getByText(ASK)).toHaveCount(0);
  await mobile.context().close();
});

test('on the phone: a bad rating asks why, with the phone’s own keyboard for the number', async ({ request, browser }) => {
  const token = await apiSignIn(request, 'clerk2', '2');
  await clearCounter(request, token, '2');
  const visit = await finishVisit(request, token, '2', 'family');
  const mobile = await phone(browser);
  // The page opened from a typed-in or passed-on link, without the 评价码, cannot rate.
  await mobile.goto(`/s/${visit.id}`);
  await expect(mobile.getByText('已办结')).toBeVisible();
  await expect(mobile.getByText('要评价这次办事，请用手机扫号票上的二维码打开本页')).toBeVisible();
  await expect(mobile.getByText(ASK)).toHaveCount(0);
  await mobile.goto(visit.statusUrl);
  await expect(mobile.getByText(ASK)).toBeVisible();
  await level(mobile, '不满意').click();
  await mobile.getByRole('button', { name: '办事效率低' }).click();
  await mobile.getByRole('textbox', { name: '其他原因（可以不写）' }).fill('材料说了三次才说全');
  await mobile.getByRole('textbox', { name: /留个电话/ }).fill('138-0000-1234');
  await expect(mobile.getByRole('textbox', { name: /留个电话/ })).toHaveValue('13800001234');
  expect(await elderIssues(mobile, 18, 60)).toEqual([]);
  await shot(mobile, 'status-rate-reasons');
  const sent = mobile.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
  await mobile.getByRole('button', { name: '提交评价' }).click();
  expect((await sent).request().postDataJSON()).toEqual({ ticketId: visit.id, key: visit.ratingKey, level: 2, reasons: ['办事效率低', '材料说了三次才说全'], phone: '13800001234', channel: 'phone' });
  await expect(mobile.getByText('工作人员会在 5 个工作日内给您回电。')).toBeVisible();
  await mobile.context().close();
});
