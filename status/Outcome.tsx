// What happens next after a visit, on the villager's phone: a committed case (承诺件) says
// when to come back, in working days; a case sent up (上报件) says who will call; only a
// visit settled at the window says it is done.
import type { TicketView } from '../shared/types.ts';
import { monthDay } from '../shared/words.ts';
import { STATUS_TEXT } from '../web/format.ts';

/** The status badge: a case still in hand is not 已办结 to the villager. */
export function stateText(t: TicketView): string {
  if (t.status === 'done' && t.outcome === 'committed') return '已受理';
  if (t.status === 'done' && t.outcome === 'forwarded') return '已上报';
  return STATUS_TEXT[t.status] ?? '';
}

export function Outcome({ ticket: t }: { ticket: TicketView }) {
  if (t.status !== 'done') return null;
  if (t.outcome === 'committed' && t.dueDate) {
    return (
      <div class="outcome outcome-committed" data-testid="outcome">
        <p class="outcome-lead">已受理，还没有办完</p>
        <p class="outcome-due">请于 {monthDay(t.dueDate)} 后来取</p>
        <p class="hint">
          承诺 {t.dueWorkingDays ?? ''} 个工作日内办好（周末、节假日不算）。在窗口留了电话的，办好后会通知您；来取时请带好号票和身份证。
        </p>
      </div>
    );
  }
  if (t.outcome === 'forwarded') {
    return (
      <div class="outcome outcome-forwarded" data-testid="outcome">
        <p class="outcome-lead">已上报上级部门办理</p>
        <p class="hint">办理结果出来后，工作人员会通知您。不用再排队，有疑问可以到窗口询问。</p>
      </div>
    );
  }
  return (
    <p class="hint" data-testid="outcome">
      {t.outcome === 'refused' ? '这次没有受理，原因请问窗口工作人员。' : '已经办完，谢谢您的耐心等候。'}
    </p>
  );
}
