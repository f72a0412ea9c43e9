// 一次性告知: everything to bring, where to go, then the choice of ticket.
import type { ServiceView } from '../shared/types.ts';
import { waitText } from '../web/format.ts';
import { Listen } from './Listen.tsx';
import { WaitOrNoWindow } from './WaitOrNoWindow.tsx';
import { closedLabel } from './look.ts';
import type { Taking } from './take.ts';

interface Props {
  service: ServiceView;
  colour: string;
  priorityKinds: string[];
  taking: Taking;
  /** Outside hours: when tickets can be taken again ("明天 8:30"). */
  opens: string | null;
  onTake: (priority: boolean) => void;
  onBack: () => void;
}

// Where the buttons sit is part of the double-tap fix (useTapGuard.ts): the take buttons
// are in the bottom band, where the start screen has its footer and no business tile,
// so a second tap on a tile never lands on 普通取号 or 优先取号; 返回 is in the header,
// over the start screen's header.
export function DetailsScreen({ service, colour, priorityKinds, taking, opens, onTake, onBack }: Props) {
  const priority = service.open && service.priorityAllowed;
  return (
    <main class="details">
      <header class="details-head" style={{ background: colour }}>
        <button class="back back-head" onClick={onBack}>
          ‹ 返回
        </button>
        <span class="letter" style={{ color: colour }}>
          {service.prefix}
        </span>
        <h1>{service.name}</h1>
        <Listen />
      </header>
      <div class="details-body">
        <section class="materials">
          <h2>请带好这些材料</h2>
          {service.materials.length ? (
            <ol>
              {service.materials.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
          ) : (
            <p>这项业务没有列出要带的材料，有疑问请问大厅工作人员。</p>
          )}
        </section>
        <section class="where">
          {service.counters.length > 0 && (
            <p>
              办理窗口：<b>{service.counters.join('、')}</b>
            </p>
          )}
          <p>
            现在排队：<b>{service.waiting} 人</b>
            {service.waiting > 0 && !service.noWindow && <>，要等 <b>{waitText(service.estimatedWaitMin)}</b></>}
          </p>
          {service.noWindow && <p><WaitOrNoWindow min={service.estimatedWaitMin} noWindow={service.noWindow} /></p>}
        </section>
        {priority && (
          <section class="priority">
            {priorityKinds.length > 0 && (
              <p>
                可以优先：<b>{priorityKinds.join('、')}</b>
              </p>
            )}
            <p>优先取号到窗口时请出示身份证、残疾证等证件，工作人员会核对。</p>
          </section>
        )}
      </div>
      <div class="actions band">
        {service.open ? (
          <>
            <button class="take" style={{ background: colour }} disabled={taking !== null} onClick={() => onTake(false)}>
              {taking === 'normal' ? '正在取号…' : '普通取号'}
            </button>
            {priority && (
              <button class="take take-priority" style={{ color: colour, borderColor: colour }} disabled={taking !== null} onClick={() => onTake(true)}>
                {taking === 'priority' ? '正在取号…' : '优先取号'}
              </button>
            )}
          </>
        ) : (
          <p class="closed-note">
            {closedLabel(service)}，现在不能取号
            {opens && service.closedReason === 'hours' && <>，{opens} 开始取号</>}
          </p>
        )}
      </div>
    </main>
  );
}
