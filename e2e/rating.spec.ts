// 好差评 and 意见簿, driven like a villager would: the rating pad at a window, the 评价
// and 意见簿 entries at the door kiosk, and the phone page once the visit is done.
// The API only sets the scene (a clerk calling and finishing) and checks the record.
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { FollowUp, HallState, StaffTicket } from '../shared/types.ts';
import { apiSignIn, clearCounter, E2E_PASSWORD, elderIssues, pairPad, shot, signInAtSupervisor, takeTicket, expect, test } from './helpers.ts';

const PAD = { width: 1280, height: 800 };
const PAD_PORTRAIT = { width: 800, height: 1280 };
const KIOSK = { width: 1080, height: 1920 };
const KIOSK_LANDSCAPE = { width: 1280, height: 800 };
const ASK = '请您对这次办事作出评价';
const LEVEL_NAMES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
const PROMPT = '请点您要办的事';
const CONNECTING = '正在连接服务器…';

// ------------------------------------------------------------------ helpers

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The clerk at `counterId` calls and finishes one visit after another until `ticketId`'s is done. */
async function serveUntil(request: APIRequestContext, token: string, counterId: string, ticketId: string): Promise<void> {
  // A bound on presses, not on time: each press serves one ticket from a finite queue.
  for (let presses = 0; presses < 1000; presses++) {
    const res = await request.post(`/api/counters/${counterId}/next`, { headers: auth(token) });
    expect(res.status()).toBe(200);
    const { ticket } = (await res.json()) as { ticket: StaffTicket | null };
    if (!ticket) throw new Error(`window ${counterId} ran out of tickets before ${ticketId}`);
    expect((await request.post(`/api/counters/${counterId}/complete`, { headers: auth(token), data: {} })).status()).toBe(200);
    if (ticket.id === ticketId) return;
  }
  throw new Error(`window ${counterId} never reached ${ticketId}`);
}

/** A villager takes a ticket and is served at `counterId`. */
async function finishVisit(request: APIRequestContext, token: string, counterId: string, serviceId: string) {
  const visit = await takeTicket(request, serviceId);
  await serveUntil(request, token, counterId, visit.id);
  return visit;
}

async function byNumber(request: APIRequestContext, number: string) {
  const res = await request.get(`/api/tickets/by-number/${number}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { status: string; rated: boolean };
}

/** Every button on screen without scrolling. */
async function expectButtonsOnScreen(page: Page) {
  const off = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1;
      })
      .map((b) => b.textContent?.trim()),
  );
  expect(off).toEqual([]);
}

const levels = (page: Page) => page.getByRole('group', { name: '评价等级' }).getByRole('button');
const level = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * The five levels as the standard names them, none chosen, none focused, and none
 * drawn bigger, bolder or in another colour than the rest.
 */
async function expectNeutralLevels(page: Page) {
  await expect(levels(page)).toHaveText(LEVEL_NAMES);
  const looks = await levels(page).evaluateAll((buttons) =>
    buttons.map((b) => {
      const cs = getComputedStyle(b);
      const r = b.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height), bg: cs.backgroundColor, fg: cs.color, border: cs.borderColor, weight: cs.fontWeight, size: cs.fontSize, pressed: b.getAttribute('aria-pressed') };
    }),
  );
  for (const l of looks) expect(l).toEqual({ ...looks[0], pressed: null });
  expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
}

async function typePhoneOnPad(page: Page, digits: string) {
  await page.getByRole('button', { name: '点这里输入电话号码' }).click();
  const sheet = page.getByRole('dialog', { name: '输入电话号码' });
  for (const d of digits) await sheet.getByRole('button', { name: d, exact: true }).click();
  return sheet;
}

async function typeTicketNumber(page: Page, number: string) {
  const letters = page.getByRole('group', { name: '号码字母' });
  const digits = page.getByRole('group', { name: '号码数字' });
  await digits.getByRole('button', { name: '清空' }).click();
  await letters.getByRole('button', { name: number[0]!, exact: true }).click();
  for (const d of number.slice(1)) await digits.getByRole('button', { name: d, exact: true }).click();
}

async function clerkAt(request: APIRequestContext, counterId: string) {
  const hall = (await (await request.get('/api/hall')).json()) as HallState;
  return hall.counters.find((c) => c.id === counterId)!.clerk!;
}

async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return ctx.newPage();
}

const pressed = (l: Locator) => expect(l).toHaveAttribute('aria-pressed', 'true');

// ------------------------------------------------------------------ the window pad

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
