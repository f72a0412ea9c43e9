// 差评回访: every bad rating's case, open ones first (overdue on top, in red), closed
// ones below. Read again on each `ratings:changed` and after each thing recorded here.
import { useState } from 'preact/hooks';
import type { HallState } from '../shared/types.ts';
import { FollowUpCard } from './FollowUpCard.tsx';
import { sortFollowUps, type FollowUpFilter, type FollowUpRow } from './followUps.ts';
import { useResource } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  token: string;
  hall: HallState | null;
  version: number;
  onExpired: () => void;
}

const FILTERS: [FollowUpFilter, string][] = [
  ['all', '全部'],
  ['open', '未办结'],
  ['closed', '已办结'],
];

export function FollowUps({ token, hall, version, onExpired }: Props) {
  const { data, error, reload } = useResource(token, 'followUps', { status: 'all' }, onExpired, version);
  const [filter, setFilter] = useState<FollowUpFilter>('all');
  const rows = sortFollowUps(data ?? []);
  const open = rows.filter((f) => !f.closedAt);
  const closed = rows.filter((f) => f.closedAt);
  // 申诉待复核 on top, each shown there only.
  const appealed = rows.filter((f) => f.appeal && !f.appeal.review);
  const notAppealed = (list: FollowUpRow[]) => list.filter((f) => !appealed.includes(f));
  const overdue = open.filter((f) => f.overdue).length;
  const counterName = (id: string) => hall?.counters.find((c) => c.id === id)?.name ?? `${id}号窗口`;

  const section = (title: string, list: FollowUpRow[], empty: string) => (
    <section class="case-list" aria-labelledby={`cases-${title}`}>
      <h2 id={`cases-${title}`}>
        {title} <small>{list.length} 件</small>
      </h2>
      {list.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        list.map((f) => <FollowUpCard key={f.id} followUp={f} today={hall?.day ?? null} counterName={counterName} token={token} onExpired={onExpired} onChanged={reload} />)
      )}
    </section>
  );

  return (
    <div class="cases">
      <div class="cases-bar">
        <p>
          未办结 <strong>{open.length}</strong> 件
          {overdue > 0 && <strong class="error-text">，其中已超期 {overdue} 件</strong>}；已办结 {closed.length} 件。差评须在期限内回访并整改或解释说明后办结。
        </p>
        <fieldset class="seg">
          <legend class="sr-only">显示</legend>
          {FILTERS.map(([id, label]) => (
            <label key={id} class={filter === id ? 'on' : undefined}>
              <input type="radio" name="case-filter" checked={filter === id} onChange={() => setFilter(id)} />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {!data ? (
        !error && <p class="loading">正在读取…</p>
      ) : (
        <>
          {appealed.length > 0 && section('申诉待复核', appealed, '')}
          {filter !== 'closed' && section('未办结', notAppealed(open), '没有待回访的差评')}
          {filter !== 'open' && section('已办结', notAppealed(closed), '还没有办结的差评回访')}
        </>
      )}
    </div>
  );
}
