// 办结 with one of the four outcomes (四制). What is chosen and typed is the draft of the
// ticket at the window (draft.ts): 即办 with nothing filled in for each new ticket, so the
// ordinary case stays one key press and nothing carries over to the next villager.
import { useEffect, useRef } from 'preact/hooks';
import { ActionButton } from './ActionButton.tsx';
import type { Draft } from './draft.ts';
import { OUTCOMES, outcomeLabel } from './format.ts';
import { SHORTCUTS } from './keys.ts';

interface Props {
  draft: Draft;
  noteMissing: boolean;
  onChange: (change: Partial<Draft>) => void;
  /** A ticket is at the window: without one there is nothing to choose or type for. */
  open: boolean;
  canFinish: boolean;
  canFinishNext: boolean;
  onFinish: () => void;
  onFinishNext: () => void;
}

export function FinishPanel(p: Props) {
  const { outcome, note } = p.draft;
  const refused = outcome === 'refused';
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // The reason is what 不予受理 needs next: put the cursor there.
  useEffect(() => {
    if (refused || p.noteMissing) noteRef.current?.focus();
  }, [refused, p.noteMissing]);

  return (
    <section class="finish" aria-label="办结">
      <fieldset class="outcomes" disabled={!p.open}>
        <legend>办结方式</legend>
        {OUTCOMES.map((o) => (
          <label key={o.id} class={`outcome${outcome === o.id ? ' is-on' : ''}${o.id === 'refused' ? ' is-refused' : ''}`}>
            <input type="radio" name="outcome" value={o.id} checked={outcome === o.id} onChange={() => p.onChange({ outcome: o.id })} />
            <span class="outcome-label">{o.label}</span>
            <span class="outcome-hint">{o.hint}</span>
          </label>
        ))}
      </fieldset>
      {outcome === 'committed' && (
        <fieldset class="notify">
          <legend>办好后通知谁（可选）</legend>
          <label class="field">
            姓名
            <input name="notify-name" value={p.draft.notifyName} maxLength={40} autoComplete="off" onInput={(e) => p.onChange({ notifyName: e.currentTarget.value })} />
          </label>
          <label class="field">
            联系电话
            <input name="notify-phone" value={p.draft.notifyPhone} maxLength={20} inputMode="tel" autoComplete="off" onInput={(e) => p.onChange({ notifyPhone: e.currentTarget.value })} />
          </label>
        </fieldset>
      )}
      <label class={`field note${refused ? ' is-required' : ''}`}>
        {refused ? '不予受理理由（必填）' : '备注（可选）'}
        <textarea
          ref={noteRef}
          name="note"
          rows={2}
          maxLength={500}
          value={note}
          disabled={!p.open}
          aria-invalid={p.noteMissing}
          placeholder={refused ? '例如：申请人不符合低保条件（家庭人均收入超过标准）' : '办理情况，可不填'}
          onInput={(e) => p.onChange({ note: e.currentTarget.value })}
        />
      </label>
      <div class="finish-buttons">
        <ActionButton label={`办结（${outcomeLabel(outcome)}）`} shortcut={SHORTCUTS.finish} variant="ok" big onClick={p.onFinish} disabled={!p.canFinish} />
        <ActionButton label="办结并叫下一位" shortcut={SHORTCUTS.finishNext} variant="primary" big onClick={p.onFinishNext} disabled={!p.canFinishNext} />
      </div>
    </section>
  );
}
