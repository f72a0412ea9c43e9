// 作废号票: on the live page, the tickets nobody holds (waiting, or no-show), per business,
// with check boxes, "select all of this business" for a junk flood, a required reason and
// a confirm step. The server cancels all of a request or none; a flood bigger than one
// request is sent in batches. The list follows the hall: re-read whenever the waiting
// counts the socket pushes change.
import { useState } from 'preact/hooks';
import type { QueueTicket } from '../shared/types.ts';
import { hhmm } from '../web/format.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { allIds, batches, CANCEL_BATCH, pruneSelection, ROWS_SHOWN } from './cancel.ts';
import { errorText, send, useResource } from './useResource.ts';

interface Props {
  token: string;
  /** Changes whenever the hall's waiting counts do: the list is read again. */
  version: string;
  onExpired: () => void;
}

export function CancelTickets({ token, version, onExpired }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section class="card cancel" aria-labelledby="cancel-title">
      <div class="cancel-head">
        <h2 id="cancel-title">作废号票</h2>
        <p class="muted">有人恶意大量取号时，在这里选中等候中或过号的号，写明原因后作废；正在窗口呼叫或办理的号由窗口处理。每次作废都记入操作日志。</p>
        <button type="button" class={open ? 'ghost' : 'primary'} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '选择要作废的号'}
        </button>
      </div>
      {open && <CancelForm token={token} version={version} onExpired={onExpired} />}
    </section>
  );
}

function CancelForm({ token, version, onExpired }: Props) {
  const { data, error, reload } = useResource(token, 'queue', {}, onExpired, version);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // Tickets called or cancelled meanwhile drop out of the selection.
  const selected = data ? pruneSelection(picked, data) : picked;
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setPicked(next);
    setConfirming(false);
    setDone(null);
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    let cancelled = 0;
    try {
      for (const ids of batches([...selected], CANCEL_BATCH)) {
        const r = await send(token, 'cancelTickets', { ticketIds: ids, reason }, onExpired);
        cancelled += r.cancelled.length;
      }
      setDone(`已作废 ${cancelled} 个号`);
      setPicked(new Set());
      setReason('');
    } catch (e) {
      setFailure(cancelled ? `已作废 ${cancelled} 个号，其余没有作废：${errorText(e)}` : errorText(e));
    } finally {
      setBusy(false);
      setConfirming(false);
      reload();
    }
  };

  if (!data) return error ? <ErrorBox>{error}</ErrorBox> : <p class="loading">正在读取…</p>;
  const rows = data.services.filter((s) => s.waiting.length + s.noShows.length > 0);
  return (
    <div class="cancel-body">
      <ErrorBox>{error}</ErrorBox>
      {rows.length === 0 && <p class="muted">现在没有等候中或过号的号。</p>}
      <div class="cancel-services">
        {rows.map((s) => {
          const ids = allIds(s);
          const all = ids.every((id) => selected.has(id));
          const some = !all && ids.some((id) => selected.has(id));
          const label = `${s.prefix} ${s.name}`;
          return (
            <fieldset key={s.serviceId} class="cancel-service" data-testid={`cancel-${s.serviceId}`}>
              <legend>
                {label}
                <small>
                  等候 {s.waiting.length} 人{s.noShows.length > 0 && `，过号 ${s.noShows.length} 个`}
                </small>
              </legend>
              <label class="cancel-all">
                <input type="checkbox" checked={all} indeterminate={some} onChange={(e) => toggle(ids, e.currentTarget.checked)} />
                全选本业务（{ids.length} 个号）
              </label>
              <ul class="cancel-list">
                {[...s.waiting, ...s.noShows].slice(0, ROWS_SHOWN).map((t) => (
                  <TicketBox key={t.id} t={t} checked={selected.has(t.id)} onChange={(on) => toggle([t.id], on)} />
                ))}
              </ul>
              {ids.length > ROWS_SHOWN && <p class="muted">还有 {ids.length - ROWS_SHOWN} 个号没有列出，“全选本业务”会一并选中。</p>}
            </fieldset>
          );
        })}
      </div>
      <div class="cancel-act">
        <label class="fld">
          作废原因（必填，记入操作日志）
          <input type="text" maxLength={200} value={reason} onInput={(e) => { setReason(e.currentTarget.value); setConfirming(false); }} placeholder="例如：同一人短时间内连续取号，恶意占号" />
        </label>
        {!confirming ? (
          <button type="button" class="primary" disabled={selected.size === 0 || !reason.trim() || busy} onClick={() => { setConfirming(true); setDone(null); }}>
            作废选中的 {selected.size} 个号
          </button>
        ) : (
          <div class="cancel-confirm" role="alertdialog" aria-label="确认作废">
            <strong>确认作废 {selected.size} 个号？作废后不能恢复，持号人需要重新取号。</strong>
            <button type="button" class="danger" disabled={busy} onClick={submit}>
              {busy ? '正在作废…' : '确认作废'}
            </button>
            <button type="button" class="ghost" disabled={busy} onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        )}
        {done && (
          <p class="ok cancel-done" role="status">
            {done}
          </p>
        )}
        <ErrorBox>{failure}</ErrorBox>
      </div>
    </div>
  );
}

function TicketBox({ t, checked, onChange }: { t: QueueTicket; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <li>
      <label class={checked ? 'cancel-ticket on' : 'cancel-ticket'}>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span class="cancel-no">{t.number}</span>
        <span class="muted">{t.noShowAt ? `过号 ${hhmm(t.noShowAt)}` : `${hhmm(t.takenAt)} 取号`}</span>
        {t.priority && <span class="tag">优先</span>}
      </label>
    </li>
  );
}

