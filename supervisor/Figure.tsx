// One labelled figure (label above, big value, optional unit). Used inside a <dl>.
interface Props {
  label: string;
  value: string;
  unit?: string;
  /** Stable handle for tests comparing the value with the API. */
  testId: string;
  tone?: 'bad' | 'warn' | 'ok';
  /** The value is words (暂无评价), not a number: set smaller so it does not shout. */
  wordy?: boolean;
}

export function Figure({ label, value, unit, testId, tone, wordy }: Props) {
  return (
    <div class={['fig', tone && `fig-${tone}`, wordy && 'fig-wordy'].filter(Boolean).join(' ')}>
      <dt>{label}</dt>
      <dd>
        <span class="fig-value" data-testid={testId}>
          {value}
        </span>
        {unit && <span class="fig-unit">{unit}</span>}
      </dd>
    </div>
  );
}
