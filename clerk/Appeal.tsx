// 申诉: a clerk disputes a bad rating of their own, once, with a reason; a supervisor
// reviews it. Shown in 我的评价 beside each bad rating, with how the review went.
import { useState } from 'preact/hooks';
import type { RatingAppeal } from '../shared/types.ts';
import { call } from '../web/api.ts';
import { InlineActions } from './InlineActions.tsx';

/** Where an appeal stands, in the clerk's words; null for a rating never appealed. */
export function appealText(a: RatingAppeal | undefined): string | null {
  if (!a) return null;
  if (!a.review) return '已申诉，等待主任复核';
  return a.review.verdict === 'voided' ? `已撤销（申诉成立）：${a.review.reason}` : `申诉未通过，维持差评：${a.review.reason}`;
}

interface Props {
  followUpId: string;
  number: string;
  appeal: RatingAppeal | undefined;
  token: string;
  onAppealed: () => void;
}

export function AppealCell({ followUpId, number, appeal, token, onAppealed }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = appealText(appeal);
  if (text) return <span class={`appeal appeal-${appeal!.review?.verdict ?? 'pending'}`}>{text}</span>;
  if (!open)
    return (
      <button type="button" class="btn btn-small" onClick={() => setOpen(true)}>
        申诉…
      </button>
    );
  // Not a <form>: the dialog around it already is one.
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) return setError('请写明申诉理由');
    setBusy(true);
    setError(null);
    try {
      await call('appeal', { id: followUpId, reason: reason.trim() }, token);
      onAppealed();
    } catch (e) {
      setError(e instanceof Error ? e.message : '提交失败');
      setBusy(false);
    }
  };
  return (
    <div class="appeal-form">
      <label class="field">
        <span>{number} 号差评的申诉理由</span>
        <textarea
          rows={2}
          maxLength={500}
          value={reason}
          placeholder="例如：群众要求办理的业务不符合政策，已耐心解释"
          onInput={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          autoFocus
        />
      </label>
      <InlineActions label="提交申诉" kind="btn-small btn-primary" busy={busy} error={error} onConfirm={() => void submit()} onCancel={() => setOpen(false)} />
    </div>
  );
}
