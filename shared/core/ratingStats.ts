// Satisfaction figures over ticket records and follow-up cases. Pure.
import type { DayNames, FollowUp, HallData, RatingAppeal, RatingLevel, Ticket } from '../types.ts';
import { countedRatings } from './appeals.ts';
import { nameIn } from './reports.ts';
import { serviceById } from './state.ts';
import { followUpOverdue, workingDaysBetween } from './due.ts';
import type { Settings } from '../types.ts';

export interface LevelCounts {
  count: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  satisfiedRate: number; // levels 3–5 over all, 0..1
  bad: number;
}

export interface GroupFigures extends LevelCounts {
  id: string;
  name: string;
  served: number;
  responseRate: number; // rated / served
}

export interface RatingFigures extends LevelCounts {
  served: number;
  responseRate: number;
  followUps: { total: number; open: number; overdue: number; closed: number; calledBack: number; callBackRate: number; avgCloseDays: number };
  byCounter: GroupFigures[];
  byClerk: GroupFigures[];
  byService: GroupFigures[];
  byChannel: Record<string, number>;
}

const empty = (): LevelCounts => ({ count: 0, byLevel: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, satisfiedRate: 0, bad: 0 });

function add(c: LevelCounts, level: number): void {
  c.count++;
  c.byLevel[String(level) as keyof LevelCounts['byLevel']]++;
  if (level <= 2) c.bad++;
}

function finish<T extends LevelCounts>(c: T): T {
  c.satisfiedRate = c.count ? (c.byLevel['3'] + c.byLevel['4'] + c.byLevel['5']) / c.count : 0;
  return c;
}

/** Working days from opening to closing (0 when closed the same day). */
export function workingDaysToClose(settings: Settings, f: FollowUp): number | null {
  if (!f.closedAt) return null;
  return workingDaysBetween(settings, f.openedAt.slice(0, 10), f.closedAt.slice(0, 10));
}

/** `names`: what to call windows, clerks and businesses in the rows (ids otherwise). */
export function ratingFigures(tickets: Iterable<Ticket>, followUps: FollowUp[], settings: Settings, today: string, names?: DayNames): RatingFigures {
  const all = { ...empty(), served: 0, responseRate: 0 };
  const groups = { counter: new Map<string, GroupFigures>(), clerk: new Map<string, GroupFigures>(), service: new Map<string, GroupFigures>() };
  const byChannel: Record<string, number> = {};
  const group = (m: Map<string, GroupFigures>, id: string) => {
    let g = m.get(id);
    if (!g) m.set(id, (g = { id, name: id, ...empty(), served: 0, responseRate: 0 }));
    return g;
  };
  for (const t of tickets) {
    if (t.status !== 'done') continue;
    const keys: [Map<string, GroupFigures>, string | undefined][] = [[groups.counter, t.counterId], [groups.clerk, t.clerkId], [groups.service, t.serviceId]];
    all.served++;
    for (const [m, id] of keys) if (id) group(m, id).served++;
    if (!t.rating) continue;
    add(all, t.rating.level);
    byChannel[t.rating.channel] = (byChannel[t.rating.channel] ?? 0) + 1;
    for (const [m, id] of keys) if (id) add(group(m, id), t.rating.level);
  }
  const rows = (m: Map<string, GroupFigures>, named?: Record<string, string>) =>
    [...m.values()].map((g) => finish({ ...g, name: nameIn(named, g.id) ?? g.id, responseRate: g.served ? g.count / g.served : 0 })).sort((a, b) => a.id.localeCompare(b.id, 'zh', { numeric: true }));
  const closed = followUps.filter((f) => f.closedAt);
  const calledBack = followUps.filter((f) => f.callBacks.length > 0).length;
  const closeDays = closed.map((f) => workingDaysToClose(settings, f) ?? 0);
  return {
    ...finish(all),
    responseRate: all.served ? all.count / all.served : 0,
    followUps: {
      total: followUps.length,
      open: followUps.length - closed.length,
      overdue: followUps.filter((f) => followUpOverdue(f, today)).length,
      closed: closed.length,
      calledBack,
      callBackRate: followUps.length ? calledBack / followUps.length : 0,
      avgCloseDays: closeDays.length ? closeDays.reduce((a, b) => a + b, 0) / closeDays.length : 0,
    },
    byCounter: rows(groups.counter, names?.counters),
    byClerk: rows(groups.clerk, names?.clerks),
    byService: rows(groups.service, names?.services),
    byChannel,
  };
}

/** 138****1234: contact numbers in exports and anywhere but the supervisor's case view. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return digits.slice(0, 1) + '*'.repeat(digits.length - 3) + digits.slice(-2);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** `GET /api/me/ratings`: a clerk's own figures and each rating, never who gave it. */
export type MyRatingsReply = RatingFigures & {
  from: string;
  to: string;
  ratings: {
    number: string;
    day: string;
    serviceName: string;
    level: RatingLevel;
    reasons: string[];
    comment: string | null;
    at: string;
    /** A bad rating's case: what to appeal (申诉), and the appeal and its review so far. */
    followUpId?: string;
    appeal?: RatingAppeal;
  }[];
};

/**
 * One clerk's visits served among `tickets` (days from..to), with each rating's level,
 * reasons and comment, newest first; never the rater's contact.
 */
export function clerkRatings(d: HallData, tickets: Iterable<Ticket>, userId: string, from: string, to: string, today: string, names: DayNames): MyRatingsReply {
  const mine = [...tickets].filter((t) => t.clerkId === userId && t.status === 'done');
  const cases = new Map(d.followUps.filter((f) => f.clerkId === userId).map((f) => [f.ticketId, f]));
  return {
    from,
    to,
    ...ratingFigures(countedRatings(mine, d.followUps), [], d.settings, today, names),
    ratings: mine
      .filter((t) => t.rating)
      .map((t) => {
        const f = cases.get(t.id);
        const row = { number: t.number, day: t.day, serviceName: serviceById(d, t.serviceId)?.name ?? t.serviceId, level: t.rating!.level, reasons: t.rating!.reasons, comment: t.rating!.comment ?? null, at: t.rating!.at };
        return f ? { ...row, followUpId: f.id, ...(f.appeal && { appeal: f.appeal }) } : row;
      })
      .reverse(),
  };
}
