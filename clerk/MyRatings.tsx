// 我的评价: how villagers rated this clerk's own service, today and this month so far.
// Only what they said (level, reasons, comment): never who said it or how to reach them.
import { useEffect, useState } from 'preact/hooks';
import { LEVELS } from '../shared/core/ratings.ts';
import type { MyRatingsReply } from '../shared/core/ratingStats.ts';
import { call } from '../web/api.ts';
import { monthDayTime, monthStart } from './format.ts';
import { Modal } from './Modal.tsx';
import { AppealCell } from './Appeal.tsx';

type MyRatings = MyRatingsReply;

interface Props {
  token: string;
  /** The hall's day (its own time zone); null until the console has the hall's state. */
  day: string | null;
  onClose: () => void;
}

export function MyRatingsDialog({ token, day, onClose }: Props) {
  const [data, setData] = useState<{ today: MyRatings; month: MyRatings } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read again after an appeal: its row then says it waits for review.
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (!day) return;
    let alive = true;
    const read = (from: string) => call('myRatings', { from, to: day }, token);
    Promise.all([read(day), read(monthStart(day))]).then(
      ([today, month]) => alive && setData({ today, month }),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : '读取失败'),
    );
    return () => {
      alive = false;
    };
  }, [token, day, reads]);

  return (
    <Modal title="我的评价" onClose={onClose} closeLabel="关闭" wide>
      <p class="modal-note">群众对您所办业务的评价。只显示评价内容，不显示评价人及其联系方式。认为差评不实的，可以申诉，由主任复核。</p>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        !error && <p>正在读取…</p>
      ) : (
        <>
          <div class="mine-figs">
            <MineFigures title="今日" f={data.today} testId="mine-today" />
            <MineFigures title={`本月（${data.month.from} 起）`} f={data.month} testId="mine-month" />
          </div>
          <RatingList ratings={data.month.ratings} token={token} onAppealed={() => setReads((n) => n + 1)} />
        </>
      )}
    </Modal>
  );
}

const ORDER = [5, 4, 3, 2, 1] as const;

function MineFigures({ title, f, testId }: { title: string; f: MyRatings; testId: string }) {
  return (
    <section class="mine" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      <p class="mine-rate">
        <span>满意率</span>
        <strong data-testid={`${testId}-rate`}>{f.count ? `${(f.satisfiedRate * 100).toFixed(1)}%` : '暂无评价'}</strong>
      </p>
      <p class="mine-sub">
        评价 <strong data-testid={`${testId}-count`}>{f.count}</strong> 条 · 办结 {f.served} 件 · 差评 <strong class={f.bad ? 'is-bad' : undefined}>{f.bad}</strong> 条
      </p>
      <ul class="mine-bars" aria-label="评价分布">
        {ORDER.map((l) => {
          const n = f.byLevel[String(l) as keyof MyRatings['byLevel']];
          return (
            <li key={l} class={l <= 2 ? 'is-bad' : undefined}>
              <span>{LEVELS[l]}</span>
              <span class="mine-track" aria-hidden="true">
                <span style={{ width: `${f.count ? (n / f.count) * 100 : 0}%` }} />
              </span>
              <span>{n}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RatingList({ ratings, token, onAppealed }: { ratings: MyRatings['ratings']; token: string; onAppealed: () => void }) {
  if (ratings.length === 0) return <p class="modal-note">本月还没有收到评价。</p>;
  return (
    <table class="mine-list">
      <caption>本月收到的评价（{ratings.length} 条，最新在前）</caption>
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">号码</th>
          <th scope="col">业务</th>
          <th scope="col">评价</th>
          <th scope="col">原因与留言</th>
          <th scope="col">申诉</th>
        </tr>
      </thead>
      <tbody>
        {ratings.map((r) => (
          <tr key={`${r.day}-${r.number}`} class={r.appeal?.review?.verdict === 'voided' ? 'is-voided' : undefined} data-testid={`mine-${r.number}`}>
            <td>{monthDayTime(r.at)}</td>
            <td class="mine-no">{r.number}</td>
            <td>{r.serviceName}</td>
            <td>
              <span class={`lvl lvl-${r.level}`}>{LEVELS[r.level]}</span>
            </td>
            <td>
              {r.reasons.join('；')}
              {r.comment && <q>{r.comment}</q>}
              {!r.reasons.length && !r.comment && <span class="muted">—</span>}
            </td>
            <td>{r.followUpId ? <AppealCell followUpId={r.followUpId} number={r.number} appeal={r.appeal} token={token} onAppealed={onAppealed} /> : <span class="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
