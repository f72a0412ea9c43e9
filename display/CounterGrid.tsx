// One card per window: its name and businesses (names when they fit, else their
// letters: the first letter of their ticket numbers), the number it is calling (huge),
// and whether it is calling, serving, idle, paused or unstaffed. The window whose call
// is being read out shows a speaker.
import { useEffect, useState } from 'preact/hooks';
import type { CounterView, ServiceView } from '../shared/types.ts';
import { serviceColour } from '../kiosk/look.ts';
import type { Announcement } from './announcer.ts';
import { SpeakerIcon } from './notices.tsx';
import { cardStatus, gridFor } from './view.ts';

interface Props {
  counters: CounterView[];
  services: ServiceView[];
  /** Calls heard per window: a change restarts that card's flash. */
  flashes: Record<string, number>;
  /** The call being said now: its window's card shows a speaker. */
  speaking: Announcement | null;
}

export function CounterGrid({ counters, services, flashes, speaking }: Props) {
  const aspect = useAspect();
  const byId = new Map(services.map((s) => [s.id, s]));
  const colours = new Map(services.map((s, i) => [s.id, serviceColour(i)]));
  const servesOf = (c: CounterView) => c.serviceIds.flatMap((id) => byId.get(id) ?? []);
  const lines = Math.max(0, ...counters.map((c) => servesOf(c).length));
  const chars = Math.max(0, ...counters.flatMap((c) => servesOf(c).map((s) => s.name.length)));
  // The card area in vh: 70vw less the gaps, by the height left between header and footer (see display.css).
  const grid = gridFor(counters.length, 70 * aspect - 4.8, 75.8, { lines, chars });
  const style = {
    gridTemplateColumns: `repeat(${grid.cols}, 1fr)`,
    gridTemplateRows: `repeat(${grid.rows}, 1fr)`,
    '--num': `${grid.numberVh}vh`,
    '--name': `${grid.nameVh}vh`,
    '--line': `${grid.lineVh}vh`,
    '--serve': `${grid.serveVh ?? 0}vh`,
    '--letters': `${grid.letterVh}vh`,
  };
  return (
    <section class="counters" style={style} aria-label="各窗口叫号">
      {counters.map((c) => {
        const seq = flashes[c.id] ?? 0;
        // Re-keying on each call remounts the card, which restarts its CSS flash.
        const spoken = speaking?.counterId === c.id && speaking.number === c.current?.number;
        return <CounterCard key={`${c.id}:${seq}`} counter={c} serves={servesOf(c)} colours={colours} named={grid.serveVh !== null} flash={seq > 0} speaking={spoken} />;
      })}
    </section>
  );
}

interface CardProps {
  counter: CounterView;
  serves: ServiceView[];
  /** Each business's colour, as on the kiosk's buttons and tickets. */
  colours: Map<string, string>;
  /** Names, one a line; else letters only. */
  named: boolean;
  flash: boolean;
  speaking: boolean;
}

function CounterCard({ counter: c, serves, colours, named, flash, speaking }: CardProps) {
  const { state, label } = cardStatus(c);
  const number = c.current?.number;
  return (
    <article class={`card card-${state}${flash ? ' flash' : ''}${speaking ? ' speaking' : ''}`} data-counter={c.id} data-state={state} data-speaking={speaking ? 'true' : undefined}>
      <div class="card-head">
        <span class="card-name">{c.name}</span>
        {serves.length > 0 &&
          (named ? (
            <ul class="card-serves">
              {serves.map((s) => (
                <li key={s.id}>
                  <span class="letter" style={{ background: colours.get(s.id) }}>
                    {s.prefix}
                  </span>
                  {s.name}
                </li>
              ))}
            </ul>
          ) : (
            <p class="card-letters">
              {serves.map((s) => (
                <span key={s.id} class="letter" style={{ background: colours.get(s.id) }} aria-hidden="true">
                  {s.prefix}
                </span>
              ))}
              <span class="sr-only">办理：{serves.map((s) => s.name).join('、')}</span>
            </p>
          ))}
      </div>
      <div class={`card-number${number && number.length > 4 ? ' long' : ''}`}>{number ?? '—'}</div>
      <div class="card-status">
        {speaking && <SpeakerIcon class="card-speaker" label="正在播报" />}
        {label}
      </div>
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
