// 申诉复核 on a 差评回访 case: what the clerk appealed and, once reviewed, the verdict;
// while pending, the supervisor's form to uphold or void the rating with a reason. A
// voided rating leaves the satisfaction figures and the appraisal; the call back to the
// villager is still owed either way.
import { useState } from 'preact/hooks';
import type { FollowUp } from '../shared/types.ts';
import { dateTime } from './format.ts';
import { useAction } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { Choices, NoteBox } from './FollowUpForms.tsx';

const VERDICTS = [
  ['upheld', '维持差评'],
  ['voided', '撤销差评（申诉成立）'],
] as const;

/** The appeal and its review as lines of the case's record. */
export function AppealRecord({ followUp: f, clerkName }: { followUp: FollowUp; clerkName: string | null }) {
  const a = f.appeal;
  if (!a) return null;
  return (
    <div class={`appeal-record${a.review?.verdict === 'voided' ? ' is-voided' : ''}`} data-testid="appeal">
      <p>
        <time>{dateTime(a.at)}</time> <strong>{clerkName ?? '工作人员'}申诉</strong>：{a.reason}
      </p>
      {a.review ? (
        <p>
          <time>{dateTime(a.review.at)}</time> <strong>复核：{a.review.verdict === 'voided' ? '已撤销（申诉成立）' : '维持差评'}</strong>：{a.review.reason}
          {a.review.verdict === 'voided' && <span class="muted">。此差评不计入满意度和考核，仍须回访群众。</span>}
        </p>
      ) : (
        <p class="warn">等待复核</p>
      )}
    </div>
  );
}

export function ReviewForm({ followUp: f, token, onExpired, onChanged }: { followUp: FollowUp; token: string; onExpired: () => void; onChanged: () => void }) {
  const [verdict, setVerdict] = useState<'upheld' | 'voided' | null>(null);
  const [reason, setReason] = useState('');
  const act = useAction(token, onExpired);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!verdict) return act.setError('请选择“维持差评”或“撤销差评”');
    if (!reason.trim()) return act.setError('请写明复核理由');
    if (await act.run('reviewAppeal', { id: f.id, verdict, reason: reason.trim() })) onChanged();
  };
  return (
    <form class="act act-review" onSubmit={submit} aria-label="申诉复核">
      <h4>申诉复核</h4>
      <Choices
        legend="复核结论"
        name={`verdict-${f.id}`}
        options={VERDICTS}
        value={verdict}
        onChange={(v) => {
          setVerdict(v);
          act.setError(null);
        }}
      />
      <NoteBox
        label="复核理由"
        max={500}
        value={reason}
        onInput={(v) => {
          setReason(v);
          act.setError(null);
        }}
        placeholder="例如：调看窗口录像，工作人员已按规定解释，差评不属实"
      />
      <div class="act-buttons">
        <button type="submit" class="primary" disabled={act.busy}>
          保存复核结论
        </button>
      </div>
      <ErrorBox>{act.error}</ErrorBox>
    </form>
  );
}
