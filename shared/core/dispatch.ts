// 队列调度: what a supervisor does when a business has nobody to serve it. Waiting tickets
// are moved to another business, or to one window's own queue (only that window calls
// them next); they keep their number, take time and place (seq), as a clerk's 分流交办
// does. A business can be closed at the kiosk for now, with a reason the kiosk shows; it
// opens again by hand or at the day's end. Like 作废 (cancel.ts): all or nothing, a
// reason required, every action audited.
import type { HallData, Ticket } from '../types.ts';
import { namedNumbers, ticketsOrRefuse, whyNot } from './cancel.ts';
import { refuse } from './errors.ts';
import { fact, type Fact } from './facts.ts';
import { queueKey } from './queue.ts';
import { counterOrRefuse, iso, serviceById } from './state.ts';

export type DispatchCommand =
  /** `serviceId`: the business they move to (unchanged when absent); `counterId`: the one window to call them next. */
  | { type: 'moveTickets'; at: number; userId: string; ticketIds: string[]; serviceId?: string; counterId?: string; reason: string }
  | { type: 'pauseService'; at: number; userId: string; serviceId: string; reason: string }
  | { type: 'resumeService'; at: number; userId: string; serviceId: string };

export function decideDispatch(data: HallData, cmd: DispatchCommand): Fact[] {
  switch (cmd.type) {
    case 'moveTickets': return moveTickets(data, cmd);
    case 'pauseService': return pauseService(data, cmd);
    case 'resumeService': return resumeService(data, cmd);
  }
}

const reasonOrRefuse = (reason: string, what: string): string => reason.trim() || refuse('reason_required', 400, `请写明${what}原因`);

function moveTickets(data: HallData, cmd: Extract<DispatchCommand, { type: 'moveTickets' }>): Fact[] {
  const reason = reasonOrRefuse(cmd.reason, '调度');
  if (cmd.serviceId === undefined && cmd.counterId === undefined) refuse('invalid_request', 400, '请选择移到哪项业务或哪个窗口');
  const service = cmd.serviceId === undefined ? undefined : (serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务，请刷新后重选'));
  const counter = cmd.counterId === undefined ? undefined : counterOrRefuse(data, cmd.counterId);
  const tickets = ticketsOrRefuse(data, cmd.ticketIds, (t) => (t.status === 'waiting' ? null : t.status === 'no_show' ? '已过号，请由窗口恢复排队后再调度' : whyNot(data, t)), '移动');
  const to = (t: Ticket) => service?.id ?? t.serviceId;
  const there = tickets.find((t) => queueKey(t) === queueKey({ serviceId: to(t), forCounterId: counter?.id }));
  if (there) refuse('already_there', 409, `${there.number} 号已经在${counter?.name ?? service!.name}的队列里，这次没有移动任何号`);
  const at = iso(data, cmd.at);
  const where = !counter ? service!.name : !service ? `${counter.name}（只由该窗口叫号）` : `${service.name}，只由${counter.name}叫号`;
  return [
    ...tickets.map((t) => fact('TicketMoved', { ticketId: t.id, move: { from: t.serviceId, to: to(t), ...(counter && { counterId: counter.id }), at, by: cmd.userId, reason } })),
    fact('Audited', { entry: { at, by: cmd.userId, action: '移号', target: namedNumbers(tickets.map((t) => t.number)), detail: `移到${where}；保留号码和排队顺序；共 ${tickets.length} 个号；原因：${reason}` } }),
  ];
}

function pauseService(data: HallData, cmd: Extract<DispatchCommand, { type: 'pauseService' }>): Fact[] {
  const reason = reasonOrRefuse(cmd.reason, '暂停取号');
  const service = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务，请刷新后重选');
  const at = iso(data, cmd.at);
  return [
    fact('ServicePaused', { serviceId: service.id, pause: { reason, at, by: cmd.userId } }),
    fact('Audited', { entry: { at, by: cmd.userId, action: '暂停取号', target: service.name, detail: `取号机上显示“暂停取号：${reason}”；已取的号照常叫号` } }),
  ];
}

function resumeService(data: HallData, cmd: Extract<DispatchCommand, { type: 'resumeService' }>): Fact[] {
  const service = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务，请刷新后重选');
  if (!data.today.servicePauses?.[service.id]) return [];
  const at = iso(data, cmd.at);
  return [fact('ServiceResumed', { serviceId: service.id, at, by: cmd.userId }), fact('Audited', { entry: { at, by: cmd.userId, action: '恢复取号', target: service.name, detail: '取号机恢复取号' } })];
}

