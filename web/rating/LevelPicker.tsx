// The five levels, all the same size, colour and weight: nothing chosen for the
// villager, nothing drawn to one of them. A face beside each word helps those who
// read little; the faces differ only in the mouth.
import type { RatingLevel } from '../../shared/types.ts';
import { LEVEL_ORDER, LEVELS } from './draft.ts';

const MOUTH: Record<RatingLevel, number> = { 5: 9, 4: 5, 3: 0, 2: -5, 1: -9 };

function Face({ level }: { level: RatingLevel }) {
  const bend = MOUTH[level];
  const y = bend < 0 ? 35 : 31; // a frown sits lower so it does not meet the eyes
  return (
    <svg class="face" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="16.5" cy="19" r="2.8" fill="currentColor" />
      <circle cx="31.5" cy="19" r="2.8" fill="currentColor" />
      <path d={`M14 ${y} Q24 ${y + bend * 2} 34 ${y}`} fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}

interface Props {
  /** The level being sent, shown as such while the others wait. */
  sending: RatingLevel | null;
  onPick: (level: RatingLevel) => void;
}

export function LevelPicker({ sending, onPick }: Props) {
  return (
    <div class="levels" role="group" aria-label="评价等级">
      {LEVEL_ORDER.map((level) => (
        <button key={level} type="button" class={sending === level ? 'level level-sending' : 'level'} disabled={sending !== null} onClick={() => onPick(level)}>
          <Face level={level} />
          <span class="level-name">{LEVELS[level]}</span>
          {sending === level && <span class="level-note">正在提交…</span>}
        </button>
      ))}
    </div>
  );
}
