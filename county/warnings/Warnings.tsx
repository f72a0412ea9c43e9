// 电子监察: the open warnings of every hall (or of one), red first, each with its hall
// and the item it is about, and a 督办 button that opens a notice prefilled from it.
// The list follows the board's pushes: fetched again when a hall's count changes, and
// every half minute for the time-driven ones.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WarningKind, WarningOut } from '../../shared/county/types.ts';
import { useCountyData } from '../useCountyData.ts';
import { tabs, type TabProps } from '../tabs.ts';
import { NoticeForm, type NoticeDraft } from '../notices/NoticeForm.tsx';
import { Threshold } from './Threshold.tsx';
import { Closed } from './Closed.tsx';
import { usePushTick } from '../notices/usePushTick.ts';
import { sinceText } from '../notices/age.ts';
import './warnings.css';

/** The kind as the list names it; a Map, as the kind comes from the server. */
export const KIND_TEXT = new Map<string, string>([
  ['commitment', '承诺件'],
  ['follow_up', '差评回访'],
  ['empty_window', '窗口空岗'],
  ['long_wait', '等候超时'],
  ['silent', '大厅失联'],
  ['skew', '时钟偏差'],
] satisfies [WarningKind, string][]);

export function Warnings({ session, halls, arg, go }: TabProps) {
  const [hallId, setHallId] = useState<string | null>(arg ?? null);
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const admin = session.role === 'county_admin';
  const board = tabs.some((t) => t.id === 'board');
  // Warnings change with the halls' batches and with time: fetch again as the board is pushed.
  const pushed = usePushTick(halls);

  useEffect(() => setHallId(arg ?? null), [arg]);
  const { data: list, error } = useCountyData<WarningOut[]>('warnings', hallId ? { hallId } : {}, session.token, [pushed, tick]);

  const groups = useMemo(() => {
    const red = (list ?? []).filter((w) => w.level === 'red');
    const yellow = (list ?? []).filter((w) => w.level === 'yellow');
    return [
      { level: 'red' as const, title: '红色预警', items: red },
      { level: 'yellow' as const, title: '黄色预警', items: yellow },
    ];
  }, [list]);
  const hallName = hallId ? (halls?.find((h) => h.id === hallId)?.name ?? list?.[0]?.hallName ?? '') : null;

  return (
    <div class="warnings">
      <div class="warnings-bar">
        <h2>电子监察预警{hallName && `：${hallName}`}</h2>
        {hallId && (
          <button type="button" class="ghost" onClick={() => setHallId(null)}>
            显示全部大厅
          </button>
        )}
      </div>
      {hallId && <Threshold hallId={hallId} token={session.token} admin={admin} onSaved={() => setTick((n) => n + 1)} />}
      {error && <p class="error-box">{error}</p>}
      {sent && (
        <p class="warnings-sent" role="status">
          {sent}
        </p>
      )}
      {draft && (
        <NoticeForm
          draft={draft}
          token={session.token}
          onCancel={() => setDraft(null)}
          onSent={() => {
            setSent(`已向${draft.hallName}发出督办，大厅下次联网时收到。`);
            setDraft(null);
          }}
        />
      )}
      {list === null && !error && <p class="loading">正在加载…</p>}
      {list !== null && list.length === 0 && <p class="alerts-none">目前没有预警</p>}
      {groups.map(
        (g) =>
          g.items.length > 0 && (
            <section class={`warnings-group warnings-${g.level}`} aria-label={g.title} key={g.level}>
              <h3>
                {g.title} <span class="warnings-count">{g.items.length}</span>
              </h3>
              <ul>
                {g.items.map((w) => (
                  <li class={`warning warning-${w.level}`} key={w.id} data-warning={w.id}>
                    <span class="warning-kind">{KIND_TEXT.get(w.kind) ?? w.kind}</span>
                    <div class="warning-main">
                      <p class="warning-subject">{w.subject}</p>
                      <p class="warning-meta">
                        <button type="button" class="link" onClick={() => setHallId(w.hallId)} title="只看这个大厅的预警">
                          {w.hallName}
                        </button>
                        {w.link.kind !== 'hall' && <span class="warning-item">{linkText(w)}</span>}
                        <span class="muted">自 {sinceText(w.since)}</span>
                        {board && (
                          <button type="button" class="link" onClick={() => go('board', w.hallId)}>
                            看板
                          </button>
                        )}
                      </p>
                    </div>
                    {admin && (
                      <button
                        type="button"
                        class="primary warning-act"
                        onClick={() => {
                          setSent(null);
                          setDraft({ hallId: w.hallId, hallName: w.hallName, warning: w });
                        }}
                      >
                        督办
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
      <Closed hallId={hallId} token={session.token} kindText={(k) => KIND_TEXT.get(k) ?? k} refresh={pushed + tick} />
    </div>
  );
}

function linkText(w: WarningOut): string {
  switch (w.link.kind) {
    case 'ticket':
      return `号码 ${w.link.label}`;
    case 'follow_up':
      return `回访 ${w.link.label}`;
    case 'window':
      return w.link.label;
    default:
      return w.link.label;
  }
}
