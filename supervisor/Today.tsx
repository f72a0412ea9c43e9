// 今日统计: /api/stats as figures, today by default, any range on request.
import type { Stats } from '../shared/core/stats.ts';
import { Figure } from './Figure.tsx';
import { minutes1, percent } from './format.ts';
import { RangeForm } from './RangeForm.tsx';
import { useRangeStats, type StatsRange } from './useStats.ts';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  token: string;
  /** The hall's live day (its own time zone), once the socket has delivered it. */
  day: string | null;
  onExpired: () => void;
}

export function Today({ token, day, onExpired }: Props) {
  const { stats, error, loading, query, range } = useRangeStats(token, onExpired);
  return (
    <div class="today">
      <RangeForm preset={day ? { from: day, to: day } : null} presetLabel="回到今日" busy={loading} onQuery={query} onPreset={() => query({})} />
      <ErrorBox>{error}</ErrorBox>
      <h2 class="range-title">{rangeTitle(range, day)}</h2>
      {stats ? <StatsFigures stats={stats} /> : !error && <p class="loading">正在统计…</p>}
      <p class="footnote">等候时间：从取号到第一次叫号。90% 等候：九成群众的等候不超过此时间。满意率：“基本满意”及以上评价所占比例。</p>
    </div>
  );
}

function rangeTitle(r: StatsRange, day: string | null): string {
  if (!r.from && !r.to) return day ? `今日（${day}）` : '今日';
  const from = r.from ?? day ?? '今日';
  const to = r.to ?? day ?? '今日';
  return from === to ? `${from} 当日` : `${from} 至 ${to}`;
}

const LEVELS = [
  ['5', '非常满意'],
  ['4', '满意'],
  ['3', '基本满意'],
  ['2', '不满意'],
  ['1', '非常不满意'],
] as const;

function StatsFigures({ stats: s }: { stats: Stats }) {
  const rated = s.ratings.count > 0;
  return (
    <div class="stat-groups">
      <section class="card" aria-labelledby="g-tickets">
        <h3 id="g-tickets">取号与办结</h3>
        <dl class="figs">
          <Figure label="取号" value={String(s.tickets)} unit="张" testId="stat-tickets" />
          <Figure label="已办结" value={String(s.served)} unit="件" testId="stat-served" />
          <Figure label="过号" value={String(s.noShows)} unit="个" testId="stat-noShows" />
        </dl>
      </section>
      <section class="card" aria-labelledby="g-wait">
        <h3 id="g-wait">等候时间</h3>
        <dl class="figs">
          <Figure label="平均" value={minutes1(s.wait.avgMin)} unit="分钟" testId="stat-avg" />
          <Figure label="中位数" value={minutes1(s.wait.p50Min)} unit="分钟" testId="stat-p50" />
          <Figure label="90% 不超过" value={minutes1(s.wait.p90Min)} unit="分钟" testId="stat-p90" />
          <Figure label="最长" value={minutes1(s.wait.maxMin)} unit="分钟" testId="stat-max" />
        </dl>
      </section>
      <section class="card" aria-labelledby="g-ratings">
        <h3 id="g-ratings">群众评价</h3>
        <dl class="figs">
          <Figure label="评价数" value={String(s.ratings.count)} unit="条" testId="stat-ratings" />
          <Figure label="满意率" value={rated ? percent(s.ratings.satisfiedRate) : '暂无评价'} wordy={!rated} testId="stat-satisfied" />
        </dl>
        {rated && (
          <p class="levels">
            {LEVELS.map(([k, name]) => (
              <span key={k}>
                {name} {s.ratings.byLevel[k]}
              </span>
            ))}
          </p>
        )}
      </section>
    </div>
  );
}
