// 电子监察 and 督办 end to end: a real hall linked to a real county center ships by itself;
// its committed case, ten days on, is a red warning on the county page; the county
// admin sends a 督办 from it; the hall's reply from the county carries the notice, its
// supervisor answers, the answer ships back and shows at the county; the case delivered,
// the warning closes by itself. Both clocks (and the hall's monotonic one, so the hall
// sees no jump) move ten days together: the hall's deadline is judged at its own time.
import { countyTest as test, expect, signInAtCounty, startExtraHall } from './county.ts';
import { E2E_PASSWORD } from './helpers.ts';

const DAY = 86_400_000;

test('an overdue committed case: red warning, 督办 from it, answered at the hall, closed when delivered', async ({ page, county, demoHall }) => {
  test.setTimeout(90_000);
  const link = await county.addHall('青山镇为民服务中心');
  let ahead = 0;
  const hall = await startExtraHall(demoHall, {
    clock: () => Date.now() + ahead,
    monotonic: () => performance.now() + ahead,
    county: { link: { url: county.url, hallId: link.id, key: link.key }, tuning: { heartbeatMs: 300, coalesceMs: 50 } },
  });
  const api = async (method: string, p: string, body?: unknown, token?: string) => {
    const res = await fetch(hall.url + p, { method, headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const signIn = async (username: string, counterId?: string) => (await api('POST', '/api/session', { username, password: E2E_PASSWORD, ...(counterId && { counterId }) })).body.token as string;
  try {
    // A committed case at window 3.
    expect((await api('POST', '/api/tickets', { serviceId: 'household' })).status).toBe(201);
    const clerk = await signIn('clerk3', '3');
    expect((await api('POST', '/api/counters/3/next', {}, clerk)).status).toBe(200);
    expect((await api('POST', '/api/counters/3/complete', { outcome: 'committed' }, clerk)).status).toBe(200);

    // Ten days on, every working-day deadline of the demo's businesses has passed.
    ahead = 10 * DAY;
    county.advance(10 * DAY);
    await signInAtCounty(page, county);
    await page.getByRole('tab', { name: '电子监察' }).click();
    const caseRow = page.getByRole('region', { name: '红色预警' }).locator('li').filter({ hasText: '承诺件' });
    await expect(caseRow).toContainText('已超期', { timeout: 20_000 });
    await expect(caseRow).toContainText('青山镇为民服务中心');
    await caseRow.getByRole('button', { name: '督办' }).click();
    const form = page.getByRole('form', { name: '督办 青山镇为民服务中心' });
    await expect(form.getByRole('textbox')).toHaveValue(/^【红色预警】承诺件/);
    await form.getByRole('textbox').fill('承诺件已超期，请说明原因并尽快办结。');
    await form.getByRole('button', { name: '发送督办' }).click();
    await expect(page.getByRole('status')).toContainText('已向青山镇为民服务中心发出督办');

    await page.getByRole('tab', { name: '督办' }).click();
    await expect(page.getByRole('region', { name: '待回复' })).toContainText('承诺件已超期，请说明原因并尽快办结。');

    // At the hall: the notice arrives with the county's next reply; the supervisor answers.
    const sup = await signIn('supervisor');
    let noticeId = '';
    await expect
      .poll(async () => {
        const list = (await api('GET', '/api/notices', undefined, sup)).body as { id: string; text: string }[];
        noticeId = list.find((n) => n.text === '承诺件已超期，请说明原因并尽快办结。')?.id ?? '';
        return noticeId;
      })
      .not.toBe('');
    expect((await api('POST', `/api/notices/${noticeId}/answer`, { text: '已联系群众，今日办结送达' }, sup)).status).toBe(200);
    const answered = page.getByRole('region', { name: '已回复' });
    await expect(answered).toContainText('回复：已联系群众，今日办结送达', { timeout: 15_000 });
    await expect(page.getByRole('region', { name: '待回复' })).toHaveCount(0);

    // Delivered at the hall: the warning closes by itself.
    const open = (await api('GET', '/api/commitments', undefined, sup)).body as { ticketId: string }[];
    expect((await api('POST', `/api/commitments/${open[0]!.ticketId}/deliver`, {}, sup)).status).toBe(200);
    await page.getByRole('tab', { name: '电子监察' }).click();
    await expect(page.getByRole('region', { name: '红色预警' }).locator('li').filter({ hasText: '承诺件' })).toHaveCount(0, { timeout: 15_000 });
    await page.getByText('最近解除的预警').click();
    await expect(page.locator('.warnings-closed li').filter({ hasText: '承诺件' })).toContainText('解除');
  } finally {
    await hall.close();
  }
});
