// The monthly report: a day-by-day trend of tickets, and the month beside the month
// before (环比) and the same month last year (同比) when those have data. Closed days are
// written into the archive as the rollover would have.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DayArchive, Ticket } from '../shared/types.ts';
import { expect, shot, signInAtSupervisor, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

/** A closed day with `n` tickets, each served in 5 minutes after `wait` minutes. */
function day(date: string, n: number, wait: number, level: 1 | 5 = 5): DayArchive {
  const at = (min: number) => `${date}T${String(9 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}:00.000+08:00`;
  const tickets: Ticket[] = Array.from({ length: n }, (_, i) => ({
    id: `${date}-${i}`, number: `A${String(i + 1).padStart(3, '0')}`, serviceId: 'social', priority: false, day: date, seq: i + 1,
    takenAt: at(i), calledAt: at(i + wait), startedAt: at(i + wait), finishedAt: at(i + wait + 5), status: 'done', callCount: 1, counterId: '1', clerkId: 'u-clerk1', outcome: 'immediate',
    rating: { level, reasons: [], channel: 'pad', at: at(i + wait + 6) },
  }));
  return { day: date, tickets, signIns: [], names: { services: { social: '社保劳保' }, counters: { '1': '1号窗口' }, clerks: { 'u-clerk1': '王芳' } } };
}

test.beforeEach(({ hall }) => {
  const archive = path.join(hall.dataDir, 'archive');
  mkdirSync(archive, { recursive: true });
  for (const d of [day('2026-03-02', 4, 10), day('2026-03-05', 2, 16), day('2026-02-10', 2, 20, 1), day('2025-03-03', 5, 8)]) writeFileSync(path.join(archive, `${d.day}.json`), JSON.stringify(d));
});

test('the monthly report shows the day-by-day trend and 环比 / 同比 when there is data', async ({ page }) => {
  await signInAtSupervisor(page);
  await page.getByRole('tab', { name: '报表' }).click();
  await expect(page.getByRole('radio', { name: '月', exact: true })).toBeChecked();
  await page.getByLabel('月份').fill('2026-03');
  await expect(page.locator('.range-title')).toHaveText('2026年3月');

  const table = page.getByTestId('rp-compare');
  const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label}`) }).locator('td');
  await expect(table.getByRole('columnheader')).toHaveText(['项目', '2026年3月', '上月（2026年2月）', '环比', '去年同月（2025年3月）', '同比']);
  await expect(row('取号')).toHaveText(['6', '2', '+200.0%', '5', '+20.0%']);
  await expect(row('平均等候')).toHaveText(['12.0', '20.0', '−40.0%', '8.0', '+50.0%']);
  await expect(row('满意率')).toHaveText(['100.0%', '0.0%', '+100.0 个百分点', '100.0%', '0.0 个百分点']);

  const trend = page.getByRole('img', { name: /^每日取号（张）/ });
  await expect(trend).toHaveAttribute('aria-label', /1日 0张，2日 4张，3日 0张，4日 0张，5日 2张，6日 0张/);
  await expect(trend.locator('.ct-bar')).toHaveCount(31);
  await page.locator('.rp-compare').scrollIntoViewIfNeeded();
  await shot(page, 'reports-monthly-compare');
  await trend.scrollIntoViewIfNeeded();
  await shot(page, 'reports-monthly-trend');

  // February: no February a year before, so 同比 says there is nothing to compare with.
  await page.getByLabel('月份').fill('2026-02');
  await expect(row('取号')).toHaveText(['2', '—', '—', '—', '—']);
  await expect(page.locator('.rp-compare')).toContainText('上月和去年同月没有数据，无法比较。');
});
