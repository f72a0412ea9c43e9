// 督办: the notices the county sent, unanswered first (待回复, aging by the hour) then
// answered (已回复, with the hall's answer); a county admin sends one to any hall here.
import { useEffect, useState } from 'preact/hooks';
import type { NoticeOutView } from '../../shared/county/types.ts';
import { useCountyData } from '../useCountyData.ts';
import type { TabProps } from '../tabs.ts';
import { ageText, sinceText } from './age.ts';
import { NoticeForm, type NoticeDraft } from './NoticeForm.tsx';
import { usePushTick } from './usePushTick.ts';
import '../warnings/warnings.css';

export function Notices({ session, halls, arg }: TabProps) {
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [pick, setPick] = useState('');
  const [tick, setTick] = useState(0);
  const admin = session.role === 'county_admin';
  // Answers arrive with the halls' batches: fetch again as the board is pushed.
  const pushed = usePushTick(halls);

  useEffect(() => {
    // Opened from a hall (the board's 督办): the form for that hall.
    const h = arg ? halls?.find((x) => x.id === arg) : undefined;
    if (h && admin) setDraft({ hallId: h.id, hallName: h.name });
  }, [arg]);
  const { data: list, error } = useCountyData<NoticeOutView[]>('notices', {}, session.token, [pushed, tick]);

  const open = (list ?? []).filter((n) => n.answer === undefined);
  const done = (list ?? []).filter((n) => n.answer !== undefined);
  const live = (halls ?? []).filter((h) => !h.revoked);

  return (
    <div class="notices">
      <div class="warnings-bar">
        <h2>督办通知</h2>
        {admin && !draft && (
          <form
            class="notices-new"
            onSubmit={(e) => {
              e.preventDefault();
              const h = live.find((x) => x.id === pick);
              if (h) setDraft({ hallId: h.id, hallName: h.name });
            }}
          >
            <select value={pick} onChange={(e) => setPick(e.currentTarget.value)} aria-label="督办对象">
              <option value="">选择大厅…</option>
              {live.map((h) => (
                <option value={h.id} key={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
            <button type="submit" class="primary" disabled={!pick}>
              发起督办
            </button>
          </form>
        )}
      </div>
      {error && <p class="error-box">{error}</p>}
      {draft && (
        <NoticeForm
          draft={draft}
          token={session.token}
          onCancel={() => setDraft(null)}
          onSent={() => {
            setDraft(null);
            setPick('');
            setTick((n) => n + 1);
          }}
        />
      )}
      {list === null && !error && <p class="loading">正在加载…</p>}
      {list !== null && list.length === 0 && <p class="muted">还没有发出过督办</p>}
      {open.length > 0 && (
        <section class="warnings-group" aria-label="待回复">
          <h3>
            待回复 <span class="warnings-count">{open.length}</span>
          </h3>
          <ul>
            {open.map((n) => (
              <li class={n.overdue ? 'notice notice-overdue' : 'notice'} key={n.id} data-notice={n.id}>
                <span class={n.overdue ? 'chip' : 'chip chip-appeal'}>待回复（{ageText(n.ageMin)}）</span>
                <div class="warning-main">
                  <p class="warning-subject">{n.text}</p>
                  <p class="warning-meta">
                    <strong>{n.hallName}</strong>
                    <span class="muted">
                      {sinceText(n.sentAt)} 由 {n.sentBy} 发出
                    </span>
                    {n.overdue && <span class="error-text">超过 24 小时未回复</span>}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {done.length > 0 && (
        <section class="warnings-group" aria-label="已回复">
          <h3>
            已回复 <span class="warnings-count">{done.length}</span>
          </h3>
          <ul>
            {done.map((n) => (
              <li class="notice notice-done" key={n.id} data-notice={n.id}>
                <span class="chip chip-voided">已回复</span>
                <div class="warning-main">
                  <p class="warning-subject">{n.text}</p>
                  <p class="notice-answer">
                    回复：{n.answer}
                    <span class="muted">
                      （{n.answeredBy ?? '大厅'}，{sinceText(n.answeredAt!)}，用时 {ageText(n.ageMin).slice(2)}）
                    </span>
                  </p>
                  <p class="warning-meta">
                    <strong>{n.hallName}</strong>
                    <span class="muted">
                      {sinceText(n.sentAt)} 由 {n.sentBy} 发出
                    </span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
