// 队列调度: on the live page, what a supervisor does when a business has nobody to serve
// it. The tickets nobody holds (waiting, or no-show) per business, with check boxes and
// "select all of this business"; then one of: move them to another business, move them
// to one window (only it calls them next), or cancel them (junk tickets). Moved tickets
// keep their number, take time and place. A business can also be closed at the kiosk for
// now, with the reason the kiosk shows. Every action needs a reason and is audited; the
// server does all of a request or none, and a flood bigger than one request goes in
// batches. The list follows the hall: re-read whenever the waiting counts pushed change.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HallState, QueueTicket } from '../shared/types.ts';
import { hhmm } from '../web/format.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { allIds, batches, CANCEL_BATCH, movable, pruneSelection, ROWS_SHOWN } from './queueControl.ts';
import { errorText, send, useAction, useResource } from './useResource.ts';

/** A warning's link: open the panel on this business (its waiting tickets selected). */
export interface QueueFocus {
  serviceId?: string;
  /** A new object each click, so the same link works twice. */
  at: number;
}

interface Props {
  token: string;
  hall: HallState;
  /** Changes whenever the hall's waiting counts do: the list is read again. */
  version: string;
  focus: QueueFocus | null;
  onExpired: () => void;
}

type Act = 'service' | 'counter' | 'cancel';

export function QueueControl({ token, hall, version, focus, onExpired }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focus) return;
    setOpen(true);
    ref.current?.scrollIntoView({ block: 'start' });
  }, [focus]);
  return (
    <section ref={ref} id="queue-control" class="card cancel" aria-labelledby="queue-control-title">
      <div class="cancel-head">
        <h2 id="queue-control-title">队列调度</h2>
        <p class="muted">某项业务没有窗口办理时，把等候的号移到其他业务或指定窗口（保留号码和排队顺序），或在取号机上暂停取号；恶意取的号可以作废。每次操作都记入操作日志。</p>
        <button type="button" class={open ? 'ghost' : 'primary'} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '打开队列调度'}
        </button>
      </div>
      {open && <PauseServices token={token} hall={hall} onExpired={onExpired} />}
      {open && <QueueForm token={token} hall={hall} version={version} focus={focus} onExpired={onExpired} />}
    </section>
  );
}

