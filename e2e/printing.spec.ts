// The kiosk with a (emulated) ESC/POS printer attached through the admin setting:
// the paper says what the screen says, and a printer out of paper is told plainly
// while the ticket on screen stays valid.
import { writeFileSync } from 'node:fs';
import { PrinterEmulator, type PrintJob } from '../server/printer/emulator.ts';
import { jobPng } from '../server/printer/render.ts';
import { apiSignIn, SCREENSHOTS, shot, signInAtConsole, signInAtSupervisor, expect, test } from './helpers.ts';

// Each test plugs in a printer of its own (a hall may be shared by the tests of a file).
let emu: PrinterEmulator;

test.beforeEach(async ({ request }) => {
  emu = new PrinterEmulator();
  await emu.start();
  const admin = await apiSignIn(request, 'admin');
  const r = await request.put('/api/settings/printer', { headers: { authorization: `Bearer ${admin}` }, data: { uri: emu.uri, paperWidth: 80 } });
  expect(r.ok()).toBe(true);
});

test.afterEach(async () => {
  await emu.stop();
});

const nextJob = () => new Promise<PrintJob>((resolve) => emu.onJob(resolve));

async function takeAtKiosk(page: import('@playwright/test').Page, business: string) {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  await page.getByRole('button', { name: new RegExp(business) }).first().click();
  await page.getByRole('button', { name: /普通取号/ }).click();
  return page.getByTestId('ticket-number');
}

test('the printed ticket matches the ticket on screen', async ({ page, baseURL }) => {
  const job = nextJob();
  const number = await takeAtKiosk(page, '林业');
  await expect(number).toBeVisible();
  const shown = (await number.textContent())!.trim();
  const ahead = (await page.getByTestId('ticket-ahead').textContent())!.trim(); // "2 人"
  const printed = await job;
  await expect(page.getByText('请取走下方的号票')).toBeVisible();

  expect(printed.text).toContain(shown);
  expect(printed.text).toContain('林业');
  expect(printed.text).toContain(`前面还有 ${ahead}`);
  const qrSrc = await page.getByRole('img', { name: /二维码/ }).getAttribute('src');
  const id = decodeURIComponent(/\/api\/tickets\/([^/]+)\/qr\.svg/.exec(qrSrc!)![1]!);
  // The QR and the paper carry the ticket's 评价码, as the screen shows it.
  const key = (await page.getByTestId('rating-key').textContent())!.trim();
  expect(key).toMatch(/^\d{6}$/);
  expect(printed.qr).toEqual([`${baseURL}/s/${id}?k=${key}`]);
  expect(printed.text).toContain(`评价码 ${key}`);
  expect(printed.cut).toBe(true);

  writeFileSync(`${SCREENSHOTS}/printed-ticket-80mm.png`, await jobPng(printed, 48));
  await shot(page, 'kiosk-ticket-printed');
});

test('a printer out of paper is told plainly and the number still counts', async ({ page, request }) => {
  await emu.setMode('paper_out');
  try {
    const number = await takeAtKiosk(page, '财政');
    await expect(number).toBeVisible();
    const failed = page.getByTestId('print-failed');
    await expect(failed).toContainText('打印机缺纸');
    await expect(failed).toContainText('屏幕上的号码同样有效');
    await shot(page, 'kiosk-ticket-paper-out');
    const qrSrc = await page.getByRole('img', { name: /二维码/ }).getAttribute('src');
    const id = /\/api\/tickets\/([^/]+)\/qr\.svg/.exec(qrSrc!)![1]!;
    const t = await (await request.get(`/api/tickets/${id}`)).json();
    expect(t.number).toBe((await number.textContent())!.trim());
    expect(t.status).toBe('waiting');

    // Back at the start, the next villager is warned before choosing.
    await page.getByRole('button', { name: '完成' }).click();
    await expect(page.getByRole('status').filter({ hasText: '号票机暂时不能出票' })).toBeVisible();
    await shot(page, 'kiosk-start-printer-fault');
  } finally {
    await emu.setMode('ok');
  }
});

test('the clerk console shows the printer live and reprints a ticket marked 补打', async ({ page, request }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAtConsole(page, 'clerk2', '2');
  const health = page.getByTestId('printer-health');
  await expect(health).toContainText(/号票机正常 · 今日已打 \d+ 张/);

  // The printer runs out of paper: the console says so without a reload.
  await emu.setMode('paper_out');
  try {
    const r = await request.post('/api/tickets', { data: { serviceId: 'civil' } });
    expect(r.status()).toBe(201);
    await expect(health).toHaveText('号票机故障：打印机缺纸');
    await shot(page, 'clerk-printer-fault');
  } finally {
    await emu.setMode('ok');
  }

  // Paper back in: the villager's lost ticket is reprinted from the console.
  const lost = (await (await request.post('/api/tickets', { data: { serviceId: 'civil' } })).json()) as { number: string };
  await expect(health).toContainText('号票机正常');
  await expect.poll(() => emu.jobs.some((j) => j.text.includes(lost.number))).toBe(true); // its first print
  const job = nextJob();
  await page.getByRole('button', { name: /补打号票/ }).click();
  await page.getByLabel('号码').fill(lost.number);
  await page.getByRole('button', { name: '补打', exact: true }).click();
  await expect(page.getByTestId('notice')).toHaveText(`已补打 ${lost.number} 号的号票，请到号票机取`);
  const printed = await job;
  expect(printed.text).toEqual(expect.arrayContaining(['【补打】', lost.number]));
});

test('the supervisor sees the printer live and an alert while it is out of paper', async ({ page, request }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAtSupervisor(page);
  const health = page.getByTestId('printer-health');
  await expect(health).toContainText('号票机正常');
  await emu.setMode('paper_out');
  try {
    expect((await request.post('/api/tickets', { data: { serviceId: 'medical' } })).status()).toBe(201);
    await expect(health).toHaveText('号票机故障：打印机缺纸');
    await expect(page.locator('.alert').filter({ hasText: '号票机故障：打印机缺纸' })).toBeVisible();
    await shot(page, 'supervisor-printer-fault');
  } finally {
    await emu.setMode('ok');
  }
  await expect(health).toContainText('号票机正常'); // asked again within seconds once fixed
  await expect(page.locator('.alert').filter({ hasText: '号票机' })).toHaveCount(0);

  // A villager who lost the paper asks at the supervisor's desk: 补打.
  const lost = (await (await request.post('/api/tickets', { data: { serviceId: 'medical' } })).json()) as { number: string };
  await expect.poll(() => emu.jobs.some((j) => j.text.includes(lost.number))).toBe(true); // its first print
  const job = nextJob();
  await page.getByLabel('补打号票').fill(lost.number);
  await page.getByRole('button', { name: '补打', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已补打 ${lost.number} 号的号票` })).toBeVisible();
  expect((await job).text).toEqual(expect.arrayContaining(['【补打】', lost.number]));
});
