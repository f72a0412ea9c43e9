// One 差评回访 case: the visit, the complaint, the rater's phone (supervisors see it in
// full, to ring back), what has been done, and, while open, the forms to do the rest.
import { LEVELS } from '../shared/core/ratings.ts';
import { AppealRecord, ReviewForm } from './AppealReview.tsx';
import { CallBackForm, ResolveForm } from './FollowUpForms.tsx';
import { deadline, RESOLUTION_KIND, type FollowUpRow } from './followUps.ts';
import { dateTime } from './format.ts';

interface Props {
  followUp: FollowUpRow;
  today: string | null;
  counterName: (id: string) => string;
  token: string;
  onExpired: () => void;
  onChanged: () => void;
}

export function FollowUpCard({ followUp: f, today, counterName, token, onExpired, onChanged }: Props) {
  const due = deadline(f, today);
  const titleId = `case-${f.id}`;
  const open = !f.closedAt;
  const reviewing = Boolean(f.appeal && !f.appeal.review);
  return (
    <article class={`case${due.tone === 'bad' ? ' case-overdue' : ''}${open ? '' : ' case-closed'}`} aria-labelledby={titleId}>
      <div class="case-main">
        <header class="case-head">
          <h3 id={titleId} class="ticket-no">
            {f.number}
          </h3>
          <span class={`lvl lvl-${f.level}`}>{LEVELS[f.level]}</span>
          {f.appeal?.review?.verdict === 'voided' && <span class="chip chip-voided">已撤销（申诉成立）</span>}
          {reviewing && <span class="chip chip-appeal">申诉待复核</span>}
          <span class={`due due-${due.tone}`} data-testid="deadline">
            {due.text}
          </span>
        </header>
        <dl class="case-facts">
          <Fact label="办理日期" value={f.day} />
          <Fact label="窗口" value={f.counterId ? counterName(f.counterId) : '—'} />
          <Fact label="业务" value={f.serviceName} />
          <Fact label="工作人员" value={f.clerkName ?? '—'} />
          <Fact label="办结期限" value={f.dueDate} />
          <div>
            <dt>联系电话</dt>
            <dd>{f.phone ? <a href={`tel:${f.phone}`}>{f.phone}</a> : <span class="muted">未留电话</span>}</dd>
          </div>
        </dl>
        <p class="case-reasons">
          <span class="muted">差评原因</span>
          {f.reasons.map((r) => (
            <span key={r} class="chip">
              {r}
            </span>
          ))}
        </p>
        {f.comment && <blockquote class="case-comment">{f.comment}</blockquote>}
        <AppealRecord followUp={f} clerkName={f.clerkName} />
        {(f.callBacks.length > 0 || f.resolution) && (
          <ol class="case-log" aria-label="处理记录">
            {f.callBacks.map((c, i) => (
              // append-only: the index is a stable key
              <li key={i}>
                <time>{dateTime(c.at)}</time>
                <strong class={c.reached ? 'ok' : 'warn'}>回访 · {c.reached ? '已联系上' : '未联系上'}</strong>
                {c.note}
              </li>
            ))}
            {f.resolution && (
              <li>
                <time>{dateTime(f.resolution.at)}</time>
                <strong>{RESOLUTION_KIND[f.resolution.kind]}</strong>
                {f.resolution.note}
              </li>
            )}
            {f.closedAt && (
              <li>
                <time>{dateTime(f.closedAt)}</time>
                <strong class="ok">办结</strong>
              </li>
            )}
          </ol>
        )}
      </div>
      {(open || reviewing) && (
        <div class="case-actions">
          {reviewing && <ReviewForm followUp={f} token={token} onExpired={onExpired} onChanged={onChanged} />}
          {open && <CallBackForm followUp={f} token={token} onExpired={onExpired} onChanged={onChanged} />}
          {open && <ResolveForm followUp={f} token={token} onExpired={onExpired} onChanged={onChanged} />}
        </div>
      )}
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
