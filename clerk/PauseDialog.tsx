// 暂停服务: a reason is always recorded, so the supervisor sees why a window is idle.
import { useState } from 'preact/hooks';
import { Modal } from './Modal.tsx';

const REASONS = ['休息', '临时外出', '系统故障', '业务学习', '其他'];
const MAX = 100; // the server's limit for a pause reason

/** "临时外出：去村委会取材料" — the choice, then the clerk's own words when given. */
export function pauseReason(choice: string, text: string): string {
  const t = text.trim();
  if (choice === '其他') return t;
  return t ? `${choice}：${t}` : choice;
}

export function PauseDialog({ onPause, onClose }: { onPause: (reason: string) => void; onClose: () => void }) {
  const [choice, setChoice] = useState(REASONS[0]!);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const reason = pauseReason(choice, text);
    if (!reason) return setError('选择“其他”时请写明暂停原因');
    if (reason.length > MAX) return setError(`暂停原因请控制在 ${MAX} 字以内`);
    onPause(reason);
  };

  return (
    <Modal
      title="暂停服务"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <button type="submit" class="btn btn-warn-solid">
          暂停服务
        </button>
      }
    >
      <fieldset class="choices">
        <legend>暂停原因</legend>
        {REASONS.map((r) => (
          <label key={r} class={`choice${choice === r ? ' is-on' : ''}`}>
            <input type="radio" name="pause-reason" value={r} checked={choice === r} onChange={() => setChoice(r)} autoFocus={r === REASONS[0]} />
            {r}
          </label>
        ))}
      </fieldset>
      <label class="field">
        {choice === '其他' ? '原因（必填）' : '补充说明（可选）'}
        <input name="pause-text" value={text} maxLength={MAX} onInput={(e) => setText(e.currentTarget.value)} placeholder="例如：去档案室调取资料，约 10 分钟" />
      </label>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
