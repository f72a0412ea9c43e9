// The five levels as plain CSS bars, best first. A chart library comes with the reports.
import { LEVELS } from '../shared/core/levels.ts';
import type { LevelCounts } from '../shared/core/ratingStats.ts';
import { percent } from './format.ts';

const ORDER = ['5', '4', '3', '2', '1'] as const;

export function LevelBars({ counts }: { counts: LevelCounts }) {
  return (
    <ul class="bars" aria-label="评价分布">
      {ORDER.map((k) => {
        const n = counts.byLevel[k];
        const share = counts.count ? n / counts.count : 0;
        return (
          <li key={k} class={Number(k) <= 2 ? 'bar-bad' : undefined}>
            <span class="bar-name">{LEVELS[Number(k) as 1 | 2 | 3 | 4 | 5]}</span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${share * 100}%` }} />
            </span>
            <span class="bar-figure">
              <strong data-testid={`level-${k}`}>{n}</strong> 条 <small>{percent(share)}</small>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
