// One card per window: its name and businesses, the number it is calling (huge), and
// whether it is calling, serving, idle, paused or unstaffed.
import { useEffect, useState } from 'preact/hooks';
import type { CounterView, ServiceView } from '../shared/types.ts';
import { cardStatus, gridFor } from './view.ts';

interface Props {
  counters: CounterView[];
  services: ServiceView[];
  /** Calls heard per window: a change restarts that card's flash. */
  flashes: Record<string, number>;
}

export function CounterGrid({ counters, services, flashes }: Props) {
  const aspect = useAspect();
  // The card area in vh: 70vw less the gaps, by the height left between header and footer (see display.css).
  const grid = gridFor(counters.length, 70 * aspect - 4.8, 75.8);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const style = {
    gridTemplateColumns: `repeat(${grid.cols}, 1fr)`,
    gridTemplateRows: `repeat(${grid.rows}, 1fr)`,
    '--num': `${grid.numberVh}vh`,
    '--name': `${grid.nameVh}vh`,
    '--line': `${grid.lineVh}vh`,
  };
  return (
    <section class="counters" style={style} aria-label="各窗口叫号">
      {counters.map((c) => {
        const seq = flashes[c.id] ?? 0;
        // Re-keying on each call remounts the card, which restarts its CSS flash.
        return <CounterCard key={`${c.id}:${seq}`} counter={c} serves={c.serviceIds.map((id) => names.get(id) ?? id).join('、')} flash={seq > 0} />;
      })}
    </section>
  );
}

function CounterCard({ counter: c, serves, flash }: { counter: CounterView; serves: string; flash: boolean }) {
  const { state, label } = cardStatus(c);
  const number = c.current?.number;
  return (
    <article class={`card card-${state}${flash ? ' flash' : ''}`} data-counter={c.id} data-state={state}>
      <div class="card-head">
        <span class="card-name">{c.name}</span>
        {serves && <span class="card-serves">{serves}</span>}
      </div>
      <div class={`card-number${number && number.length > 4 ? ' long' : ''}`}>{number ?? '—'}</div>
      <div class="card-status">{label}</div>
    </article>
  );
}

function useAspect(): number {
  const read = () => window.innerWidth / Math.max(1, window.innerHeight);
  const [aspect, setAspect] = useState(read);
  useEffect(() => {
    const onResize = () => setAspect(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return aspect;
}
