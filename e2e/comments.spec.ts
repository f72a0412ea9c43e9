// 意见簿 a page at a time: today's comments first, then 更早的留言 reads older pages from
// the archive (written there as a closed day would leave them), until there are none;
// a comment from an archived day can still be answered.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommentEntry } from '../shared/types.ts';
import { expect, shot, signInAtSupervisor, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const DAY = '2026-03-02';
const archived: CommentEntry[] = Array.from({ length: 45 }, (_, i) => ({
  id: `old${String(i).padStart(2, '0')}`,
  kind: i % 5 === 0 ? 'complaint' : 'comment',
  text: i === 0 ? '三月初的投诉：窗口人员态度生硬' : `旧留言 ${i}`,
  at: `${DAY}T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00.000+08:00`,
  ...(i % 2 === 1 && { reply: { text: '已处理', at: `${DAY}T17:00:00.000+08:00`, by: 'u-supervisor' } }),
}));

test('the comment book shows a page, reads older pages, and answers an archived comment', async ({ page, request, hall }) => {
  const dir = path.join(hall.dataDir, 'archive');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${DAY}.comments.json`), JSON.stringify(archived));
  for (const text of ['今天的留言一', '今天的留言二', '今天的留言三']) expect((await request.post('/api/comments', { data: { text } })).status()).toBe(201);

  await signInAtSupervisor(page);
  await page.getByRole('tab', { name: /意见簿/ }).click();
  const cards = page.locator('article.case');
  await expect(cards).toHaveCount(20);
  await expect(cards.first()).toContainText('今天的留言三');
  await expect(page.getByText(/已显示最近 20 条/)).toBeVisible();
  await shot(page, 'supervisor-comments-page1');

  const older = page.getByRole('button', { name: '更早的留言' });
  await older.click();
  await expect(cards).toHaveCount(40);
  await older.click();
  await expect(cards).toHaveCount(48);
  await expect(older).toHaveCount(0);
  await expect(page.getByText('没有更早的留言了')).toBeVisible();

  // The oldest, from the archive, answered here.
  const oldest = cards.filter({ hasText: '三月初的投诉' });
  await expect(oldest).toContainText('待答复');
  await oldest.getByLabel('答复内容').fill('已约谈该窗口人员并向留言人致歉');
  await oldest.getByRole('button', { name: '提交答复' }).click();
  await expect(oldest).toContainText('已答复');
  await expect(oldest).toContainText('已约谈该窗口人员并向留言人致歉');
  await expect(cards).toHaveCount(48);
  await oldest.scrollIntoViewIfNeeded();
  await shot(page, 'supervisor-comments-older');

  // Only what still needs an answer: today's three and the archived ones never answered.
  await page.getByLabel('只看待答复').check();
  await expect(cards).toHaveCount(20);
  await older.click();
  await expect(cards).toHaveCount(3 + 22);
  await expect(cards.filter({ hasText: '三月初的投诉' })).toHaveCount(0);
});
