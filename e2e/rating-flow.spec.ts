// 好差评 from end to end, as the people involved see it: the clerk finishes a visit, the
// window's pad asks, a villager rates 非常不满意 with a reason, the supervisor finds the
// follow-up case, records the call back and closes it; the same visit cannot be rated twice.
import { apiSignIn, clearCounter, E2E_PASSWORD, shot, signInAtSupervisor, expect, test } from './helpers.ts';

test('a bad rating at the window pad is called back and closed by the supervisor', async ({ browser, request }) => {
  const clerk = await apiSignIn(request, 'clerk3', '3');
  const headers = { authorization: `Bearer ${clerk}` };
  await clearCounter(request, clerk, '3');

  // The supervisor pairs the window's pad once; from then on it shows who serves there.
  const pad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await pad.goto('/kiosk/rate?counter=3');
  await pad.getByRole('textbox', { name: '用户名' }).fill('supervisor');
  await pad.getByLabel('密码').fill(E2E_PASSWORD);
  await pad.getByRole('button', { name: '绑定' }).click();
  await expect(pad.getByText('张敏')).toBeVisible();

  // The clerk serves a 户籍 visit at window 3 and finishes it.
  const t = (await (await request.post('/api/tickets', { data: { serviceId: 'household' } })).json()) as { id: string; number: string; ratingKey: string };
  for (;;) {
    const { ticket } = (await (await request.post('/api/counters/3/next', { headers })).json()) as { ticket: { id: string } | null };
    expect(ticket).not.toBeNull();
    if (ticket!.id === t.id) break;
    await request.post('/api/counters/3/complete', { headers, data: {} });
  }
  await request.post('/api/counters/3/complete', { headers, data: {} });

  // The pad asks; the villager is unhappy and says why.
  await expect(pad.getByText('请您对这次办事作出评价')).toBeVisible();
  await pad.getByRole('button', { name: '非常不满意', exact: true }).click();
  await pad.getByRole('button', { name: '工作人员态度不好' }).click();
  await pad.getByRole('button', { name: '提交评价' }).click();
  await expect(pad.getByText('感谢您的评价！')).toBeVisible();

  // The supervisor finds the case, calls back, records the fix and closes it.
  const sup = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signInAtSupervisor(sup);
  await sup.getByRole('tab', { name: /差评回访/ }).click();
  const card = sup.getByRole('region', { name: /^未办结/ }).getByRole('article', { name: t.number });
  await expect(card).toContainText('工作人员态度不好');
  await expect(card).toContainText('非常不满意');
  await card.getByRole('radio', { name: '已联系上' }).check();
  await card.getByLabel('回访情况').fill('已电话致歉，群众表示理解');
  await card.getByRole('button', { name: '记录回访' }).click();
  await expect(card.getByRole('list', { name: '处理记录' })).toContainText('回访 · 已联系上');
  await card.getByRole('radio', { name: '整改', exact: true }).check();
  await card.getByLabel('处理情况').fill('窗口人员参加服务规范培训');
  await card.getByRole('button', { name: '保存并办结' }).click();
  await expect(sup.getByRole('region', { name: /^已办结/ }).getByRole('article', { name: t.number })).toBeVisible();
  await shot(sup, 'rating-flow-closed');

  // One rating per visit, whichever channel comes first.
  const again = await request.post('/api/ratings', { data: { ticketId: t.id, key: t.ratingKey, level: 5, channel: 'phone' } });
  expect(again.status()).toBe(409);
  await pad.close();
  await sup.close();
});
