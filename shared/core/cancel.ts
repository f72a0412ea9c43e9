// 作废号票: a supervisor cancels junk tickets (one client took thousands) without a clerk
// calling each aloud. Only tickets nobody holds: waiting ones, and no-shows (过号) that
// would otherwise sit in a window's list of late arrivals. A ticket a window has called
// or is serving is that clerk's to finish, no-show or transfer. All or nothing: one
// ticket that cannot be cancelled refuses the whole request, so the supervisor never
// has to work out which half went through. Every cancellation is audited.
import type { HallData, QueueTicket, QueueView, Ticket } from '../types.ts';
import { refuse } from './errors.ts';
import { fact, type Fact } from './facts.ts';
import { counterById, iso } from './state.ts';

/** At most this many tickets in one request; a bigger flood is cancelled in batches. */
export const CANCEL_MAX = 1000;
/** The audit entry names this many numbers, then counts the rest. */
const NUMBERS_NAMED = 20;

export type CancelCommand = { type: 'cancelTickets'; at: number; userId: string; ticketIds: string[]; reason: string };

export const CANCELLABLE: ReadonlySet<Ticket['status']> = new Set(['waiting', 'no_show']);

export function cancelTickets(data: HallData, cmd: CancelCommand): Fact[] {
  const note = cmd.reason.trim();
  if (!note) refuse('reason_required', 400, '请写明作废原因');
  const list = ticketsOrRefuse(data, cmd.ticketIds, (t) => (CANCELLABLE.has(t.status) ? null : whyNot(data, t)), '作废');
  const at = iso(data, cmd.at);
  const numbers = list.map((t) => t.number);
  return [
    ...list.map((t) => fact('TicketCancelled', { ticketId: t.id, reason: 'staff', at, by: cmd.userId, note })),
    fact('Audited', { entry: { at, by: cmd.userId, action: '作废号票', target: namedNumbers(numbers), detail: `共 ${numbers.length} 个号；原因：${note}` } }),
  ];
}

export function whyNot(data: HallData, t: Ticket): string {
  const where = t.counterId ? (counterById(data, t.counterId)?.name ?? `${t.counterId}号窗口`) : '';
  return t.status === 'called' || t.status === 'serving' ? `已被${where}呼叫，请由窗口处理` : t.status === 'done' ? '已办结' : '已作废';
}

/**
 * The day's tickets a supervisor picked, all of them acceptable (`why` answers null), or a
 * refusal naming the first that is not: a request goes through whole or not at all.
 */
export function ticketsOrRefuse(data: HallData, ticketIds: string[], why: (t: Ticket) => string | null, verb: string): Ticket[] {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) refuse('invalid_request', 400, '请至少选择一个号');
  if (ids.length > CANCEL_MAX) refuse('invalid_request', 400, `一次最多${verb} ${CANCEL_MAX} 个号，请分批${verb}`);
  // Own properties only: `__proto__` or `constructor` is just an id the day does not have.
  const tickets = ids.map((id) => (Object.hasOwn(data.tickets, id) ? data.tickets[id]! : null));
  const unknown = ids.filter((_, i) => !tickets[i]);
  if (unknown.length) refuse('unknown_ticket', 404, `今天没有${unknown.length === 1 ? '这个号' : `其中 ${unknown.length} 个号`}，可能已作废或已过日期，请刷新后重选`);
  const list = tickets as Ticket[];
  const held = list.flatMap((t) => {
    const w = why(t);
    return w === null ? [] : [{ t, w }];
  });
  if (held.length) {
    const { t, w } = held[0]!;
    refuse(verb === '作废' ? 'not_cancellable' : 'not_movable', 409, `${t.number} 号${w}${held.length > 1 ? `（共 ${held.length} 个号不能${verb}）` : ''}，这次没有${verb}任何号`);
  }
  return list;
}

/** The audit entry's target: the first numbers named, then how many in all. */
export const namedNumbers = (numbers: string[]): string => numbers.slice(0, NUMBERS_NAMED).join('、') + (numbers.length > NUMBERS_NAMED ? ` 等 ${numbers.length} 个号` : '');

/** What a supervisor may cancel, per business in the settings' order; tickets in taking order. */
export function queueView(data: HallData): QueueView {
  const by = new Map<string, QueueView['services'][number]>();
  for (const s of data.services) by.set(s.id, { serviceId: s.id, name: s.name, prefix: s.prefix, waiting: [], noShows: [] });
  const open = Object.values(data.tickets).filter((t) => CANCELLABLE.has(t.status));
  open.sort((a, b) => a.seq - b.seq);
  for (const t of open) {
    let row = by.get(t.serviceId);
    // A business removed since: its tickets are still the day's.
    if (!row) by.set(t.serviceId, (row = { serviceId: t.serviceId, name: t.serviceId, prefix: '', waiting: [], noShows: [] }));
    const pinned = t.forCounterId === undefined ? undefined : (counterById(data, t.forCounterId)?.name ?? `${t.forCounterId}号窗口`);
    const q: QueueTicket = { id: t.id, number: t.number, priority: t.priority, takenAt: t.takenAt, ...(t.noShowAt && { noShowAt: t.noShowAt }), ...(pinned && { forCounter: pinned }) };
    (t.status === 'waiting' ? row.waiting : row.noShows).push(q);
  }
  return { services: [...by.values()] };
}