/** 暂停取号: a business closed at the kiosk for now, with the reason the kiosk shows. */
function PauseServices({ token, hall, onExpired }: Omit<Props, 'version' | 'focus'>) {
  const paused = hall.services.filter((s) => s.closedReason === 'paused');
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  const act = useAction(token, onExpired);
  const pause = async () => {
    if (await act.run('pauseService', { serviceId, reason })) {
      setServiceId('');
      setReason('');
    }
  };
  return (
    <div class="qc-pause" aria-label="暂停取号">
      <h3>取号机暂停取号</h3>
      {paused.length === 0 ? (
        <p class="muted">现在没有暂停取号的业务。</p>
      ) : (
        <ul class="qc-paused">
          {paused.map((s) => (
            <li key={s.id} data-testid={`paused-${s.id}`}>
              <strong>{s.name}</strong>
              <span>取号机显示“暂停取号：{s.pauseReason}”</span>
              <button type="button" class="ghost" disabled={act.busy} onClick={() => act.run('resumeService', { serviceId: s.id })}>
                恢复取号
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="qc-pause-form">
        <label class="fld">
          暂停哪项业务
          <select value={serviceId} onChange={(e) => setServiceId(e.currentTarget.value)}>
            <option value="">请选择业务</option>
            {/* Paused ones stay listed, disabled: an option removed under the selection would blank the box. */}
            {hall.services.map((s) => (
              <option key={s.id} value={s.id} disabled={s.closedReason === 'paused'}>
                {s.prefix} {s.name}
                {s.closedReason === 'paused' && '（已暂停）'}
              </option>
            ))}
          </select>
        </label>
        <label class="fld">
          取号机上显示的原因（必填）
          <input type="text" maxLength={40} value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="例如：今天无人办理，请明天再来" />
        </label>
        <button type="button" class="primary" disabled={!serviceId || !reason.trim() || act.busy} onClick={pause}>
          暂停取号
        </button>
      </div>
      <p class="muted">已取的号照常叫号；当天结束时自动恢复取号。</p>
      <ErrorBox>{act.error}</ErrorBox>
    </div>
  );
}

function QueueForm({ token, hall, version, focus, onExpired }: Props) {
  const { data, error, reload } = useResource(token, 'queue', {}, onExpired, version);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [act, setAct] = useState<Act>('service');
  const [toService, setToService] = useState('');
  const [toCounter, setToCounter] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // A warning's link: that business's waiting tickets, ready to move.
  useEffect(() => {
    if (!focus?.serviceId || !data) return;
    const row = data.services.find((s) => s.serviceId === focus.serviceId);
    if (!row) return;
    setPicked(new Set(row.waiting.map((t) => t.id)));
    setAct('service');
    setConfirming(false);
    document.querySelector(`[data-testid="queue-${CSS.escape(focus.serviceId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focus, data === null]);

  // Tickets called or cancelled meanwhile drop out of the selection.
  const selected = data ? pruneSelection(picked, data) : picked;
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setPicked(next);
    setConfirming(false);
    setDone(null);
  };
  const moving = data ? movable(selected, data) : { ids: [], noShows: 0 };
  const ids = act === 'cancel' ? [...selected] : moving.ids;
  const target = act === 'service' ? hall.services.find((s) => s.id === toService)?.name : act === 'counter' ? hall.counters.find((c) => c.id === toCounter)?.name : undefined;
  const ready = ids.length > 0 && reason.trim() !== '' && (act === 'cancel' || target !== undefined);
  const verb = act === 'cancel' ? '作废' : '移动';

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    let n = 0;
    try {
      for (const batch of batches(ids, CANCEL_BATCH)) {
        if (act === 'cancel') n += (await send(token, 'cancelTickets', { ticketIds: batch, reason }, onExpired)).cancelled.length;
        else n += (await send(token, 'moveTickets', { ticketIds: batch, reason, ...(act === 'service' ? { serviceId: toService } : { counterId: toCounter }) }, onExpired)).moved.length;
      }
      setDone(act === 'cancel' ? `已作废 ${n} 个号` : `已把 ${n} 个号移到${target}`);
      setPicked(new Set());
      setReason('');
    } catch (e) {
      setFailure(n ? `已${verb} ${n} 个号，其余没有${verb}：${errorText(e)}` : errorText(e));
    } finally {
      setBusy(false);
      setConfirming(false);
      reload();
    }
  };

  if (!data) return error ? <ErrorBox>{error}</ErrorBox> : <p class="loading">正在读取…</p>;
  const rows = data.services.filter((s) => s.waiting.length + s.noShows.length > 0);
  const change = (f: () => void) => {
    f();
    setConfirming(false);
    setDone(null);
  };
  return (
    <div class="cancel-body">
      <h3>等候中和过号的号</h3>
      <ErrorBox>{error}</ErrorBox>
      {rows.length === 0 && <p class="muted">现在没有等候中或过号的号。</p>}
      <div class="cancel-services">
        {rows.map((s) => {
          const ids = allIds(s);
          const all = ids.every((id) => selected.has(id));
          const some = !all && ids.some((id) => selected.has(id));
          return (
            <fieldset key={s.serviceId} class={focus?.serviceId === s.serviceId ? 'cancel-service focus' : 'cancel-service'} data-testid={`queue-${s.serviceId}`}>
              <legend>
                {s.prefix} {s.name}
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
      <fieldset class="qc-act">
        <legend>对选中的 {selected.size} 个号</legend>
        <label class="qc-choice">
          <input type="radio" name="qc-act" checked={act === 'service'} onChange={() => change(() => setAct('service'))} />
          移到其他业务
          <select aria-label="移到哪项业务" value={toService} onChange={(e) => change(() => { setToService(e.currentTarget.value); setAct('service'); })}>
            <option value="">请选择业务</option>
            {hall.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} {s.name}
              </option>
            ))}
          </select>
        </label>
        <label class="qc-choice">
          <input type="radio" name="qc-act" checked={act === 'counter'} onChange={() => change(() => setAct('counter'))} />
          指定窗口
          <select aria-label="由哪个窗口叫号" value={toCounter} onChange={(e) => change(() => { setToCounter(e.currentTarget.value); setAct('counter'); })}>
            <option value="">请选择窗口</option>
            {hall.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{!c.staffed ? '无人在岗' : c.paused ? '暂停服务' : `${c.clerk?.name ?? ''}在岗`}）
              </option>
            ))}
          </select>
        </label>
        <label class="qc-choice">
          <input type="radio" name="qc-act" checked={act === 'cancel'} onChange={() => change(() => setAct('cancel'))} />
          作废
        </label>
        {act !== 'cancel' && moving.noShows > 0 && <p class="muted">选中的号里有 {moving.noShows} 个过号的号：过号的号由窗口恢复排队，这次只移动等候中的号。</p>}
      </fieldset>
      <div class="cancel-act">
        <label class="fld">
          原因（必填，记入操作日志）
          <input type="text" maxLength={200} value={reason} onInput={(e) => change(() => setReason(e.currentTarget.value))} placeholder={act === 'cancel' ? '例如：同一人短时间内连续取号，恶意占号' : '例如：该业务今天无人值守'} />
        </label>
        {!confirming ? (
          <button type="button" class="primary" disabled={!ready || busy} onClick={() => { setConfirming(true); setDone(null); }}>
            {verb}选中的 {ids.length} 个号
          </button>
        ) : (
          <div class="cancel-confirm" role="alertdialog" aria-label={`确认${verb}`}>
            <strong>
              {act === 'cancel'
                ? `确认作废 ${ids.length} 个号？作废后不能恢复，持号人需要重新取号。`
                : `确认把 ${ids.length} 个号移到${target}？号码和排队顺序不变${act === 'counter' ? `，只由${target}叫号` : ''}。`}
            </strong>
            <button type="button" class={act === 'cancel' ? 'danger' : 'primary'} disabled={busy} onClick={submit}>
              {busy ? `正在${verb}…` : `确认${verb}`}
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
        {t.forCounter && <span class="tag">指定{t.forCounter}</span>}
      </label>
    </li>
  );
}
