// Signing in at the clerk console: the AB岗 rule (the B post may sign in at the A post's
// window, nobody else), and a session that survives a reload but not being ended elsewhere.
import type { Page } from '@playwright/test';
import { E2E_PASSWORD, expect, shot, signInAtConsole, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

/** Signs in through the form, like a clerk at the start of the day. */
async function signInAt(page: Page, username: string, counterId: string): Promise<void> {
  await signInAtConsole(page, username, counterId);
  await expect(page.locator('header')).toContainText(`${counterId}号窗口`);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('AB岗: the B post signs in at the A post window; anyone else is refused with the reason', async ({ page }) => {
  // Seed: window i's A post is clerk i, its B post clerk (i mod 6) + 1 — clerk2 covers window 1.
  await signInAt(page, 'clerk2', '1');
  const header = page.locator('header');
  await expect(header).toContainText('1号窗口');
  await expect(header).toContainText('李强');
  await expect(header).toContainText('B岗代岗');
  await shot(page, 'clerk-b-post');
  await button(page, '退出登录').click();
  await expect(button(page, '签到上岗')).toBeVisible();

  await page.getByLabel('用户名').fill('clerk3');
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByLabel('窗口', { exact: true }).selectOption('1');
  await button(page, '签到上岗').click();
  await expect(page.getByRole('alert')).toHaveText('您不是1号窗口的 A 岗或 B 岗，不能在此窗口签到');
  await expect(button(page, '签到上岗')).toBeEnabled();

  // A wrong password is told plainly too.
  await page.getByLabel('用户名').fill('clerk1');
  await page.getByLabel('密码').fill('wrong-password');
  await button(page, '签到上岗').click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
  await shot(page, 'clerk-signin-refused');
});

test('a reload keeps the session; a session ended elsewhere returns to sign-in with a message', async ({ page, request }) => {
  await signInAt(page, 'clerk6', '6');
  await expect(page.locator('header')).toContainText('6号窗口');
  await page.reload();
  await expect(page.locator('header')).toContainText('杨帆');
  await expect(page.locator('header')).toContainText('实时连接');

  // The session is ended on the server (another tab signing out, an administrator).
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hall.clerk.session') ?? '{}') as { token: string }).token);
  const res = await request.delete('/api/session', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(204);
  // The sign-in form first: until it shows, the console's own status lines are on the page too.
  await expect(button(page, '签到上岗')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('登录已结束：已退出登录');
  // The form remembers the last window and user.
  await expect(page.getByLabel('用户名')).toHaveValue('clerk6');
  await expect(page.getByLabel('窗口', { exact: true })).toHaveValue('6');
  await shot(page, 'clerk-session-ended');

  // A reload with a token the server no longer knows goes back to sign-in as well.
  await page.evaluate((t) => sessionStorage.setItem('hall.clerk.session', JSON.stringify({ token: t, counterId: '6', user: { id: 'u-clerk6', name: '杨帆', staffNo: 'QS008' } })), token);
  await page.reload();
  await expect(page.getByRole('status')).toContainText('登录已失效');
  await expect(button(page, '签到上岗')).toBeVisible();
});
