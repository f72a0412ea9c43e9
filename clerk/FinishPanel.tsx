// 办结 with one of the four outcomes (四制). 即办 is the default and comes back after each
// finish, so the ordinary case stays one key press.
import { useEffect, useRef } from 'preact/hooks';
import type { Outcome } from '../shared/types.ts';
import { ActionButton } from './ActionButton.tsx';
import { OUTCOMES, outcomeLabel } from './format.ts';
import { SHORTCUTS } from './keys.ts';

interface Props {
  outcome: Outcome;
  note: string;
  noteMissing: boolean;
  onOutcome: (o: Outcome) => void;
  onNote: (note: string) => void;
  canFinish: boolean;
  canFinishNext: boolean;
  onFinish: () => void;
  onFinishNext: () => void;
}

export function FinishPanel(p: Props) {
  const refused = p.outcome === 'refused';
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // The reason is what 不予受理 needs next: put the cursor there.
  useEffect(() => {
    if (refused || p.noteMissing) noteRef.current?.focus();
  }, [refused, p.noteMissing]);

  return (
    <section class="finish" aria-label="办结">
      <fieldset class="outcomes">
        <legend>办结方式</legend>
        {OUTCOMES.map((o) => (
          <label key={o.id} class={`outcome${p.outcome === o.id ? ' is-on' : ''}${o.id === 'refused' ? ' is-refused' : ''}`}>
            <input type="radio" name="outcome" value={o.id} checked={p.outcome === o.id} onChange={() => p.onOutcome(o.id)} />
            <span class="outcome-label">{o.label}</span>
            <span class="outcome-hint">{o.hint}</span>
          </label>
        ))}
      </fieldset>
      <label class={`field note${refused ? ' is-required' : ''}`}>
        {refused ? '不予受理理由（必填）' : '备注（可选）'}
        <textarea
          ref={noteRef}
          name="note"
          rows={2}
          maxLength={500}
          value={p.note}
          aria-invalid={p.noteMissing}
          placeholder={refused ? '例如：申请人不符合低保条件（家庭人均收入超过标准）' : '办理情况，可不填'}
          onInput={(e) => p.onNote(e.currentTarget.value)}
        />
      </label>
      <div class="finish-buttons">
        <ActionButton label={`办结（${outcomeLabel(p.outcome)}）`} shortcut={SHORTCUTS.finish} variant="ok" big onClick={p.onFinish} disabled={!p.canFinish} />
        <ActionButton label="办结并叫下一位" shortcut={SHORTCUTS.finishNext} variant="primary" big onClick={p.onFinishNext} disabled={!p.canFinishNext} />
      </div>
    </section>
  );
}
