// After 不满意 / 非常不满意: why (needed for the follow-up, 差评回访), in the villager's
// own words if no listed reason fits, and an optional number to be called back on.
import { LEVELS, OTHER_MAX, toggle, type RatingDraft } from './draft.ts';
import { PhoneEntry } from './PhoneEntry.tsx';

interface Props {
  draft: RatingDraft;
  reasons: string[];
  keypad: boolean;
  sending: boolean;
  problem: string | null;
  onDraft: (d: RatingDraft) => void;
  onSubmit: () => void;
  onBack: () => void;
}

export function ReasonForm({ draft, reasons, keypad, sending, problem, onDraft, onSubmit, onBack }: Props) {
  return (
    <form
      class="reason-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div class="chosen">
        <p>
          您选的是：<b>{draft.level !== null && LEVELS[draft.level]}</b>
        </p>
        <button type="button" class="plain" onClick={onBack} disabled={sending}>
          重新选择
        </button>
      </div>
      <fieldset class="reasons">
        <legend>请告诉我们哪里不满意（可以选几条）</legend>
        <div class="reason-list">
          {reasons.map((r) => {
            const on = draft.reasons.includes(r);
            return (
              <button key={r} type="button" class={on ? 'reason reason-on' : 'reason'} aria-pressed={on} onClick={() => onDraft({ ...draft, reasons: toggle(draft.reasons, r) })}>
                <span class="tick" aria-hidden="true">
                  {on ? '✓' : ''}
                </span>
                {r}
              </button>
            );
          })}
        </div>
      </fieldset>
      <div class="reason-more">
        <label class="field">
          <span class="field-label">其他原因（可以不写）</span>
          <input type="text" maxLength={OTHER_MAX} value={draft.other} onInput={(e) => onDraft({ ...draft, other: e.currentTarget.value })} />
        </label>
        <PhoneEntry phone={draft.phone} keypad={keypad} label="留个电话，工作人员给您回电（可以不留）" onChange={(phone) => onDraft({ ...draft, phone })} />
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="submit" disabled={sending}>
          {sending ? '正在提交…' : '提交评价'}
        </button>
      </div>
    </form>
  );
}
