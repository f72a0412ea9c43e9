// 满意度: GET /api/ratings/summary for a range (this month so far by default), as figures,
// a distribution by level, and one table per window, clerk and business.
import { useState } from 'preact/hooks';
import type { RatingFigures } from '../shared/core/ratingStats.ts';
import type { HallState } from '../shared/types.ts';
import { Figure } from './Figure.tsx';
import { monthStart, percent } from './format.ts';
import { GroupTable } from './GroupTable.tsx';
import { LevelBars } from './LevelBars.tsx';
import { RangeForm } from './RangeForm.tsx';
import type { StatsRange } from './useStats.ts';
import { useResource } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';

type Summary = RatingFigures & { from: string; to: string };

interface Props {
  token: string;
  hall: HallState | null;
  /** Moves on every `ratings:changed`: the figures are read again. */
  version: number;
  onExpired: () => void;
}

export function Satisfaction({ token, hall, version, onExpired }: Props) {
  const day = hall?.day ?? null;
  const month = day ? { from: monthStart(day), to: day } : null;
  // null: this month so far, which moves with the hall's day.
  const [chosen, setChosen] = useState<StatsRange | null>(null);
  const range = chosen ?? month;
  const { data, error, loading } = useResource(token, 'ratingSummary', range, onExpired, version);

  const name = (list: { id: string; name: string }[] | undefined) => (id: string) => list?.find((x) => x.id === id)?.name ?? id;
  return (
    <div class="today">
      <RangeForm preset={month} presetLabel="本月" busy={loading} onQuery={setChosen} onPreset={() => setChosen(null)} />
      <ErrorBox>{error}</ErrorBox>
      {!data ? (
        !error && <p class="loading">{day ? '正在统计…' : '正在连接大厅…'}</p>
      ) : (
        <>
          <h2 class="range-title">{data.from === data.to ? `${data.from} 当日` : `${data.from} 至 ${data.to}`}</h2>
          <SummaryCards s={data} />
          <div class="groups">
            <GroupTable title="各窗口" what="窗口" rows={data.byCounter} nameOf={name(hall?.counters)} />
            <GroupTable title="各业务" what="业务" rows={data.byService} nameOf={name(hall?.services)} />
            <GroupTable title="各工作人员" what="工作人员" rows={data.byClerk} nameOf={(id) => data.byClerk.find((g) => g.id === id)?.name ?? id} />
          </div>
        </>
      )}
      <p class="footnote">
        满意率：“基本满意”及以上评价占评价数的比例。参评率：评价数 ÷ 办结件数。回访率：已回访的差评 ÷ 差评总数。平均办结：差评从评价到办结所用的工作日。差评回访按办理日期计入所选时间。
      </p>
    </div>
  );
}


function SummaryCards({ s }: { s: Summary }) {
  const rated = s.count > 0;
  const f = s.followUps;
  return (
    <div class="stat-groups sat-top">
      <section class="card" aria-labelledby="g-sat">
        <h3 id="g-sat">群众评价</h3>
        <dl class="figs">
          <Figure label="满意率" value={rated ? percent(s.satisfiedRate) : '暂无评价'} wordy={!rated} testId="sat-rate" />
          <Figure label="评价数" value={String(s.count)} unit="条" testId="sat-count" />
          <Figure label="差评" value={String(s.bad)} unit="条" testId="sat-bad" tone={s.bad ? 'bad' : undefined} />
          <Figure label={`参评率（办结 ${s.served} 件）`} value={percent(s.responseRate)} testId="sat-response" />
        </dl>
      </section>
      <section class="card sat-levels" aria-labelledby="g-levels">
        <h3 id="g-levels">评价分布</h3>
        <LevelBars counts={s} />
      </section>
      <section class="card" aria-labelledby="g-fu">
        <h3 id="g-fu">差评回访（{f.total} 件）</h3>
        <dl class="figs">
          <Figure label="回访率" value={f.total ? percent(f.callBackRate) : '无差评'} wordy={!f.total} testId="sat-callback" tone={f.total && f.callBackRate < 1 ? 'warn' : undefined} />
          {f.closed ? (
            <Figure label="平均办结" value={f.avgCloseDays.toFixed(1)} unit="个工作日" testId="sat-close-days" />
          ) : (
            <Figure label="平均办结" value="尚无办结" wordy testId="sat-close-days" />
          )}
          <Figure label="未办结" value={String(f.open)} unit="件" testId="sat-fu-open" />
          <Figure label="已超期" value={String(f.overdue)} unit="件" testId="sat-fu-overdue" tone={f.overdue ? 'bad' : undefined} />
        </dl>
      </section>
    </div>
  );
}
