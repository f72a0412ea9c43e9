// 承诺件: committed cases not yet delivered, whatever the report period, overdue ones on
// top in red. 已办结送达 records the delivery (with an optional note) and the list re-reads.
import { useState } from 'preact/hooks';
import { commitmentDue, sortCommitments, type CommitmentRow } from '../../web/commitments.ts';
import { useAction, useResource } from '../useResource.ts';
import { ErrorBox } from '../ErrorBox.tsx';

interface Props {
  token: string;
  today: string | null;
  counterName: (id: string) => string;
  onExpired: () => void;
  /** After a delivery: the report's committed figures change too. */
  onDelivered: () => void;
}

export function Commitments({ token, today, counterName, onExpired, onDelivered }: Props) {
  const { data, error, loading, reload } = useResource(token, 'commitments', { status: 'open' }, onExpired);
  const [open, setOpen] = useState<string | null>(null);
  const rows = sortCommitments(data ?? []);
  const overdue = rows.filter((c) => c.overdue).length;
  const delivered = () => {
    setOpen(null);
    reload();
    onDelivered();
  };

  return (
    <section class="card rp-commitments no-print" aria-labelledby="rp-cm-title">
      <div class="rp-cm-bar">
        <h3 id="rp-cm-title">未办结的承诺件</h3>
        <p>
          共 <strong data-testid="cm-open">{rows.length}</strong> 件
          {overdue > 0 && (
            <strong class="error-text" data-testid="cm-overdue">
              ，其中已超期 {overdue} 件
            </strong>
          )}
        </p>
        <button type="button" class="ghost" onClick={reload} disabled={loading}>
          刷新
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {!data ? (
        !error && <p class="loading">正在读取…</p>
      ) : rows.length === 0 ? (
        <p class="muted">目前没有未办结的承诺件</p>
      ) : (
        <table class="grid rp-cm-table">
          <thead>
            <tr>
              <th scope="col">号码</th>
              <th scope="col">受理日期</th>
              <th scope="col">业务</th>
              <th scope="col">窗口</th>
              <th scope="col">承诺办结日期</th>
              <th scope="col">办理情况</th>
              <th scope="col">
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <CommitmentLine key={c.ticketId} c={c} today={today} counterName={counterName} open={open === c.ticketId} onOpen={(on) => setOpen(on ? c.ticketId : null)} token={token} onExpired={onExpired} onDelivered={delivered} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface LineProps {
  c: CommitmentRow;
  today: string | null;
  counterName: (id: string) => string;
  open: boolean;
  onOpen: (open: boolean) => void;
  token: string;
  onExpired: () => void;
  onDelivered: () => void;
}

function CommitmentLine({ c, today, counterName, open, onOpen, token, onExpired, onDelivered }: LineProps) {
  const due = commitmentDue(c, today);
  const [note, setNote] = useState('');
  const act = useAction(token, onExpired);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = note.trim() ? { note: note.trim() } : {};
    if (await act.run('deliver', { ticketId: c.ticketId, ...body })) onDelivered();
  };
  return (
    <>
      <tr class={due.tone === 'bad' ? 'rp-cm-late' : undefined} data-testid={`cm-${c.number}`}>
        <th scope="row" class="rp-cm-no">{c.number}</th>
        <td>{c.day}</td>
        <td>{c.serviceName}</td>
        <td>{counterName(c.counterId)}</td>
        <td>{c.dueDate}</td>
        <td>
          <span class={`due due-${due.tone}`}>{due.text}</span>
        </td>
        <td class="rp-cm-act">
          {!open && (
            <button type="button" class="ghost" onClick={() => onOpen(true)}>
              已办结送达
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr class="rp-cm-form">
          <td colSpan={7}>
            <form onSubmit={submit} aria-label={`${c.number} 办结送达`}>
              <label class="fld">
                送达说明（可不填）
                <input value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} placeholder="例如：已电话通知群众到窗口领取" autoFocus />
              </label>
              <button type="submit" class="primary" disabled={act.busy}>
                确认送达
              </button>
              <button type="button" class="ghost" onClick={() => onOpen(false)} disabled={act.busy}>
                取消
              </button>
              <ErrorBox>{act.error}</ErrorBox>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
