// 承诺件: the committed cases of this window's businesses still to deliver, overdue ones
// first. When the result is handed over (or the villager told to collect it), the clerk
// records 已办结送达 here, with a note if there is something to say.
import { useState } from 'preact/hooks';
import { call } from '../web/api.ts';
import { InlineActions } from './InlineActions.tsx';
import { commitmentDue, type CommitmentRow } from '../web/commitments.ts';
import { dayText } from './format.ts';
import { Modal } from './Modal.tsx';

interface Props {
  token: string;
  rows: CommitmentRow[] | null;
  error: string | null;
  /** The hall's day; null until the console has the hall's state. */
  today: string | null;
  onDelivered: (c: CommitmentRow) => void;
  onClose: () => void;
}

export function CommitmentsDialog({ token, rows, error, today, onDelivered, onClose }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const overdue = rows?.filter((c) => c.overdue).length ?? 0;
  return (
    <Modal title="承诺件" onClose={onClose} closeLabel="关闭" wide>
      <p class="modal-note">
        本窗口业务未办结的承诺件{rows && `共 ${rows.length} 件`}
        {overdue > 0 && <strong class="cm-late-text">，其中已超期 {overdue} 件，请尽快办结</strong>}。办好后请通知群众领取，再点“已办结送达”。
      </p>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
      {!rows ? (
        !error && <p>正在读取…</p>
      ) : rows.length === 0 ? (
        <p class="modal-note">本窗口没有未办结的承诺件。</p>
      ) : (
        <table class="cm-list">
          <thead>
            <tr>
              <th scope="col">号码</th>
              <th scope="col">受理日期</th>
              <th scope="col">业务</th>
              <th scope="col">承诺办结日期</th>
              <th scope="col">办理情况</th>
              <th scope="col">
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <Line key={c.ticketId} c={c} today={today} token={token} open={open === c.ticketId} onOpen={(on) => setOpen(on ? c.ticketId : null)} onDelivered={onDelivered} />
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}

interface LineProps {
  c: CommitmentRow;
  today: string | null;
  token: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  onDelivered: (c: CommitmentRow) => void;
}

function Line({ c, today, token, open, onOpen, onDelivered }: LineProps) {
  const due = commitmentDue(c, today);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Not a <form>: the dialog around it already is one.
  const deliver = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('deliver', { ticketId: c.ticketId, ...(note.trim() && { note: note.trim() }) }, token);
      onDelivered(c);
    } catch (e) {
      setError(e instanceof Error ? e.message : '保存失败');
      setBusy(false);
    }
  };
  return (
    <>
      <tr class={due.tone === 'bad' ? 'is-late' : undefined} data-testid={`cm-${c.number}`}>
        <td class="cm-no">{c.number}</td>
        <td>{c.day}</td>
        <td>
          {c.serviceName}
          {c.notify && <div class="cm-notify">通知：{c.notify.name} {c.notify.phone}</div>}
        </td>
        <td>{dayText(c.dueDate)}</td>
        <td>
          <span class={`cm-due cm-due-${due.tone}`}>{due.text}</span>
        </td>
        <td class="cm-act">
          {!open && (
            <button type="button" class="btn btn-small btn-ok" onClick={() => onOpen(true)}>
              已办结送达
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr class="cm-form">
          <td colSpan={6}>
            <label class="field">
              <span>送达说明（可不填）</span>
              <input
                value={note}
                maxLength={500}
                placeholder="例如：已电话通知群众到窗口领取"
                onInput={(e) => setNote(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void deliver();
                  }
                }}
                autoFocus
              />
            </label>
            <InlineActions label="确认送达" kind="btn-ok" busy={busy} error={error} onConfirm={() => void deliver()} onCancel={() => onOpen(false)} />
          </td>
        </tr>
      )}
    </>
  );
}
