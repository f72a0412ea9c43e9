// The clerk console: the ticket at the window, the actions on it, the queue behind it.
import { useState } from 'preact/hooks';
import type { StaffTicket } from '../shared/types.ts';
import { REOPEN_MS } from '../shared/core/due.ts';
import { monthDay } from '../shared/words.ts';
import { call } from '../web/api.ts';
import { ActionButton } from './ActionButton.tsx';
import { CommitmentsDialog } from './CommitmentsDialog.tsx';
import { CurrentTicket } from './CurrentTicket.tsx';
import { useDraft } from './draft.ts';
import { FinishPanel } from './FinishPanel.tsx';
import { hhmm } from '../web/format.ts';
import { dayText, outcomeLabel } from './format.ts';
import { Header } from './Header.tsx';
import { SHORTCUTS, useShortcuts } from './keys.ts';
import { ConfirmDialog, Modal } from './Modal.tsx';
import { MyRatingsDialog } from './MyRatings.tsx';
import { PauseDialog } from './PauseDialog.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { ReprintDialog } from './ReprintDialog.tsx';
import type { ClerkSession } from './session.ts';
import { TransferDialog } from './TransferDialog.tsx';
import { useCommitments } from './useCommitments.ts';
import { useConsole, type Leave } from './useConsole.ts';
import { useNow } from './useNow.ts';

type Dialog = 'noShow' | 'transfer' | 'pause' | 'pauseBlocked' | 'unstarted' | 'unstartedNext' | 'signOut' | 'reprint' | 'myRatings' | 'commitments' | null;

