import type { HallState, ServiceView } from '../shared/types.ts';
import { WaitOrNoWindow } from './WaitOrNoWindow.tsx';
import { Clock } from './Clock.tsx';
import { Listen } from './Listen.tsx';
import { opensText } from '../shared/guide.ts';
import { closedLabel, gridColumns, serviceColour } from './look.ts';

interface Props {
  hall: HallState;
  onPick: (serviceId: string) => void;
  onRate: () => void;
  onComment: () => void;
}

export function StartScreen({ hall, onPick, onRate, onComment }: Props) {
  const cols = gridColumns(hall.services.length);
  return (
    <main class="start">
      <header class="top">
        <h1 class="hall-name">{hall.hallName}</h1>
        {/* In the header across (a second row upright): every row of tiles it saves counts on a 1280×800 kiosk. */}
        <p class="prompt">{prompt(hall)}</p>
        <Clock serverNow={hall.now} />
      </header>
      <div class="services" style={`--pc:${cols.portrait};--lc:${cols.landscape}`}>
        {hall.services.map((s, i) => (
          <ServiceButton key={s.id} service={s} colour={serviceColour(i)} onPick={onPick} />
        ))}
      </div>
      {/* Secondary on purpose: taking a ticket stays the first thing the screen offers. */}
      <footer class="extras">
        <Listen />
        <span class="extras-lead">办完事了？</span>
        <button class="extra" onClick={onRate}>
          评价服务
        </button>
        <button class="extra" onClick={onComment}>
          意见簿
        </button>
      </footer>
    </main>
  );
}

function prompt(hall: HallState): string {
  if (!hall.open) {
    const opens = opensText(hall);
    return opens ? `现在是非办公时间，${opens} 开始取号` : '现在是非办公时间，请在办公时间再来取号';
  }
  return hall.services.length ? '请点您要办的事' : '现在没有可以办理的业务，请问大厅工作人员';
}

function ServiceButton({ service, colour, onPick }: { service: ServiceView; colour: string; onPick: (id: string) => void }) {
  const open = service.open;
  return (
    <button class={open ? 'service' : 'service shut'} disabled={!open} style={open ? { background: colour } : undefined} onClick={() => onPick(service.id)}>
      <span class="letter" style={open ? { color: colour } : undefined}>
        {service.prefix}
      </span>
      <span class="service-name">{service.name}</span>
      {open ? <QueueText service={service} /> : <span class="service-closed">{closedLabel(service)}</span>}
    </button>
  );
}

function QueueText({ service: s }: { service: ServiceView }) {
  if (s.waiting === 0 && !s.noWindow) return <span class="service-wait">现在无人排队</span>;
  return (
    <span class="service-wait">
      {/* One line: a tile of a 16-business hall on a 1280×800 kiosk has no room for two. */}
      {s.waiting > 0 && <b>{s.waiting} 人在等 · </b>}
      <WaitOrNoWindow min={s.estimatedWaitMin} noWindow={s.noWindow} size={s.waiting > 0 ? 'fact' : 'tile'} />
    </span>
  );
}
