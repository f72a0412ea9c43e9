// The 督办 form: a notice to one hall, prefilled from a warning when sent from one.
// The hall sees it on its supervisor page when next online and must answer it.
import { useState } from 'preact/hooks';
import type { WarningOut } from '../../shared/county/types.ts';
import { countyCall } from '../api.ts';

export interface NoticeDraft {
  hallId: string;
  hallName: string;
  warning?: WarningOut;
}

/** The words a notice from a warning starts with; the county admin edits them freely. */
export function draftText(w: WarningOut): string {
  return `【${w.level === 'red' ? '红色' : '黄色'}预警】${w.subject}。请核实原因，尽快处理，并在督办中回复处理结果。`;
}

export function NoticeForm({ draft, token, onSent, onCancel }: { draft: NoticeDraft; token: string; onSent: () => void; onCancel: () => void }) {
  const [text, setText] = useState(draft.warning ? draftText(draft.warning) : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError('请填写督办内容');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await countyCall('sendNotice', { hallId: draft.hallId, text: text.trim(), ...(draft.warning && { warningId: draft.warning.id }) }, token);
      onSent();
    } catch (err) {
      setError(err instanceof Error ? err.message : '发送失败');
      setBusy(false);
    }
  };
  return (
    <form class="card notice-form" onSubmit={submit} aria-label={`督办 ${draft.hallName}`}>
      <h3>督办：{draft.hallName}</h3>
      {draft.warning && <p class="muted">依据预警：{draft.warning.subject}</p>}
      <label class="fld">
        <span>督办内容</span>
        <textarea rows={4} maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      <div class="notice-form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在发送…' : '发送督办'}
        </button>
        <button type="button" class="ghost" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