export function Console({ session, onLeave }: { session: ClerkSession; onLeave: Leave }) {
  const c = useConsole(session, onLeave);
  const { counter, hall, busy } = c;
  const nowMs = useNow(hall?.now);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [noteMissing, setNoteMissing] = useState(false);
  // The last ticket finished here: a committed case's due date stays in view to read out.
  const [lastDone, setLastDone] = useState<StaffTicket | null>(null);

  const view = hall?.counters.find((x) => x.id === session.counterId);
  const cur = counter?.current ?? null;
  // The ticket's own choices and words: kept across a reload, gone when it leaves.
  const [draft, setDraft, restoreDraft] = useDraft(counter ? (cur?.id ?? null) : undefined);
  const { outcome, note } = draft;
  const paused = counter?.paused ?? false;
  const serviceName = (id: string) => hall?.services.find((s) => s.id === id)?.name ?? id;
  // Re-read after each visit finished here: finishing one as 承诺件 adds to the list.
  const commitments = useCommitments(session.token, session.counterId, view?.serviceIds ?? [], `${counter?.servedToday}-${c.commitmentsPulse}`);
  const lateCommitments = commitments.rows?.filter((x) => x.overdue).length ?? 0;

  // ------------------------------------------------------------ actions
  const callNext = async () => {
    const { ticket } = await c.post('next');
    c.setCurrent(ticket);
    if (!ticket) c.setNotice({ kind: 'info', text: '现在没有排队的号' });
  };
  const next = () => void c.run(callNext);
  const reprint = (number: string) => {
    setDialog(null);
    void c.run(async () => {
      const t = await call('ticketByNumber', { number });
      await call('reprint', { id: t.id }, session.token);
      c.setNotice({ kind: 'ok', text: `已补打 ${number} 号的号票，请到号票机取` });
    });
  };
  const recall = () =>
    void c.run(async () => {
      const { ticket } = await c.post('recall');
      c.setCurrent(ticket);
    });
  const start = () =>
    void c.run(async () => {
      const { ticket } = await c.post('start');
      c.setCurrent(ticket);
    });
  const finish = (thenNext: boolean) => {
    // Checked here first so the clerk is told before anything is sent; the server checks again.
    if (cur && outcome === 'refused' && !note.trim()) {
      setNoteMissing(true);
      c.setNotice({ kind: 'error', text: '不予受理必须写明理由：请在“不予受理理由”栏填写后再办结' });
      return;
    }
    // Called but never started: one key must not finish a visit that did not happen.
    if (cur?.status === 'called') return setDialog(thenNext ? 'unstartedNext' : 'unstarted');
    finishNow(thenNext);
  };
  const finishNow = (thenNext: boolean) => {
    setDialog(null);
    const name = draft.notifyName.trim();
    const phone = draft.notifyPhone.trim();
    const notify = outcome === 'committed' && (name || phone) ? { notify: { name, phone } } : {};
    void c.run(async () => {
      const { ticket } = await c.post('complete', { outcome, ...(note.trim() && { note: note.trim() }), ...notify });
      c.setCurrent(null);
      setLastDone(ticket);
      setNoteMissing(false);
      const due = ticket.dueDate ? `，承诺办结日期 ${dayText(ticket.dueDate)}` : '';
      c.setNotice({ kind: 'ok', text: `${ticket.number} 号已办结（${outcomeLabel(ticket.outcome)}）${due}` });
      if (thenNext) await callNext();
    });
  };
  // 撤销办结: the visit comes back to the window with what was chosen and written for it.
  const reopen = () =>
    void c.run(async () => {
      const done = lastDone!;
      const { ticket } = await c.post('reopen');
      restoreDraft(ticket.id, { outcome: done.outcome ?? 'immediate', note: done.note ?? '' });
      c.setCurrent(ticket);
      setLastDone(null);
      c.setNotice({ kind: 'info', text: `已撤销 ${ticket.number} 号的办结，评价器不再请群众评价；请继续办理` });
    });
  const canReopen = lastDone?.finishedAt !== undefined && !cur && nowMs - Date.parse(lastDone.finishedAt) < REOPEN_MS;
  const noShow = () => {
    // Without a ticket there is nothing to confirm: let the server say so.
    if (cur?.status === 'called') setDialog('noShow');
    else
      void c.run(async () => {
        await c.post('noShow');
      });
  };
  const confirmNoShow = () => {
    setDialog(null);
    void c.run(async () => {
      const { ticket } = await c.post('noShow');
      c.setCurrent(null);
      c.setNotice({ kind: 'ok', text: `${ticket.number} 号已过号，本人到场后可在“今日过号”中恢复排队` });
    });
  };
  const transfer = (serviceId: string) => {
    setDialog(null);
    void c.run(async () => {
      const { ticket } = await c.post('transfer', { serviceId });
      c.setCurrent(null);
      c.setNotice({ kind: 'ok', text: `${ticket.number} 号已转至「${ticket.serviceName}」排队，保留原号和排队位置` });
    });
  };
  const reinstate = (ticketId: string, number: string) =>
    void c.run(async () => {
      await c.post('reinstate', { ticketId });
      c.setNotice({ kind: 'ok', text: `${number} 号已恢复排队，按原取号顺序等候` });
    });
  // With a villager at the window the wall would grey the number they walk up to.
  const askPause = () => setDialog(cur ? 'pauseBlocked' : 'pause');
  const pause = (reason: string) => {
    setDialog(null);
    void c.run(async () => {
      const r = await c.post('pause', { reason });
      c.setCounter(r.counter);
    });
  };
  const resume = () =>
    void c.run(async () => {
      const r = await c.post('resume');
      c.setCounter(r.counter);
    });
  const signOut = () => (cur ? setDialog('signOut') : onLeave(null));

  // Keys go to the server even when the button is greyed out, so a press always gets an
  // answer in words (e.g. "本窗口已暂停服务"); busy is the only thing that swallows them.
  useShortcuts({ next, recall, start, finish: () => finish(false), finishNext: () => finish(true), noShow });

  if (!counter) {
    return (
      <main class="loading">
        <p>正在读取 {session.counterId} 号窗口…</p>
        {c.notice && <p class="msg msg-error">{c.notice.text}</p>}
      </main>
    );
  }

  return (
    <div class="console">
      <Header
        hallName={hall?.hallName ?? ''}
        counterName={counter.counterName}
        user={session.user}
        post={view?.clerk?.name === session.user.name ? view.clerk.post : null}
        connected={c.connected}
        servedToday={counter.servedToday}
        printer={c.printer}
        onSignOut={signOut}
        onMyRatings={() => setDialog('myRatings')}
      />
      {/* aria-busy: a request is in flight, and the window's keys wait for it (pushes may
          show its result a moment before the reply arrives). */}
      <main class="work" aria-busy={busy}>
        <div class="desk">
          {paused && (
            <div class="paused" role="status" data-testid="paused-banner">
              <div>
                <strong>本窗口已暂停服务</strong>
                <span>
                  原因：{counter.pauseReason ?? '暂停服务'}
                  {counter.pausedAt && ` · 自 ${hhmm(counter.pausedAt)} 起`}
                </span>
              </div>
              <ActionButton label="恢复服务" variant="primary" big onClick={resume} disabled={busy} />
            </div>
          )}
          {c.notice && (
            <p class={`msg msg-${c.notice.kind}`} role={c.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
              {c.notice.text}
            </p>
          )}
          {cur ? (
            <CurrentTicket ticket={cur} view={view} recallCap={counter.recallCap} hall={hall} me={session.user} nowMs={nowMs} />
          ) : (
            <section class="ticket is-idle" aria-label="当前号">
              <p class="idle-title">当前没有叫号</p>
              <p class="idle-hint">
                {paused ? '恢复服务后可继续叫号' : counter.waitingTotal > 0 ? `排队 ${counter.waitingTotal} 人，按 ${SHORTCUTS.next} 叫下一位` : '暂时没有人排队'}
              </p>
            </section>
          )}
          {lastDone && (
            <p class={`last-done${lastDone.outcome === 'committed' ? ' is-committed' : ''}`} data-testid="last-done">
              上一位 <strong>{lastDone.number}</strong> 已办结 · {outcomeLabel(lastDone.outcome)}
              {lastDone.dueDate && (
                <>
                  {' '}
                  · 承诺办结日期 <strong class="due">{dayText(lastDone.dueDate)}</strong>
                </>
              )}
              {lastDone.dueWorkingDays !== undefined && <> （{lastDone.dueWorkingDays} 个工作日，请告知群众于 {monthDay(lastDone.dueDate!)} 后来取）</>}
              {lastDone.outcome === 'refused' && lastDone.note && <> · 理由：{lastDone.note}</>}
              {canReopen && (
                <button type="button" class="btn btn-small undo" onClick={reopen} disabled={busy} title="刚才办结错了：2 分钟内、未评价时可撤销，写入操作日志">
                  撤销办结
                </button>
              )}
            </p>
          )}
          <section class="calls" aria-label="叫号操作">
            <ActionButton label="叫号" shortcut={SHORTCUTS.next} variant="primary" big onClick={next} disabled={busy || paused} title={paused ? '暂停服务中，恢复后才能叫号' : '叫下一位'} />
            <ActionButton
              label="重呼"
              shortcut={SHORTCUTS.recall}
              big
              onClick={recall}
              disabled={busy || !cur || cur.callCount >= counter.recallCap}
              title={cur && cur.callCount >= counter.recallCap ? '已达呼叫上限，可标记过号' : '再次呼叫当前号'}
            />
            <ActionButton label="开始办理" shortcut={SHORTCUTS.start} big onClick={start} disabled={busy || cur?.status !== 'called'} />
            <ActionButton label="过号" shortcut={SHORTCUTS.noShow} variant="danger" big onClick={noShow} disabled={busy || cur?.status !== 'called'} title="呼叫后本人未到" />
          </section>
          <FinishPanel
            noteMissing={noteMissing}
            draft={draft}
            open={Boolean(cur)}
            onChange={(change) => {
              setDraft(change);
              if (change.outcome || change.note?.trim()) setNoteMissing(false);
            }}
            canFinish={!busy && Boolean(cur)}
            canFinishNext={!busy && Boolean(cur) && !paused}
            onFinish={() => finish(false)}
            onFinishNext={() => finish(true)}
          />
          <section class="more-actions" aria-label="其他操作">
            <ActionButton label="转办…" onClick={() => setDialog('transfer')} disabled={busy || !cur || !hall} title="转到其他业务排队，保留原号" />
            {/* While paused, 恢复服务 sits in the banner above, where the eye already is. */}
            {!paused && <ActionButton label="暂停服务…" variant="warn" onClick={askPause} disabled={busy} />}
            <ActionButton label="补打号票…" onClick={() => setDialog('reprint')} disabled={busy || !c.printer?.configured} title={c.printer?.configured ? '在大厅号票机上重新打印一张号票' : '大厅没有接入号票机'} />
            <ActionButton
              label={
                <>
                  承诺件…
                  {commitments.rows && commitments.rows.length > 0 && <span class="count">{commitments.rows.length}</span>}
                  {lateCommitments > 0 && <span class="count count-bad">超期 {lateCommitments}</span>}
                </>
              }
              onClick={() => setDialog('commitments')}
              title="本窗口业务未办结的承诺件，办好后在这里登记送达"
            />
          </section>
        </div>
        <QueuePanel counter={counter} hall={hall} serviceIds={view?.serviceIds ?? []} nowMs={nowMs} busy={busy} onReinstate={reinstate} />
      </main>

      {dialog === 'noShow' && cur && (
        <ConfirmDialog title={`${cur.number} 号过号？`} confirm="确认过号" danger onConfirm={confirmNoShow} onClose={() => setDialog(null)}>
          <p>
            已呼叫 {cur.callCount} 次仍未到窗口。过号后此号离开队列，本人到场后可在“今日过号”中恢复排队。
          </p>
        </ConfirmDialog>
      )}
      {(dialog === 'unstarted' || dialog === 'unstartedNext') && cur && (
        <Modal
          title={`${cur.number} 号还没有开始办理`}
          onClose={() => setDialog(null)}
          onSubmit={() => {
            setDialog(null);
            start();
          }}
          actions={
            <>
              <button type="submit" class="btn btn-primary" autoFocus>
                先开始办理 <kbd>Enter</kbd>
              </button>
              <button type="button" class="btn btn-ok" onClick={() => finishNow(dialog === 'unstartedNext')}>
                已办完，直接办结（{outcomeLabel(outcome)}）
              </button>
            </>
          }
        >
          <p>此号只呼叫了，还未点“开始办理”。群众到窗口了吗？办结后评价器会请群众评价。</p>
        </Modal>
      )}
      {dialog === 'pauseBlocked' && cur && (
        <Modal title="请先处理当前的号" onClose={() => setDialog(null)} closeLabel="返回">
          <p>
            {cur.number} 号{cur.status === 'called' ? '已呼叫，群众可能正走向窗口' : '正在办理'}。暂停前请先办结、转办{cur.status === 'called' ? '或过号' : ''}，否则大厅屏幕上这个号会显示为暂停。
          </p>
          <div class="modal-choices">
            <button type="button" class="btn btn-ok" onClick={() => setDialog(null)}>
              去办结
            </button>
            <button type="button" class="btn" onClick={() => setDialog('transfer')}>
              转办…
            </button>
            {cur.status === 'called' && (
              <button type="button" class="btn btn-danger" onClick={() => setDialog('noShow')}>
                过号…
              </button>
            )}
          </div>
        </Modal>
      )}
      {dialog === 'transfer' && cur && hall && <TransferDialog ticket={cur} services={hall.services} onTransfer={transfer} onClose={() => setDialog(null)} />}
      {dialog === 'pause' && <PauseDialog onPause={pause} onClose={() => setDialog(null)} />}
      {dialog === 'reprint' && <ReprintDialog defaultNumber={cur?.number ?? lastDone?.number ?? ''} onReprint={reprint} onClose={() => setDialog(null)} />}
      {dialog === 'myRatings' && <MyRatingsDialog token={session.token} day={hall?.day ?? null} onClose={() => setDialog(null)} />}
      {dialog === 'commitments' && (
        <CommitmentsDialog
          token={session.token}
          rows={commitments.rows}
          error={commitments.error}
          today={hall?.day ?? null}
          onDelivered={(x) => {
            commitments.reload();
            c.setNotice({ kind: 'ok', text: `${x.number} 号承诺件（${x.serviceName}）已登记办结送达` });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'signOut' && cur && (
        <ConfirmDialog title="退出登录？" confirm="仍然退出" onConfirm={() => onLeave(null)} onClose={() => setDialog(null)}>
          <p>
            {cur.number} 号（{serviceName(cur.serviceId)}）还未办结，退出后它仍留在{counter.counterName}，下次签到可继续办理。
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
