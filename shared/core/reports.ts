// Reports over any range of days, from compact per-ticket facts. A closed day is
// reduced to facts once (with the names as they were that day), so a quarter's report
// reads a few hundred kB per day instead of the full archive. Times are in whole
// seconds; percentiles are by nearest rank, counted rather than sorted.
import type { Commitment, CommittedFigures, DayArchive, DayNames, Outcome, Ticket, TicketStatus } from '../types.ts';
import { commitmentOverdue } from './due.ts';
import { addDays } from './time.ts';

export interface Fact {
  s: string; // business
  c: string | null; // window that served (or last called) it
  k: string | null; // clerk
  h: number; // hour taken, 0–23, hall time
  w: number | null; // wait: take → first call, seconds
  v: number | null; // service: start → finish, seconds (done only)
  st: TicketStatus;
  o: Outcome | null;
  t: boolean; // transferred at least once
  r: number | null; // rating level
}

export interface DayFacts {
  day: string;
  names: DayNames;
  facts: Fact[];
  /** Half-days each user signed in (签到): "userId am" / "userId pm". */
  attendance: string[];
}

const secs = (a?: string, b?: string) => (a && b ? Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 1000)) : null);
const hourOf = (iso: string) => Number(iso.slice(11, 13));

export function factOf(t: Ticket): Fact {
  return {
    s: t.serviceId,
    c: t.counterId ?? null,
    k: t.clerkId ?? null,
    h: hourOf(t.takenAt),
    w: secs(t.takenAt, t.calledAt),
    v: t.status === 'done' ? secs(t.startedAt ?? t.lastCalledAt, t.finishedAt) : null,
    st: t.status,
    o: t.outcome ?? null,
    t: Boolean(t.transfers?.length),
    r: t.rating?.level ?? null,
  };
}

/** `names`: used when the archive predates names being kept with it. */
export function dayFacts(archive: DayArchive, names: DayNames): DayFacts {
  const attendance = new Set<string>();
  for (const s of archive.signIns) attendance.add(`${s.userId} ${hourOf(s.at) < 12 ? 'am' : 'pm'}`);
  return { day: archive.day, names: archive.names ?? names, facts: archive.tickets.map(factOf), attendance: [...attendance] };
}

// ------------------------------------------------------------------ summaries

/** Exact nearest-rank percentiles over whole seconds, in O(n + distinct values). */
export class Durations {
  private counts = new Map<number, number>();
  n = 0;
  private sum = 0;

  add(sec: number): void {
    this.counts.set(sec, (this.counts.get(sec) ?? 0) + 1);
    this.n++;
    this.sum += sec;
  }

  merge(o: Durations): void {
    for (const [k, v] of o.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + v);
    this.n += o.n;
    this.sum += o.sum;
  }

  /** Minutes: average, median, 90th percentile, max (0 with no data). */
  summary(): Summary {
    if (this.n === 0) return { count: 0, avgMin: 0, p50Min: 0, p90Min: 0, maxMin: 0 };
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    const at = (p: number) => {
      const rank = Math.max(1, Math.ceil((p / 100) * this.n));
      let seen = 0;
      for (const k of keys) {
        seen += this.counts.get(k)!;
        if (seen >= rank) return k;
      }
      return keys[keys.length - 1]!;
    };
    const m = (s: number) => Math.round((s / 60) * 100) / 100;
    return { count: this.n, avgMin: m(this.sum / this.n), p50Min: m(at(50)), p90Min: m(at(90)), maxMin: m(keys[keys.length - 1]!) };
  }
}

export interface Summary {
  count: number;
  avgMin: number;
  p50Min: number;
  p90Min: number;
  maxMin: number;
}

export interface ReportRow {
  id: string;
  name: string;
  taken: number;
  served: number;
  noShows: number;
  transferred: number;
  wait: Summary;
  service: Summary;
  rated: number;
  satisfiedRate: number;
}

export interface Report {
  from: string;
  to: string;
  days: number; // days with any ticket
  totals: { taken: number; served: number; noShows: number; cancelled: number; transferred: number };
  wait: Summary;
  service: Summary;
  outcomes: Record<Outcome, number>;
  satisfaction: { count: number; byLevel: Record<'1' | '2' | '3' | '4' | '5', number>; satisfiedRate: number };
  byService: ReportRow[];
  byCounter: ReportRow[];
  byClerk: ReportRow[];
  byHour: ReportRow[];
  waitBuckets: { label: string; count: number }[];
  /** Every day from..to, in order (days without tickets too): the month's day-by-day trend. */
  byDay: DayFigures[];
}

export interface DayFigures {
  day: string;
  taken: number;
  served: number;
}

/** `GET /api/reports`. */
export type ReportReply = Report & { committed: CommittedFigures };

/** Committed cases taken on days from..to; overdue: undelivered after the due date, as of `today`. */
export function committedFigures(commitments: Commitment[], from: string, to: string, today: string): CommittedFigures {
  const inRange = commitments.filter((c) => c.day >= from && c.day <= to);
  const open = inRange.filter((c) => !c.deliveredAt);
  return { total: inRange.length, delivered: inRange.length - open.length, open: open.length, overdue: open.filter((c) => commitmentOverdue(c, today)).length };
}

/** The name an id has in a names record; ids such as `constructor` are only ids there. */
export function nameIn(names: Record<string, string> | undefined, id: string): string | undefined {
  return names && Object.hasOwn(names, id) ? names[id] : undefined;
}

const WAIT_BUCKETS: [number, string][] = [[5, '5 分钟内'], [10, '5–10 分钟'], [20, '10–20 分钟'], [30, '20–30 分钟'], [60, '30–60 分钟'], [Infinity, '1 小时以上']];

class Group {
  taken = 0;
  served = 0;
  noShows = 0;
  transferred = 0;
  rated = 0;
  satisfied = 0;
  wait = new Durations();
  service = new Durations();

  add(f: Fact): void {
    this.taken++;
    if (f.st === 'done') this.served++;
    if (f.st === 'no_show') this.noShows++;
    if (f.t) this.transferred++;
    if (f.w !== null) this.wait.add(f.w);
    if (f.v !== null) this.service.add(f.v);
    if (f.r !== null) {
      this.rated++;
      if (f.r >= 3) this.satisfied++;
    }
  }

  row(id: string, name: string): ReportRow {
    return {
      id, name, taken: this.taken, served: this.served, noShows: this.noShows, transferred: this.transferred,
      wait: this.wait.summary(), service: this.service.summary(), rated: this.rated, satisfiedRate: this.rated ? this.satisfied / this.rated : 0,
    };
  }
}

/** Folds days of facts into a report. Feed days in any order; names come from the latest day. */
export class ReportBuilder {
  private all = new Group();
  private groups = { s: new Map<string, Group>(), c: new Map<string, Group>(), k: new Map<string, Group>(), h: new Map<string, Group>() };
  private names: DayFacts['names'] = { services: {}, counters: {}, clerks: {} };
  private namesDay = '';
  private days = 0;
  private cancelled = 0;
  private outcomes: Record<Outcome, number> = { immediate: 0, committed: 0, forwarded: 0, refused: 0 };
  private byLevel = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  private buckets = WAIT_BUCKETS.map(() => 0);
  private perDay = new Map<string, DayFigures>();

  constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  addDay(d: DayFacts): void {
    if (d.facts.length) this.days++;
    if (d.day >= this.namesDay) {
      this.names = { services: { ...this.names.services, ...d.names.services }, counters: { ...this.names.counters, ...d.names.counters }, clerks: { ...this.names.clerks, ...d.names.clerks } };
      this.namesDay = d.day;
    } else {
      this.names = { services: { ...d.names.services, ...this.names.services }, counters: { ...d.names.counters, ...this.names.counters }, clerks: { ...d.names.clerks, ...this.names.clerks } };
    }
    const g = (m: Map<string, Group>, key: string) => {
      let x = m.get(key);
      if (!x) m.set(key, (x = new Group()));
      return x;
    };
    const day = this.perDay.get(d.day) ?? { day: d.day, taken: 0, served: 0 };
    this.perDay.set(d.day, day);
    for (const f of d.facts) {
      day.taken++;
      if (f.st === 'done') day.served++;
      this.all.add(f);
      g(this.groups.s, f.s).add(f);
      g(this.groups.h, String(f.h)).add(f);
      if (f.c && f.st !== 'waiting' && f.st !== 'cancelled') g(this.groups.c, f.c).add(f);
      if (f.k && f.st !== 'waiting' && f.st !== 'cancelled') g(this.groups.k, f.k).add(f);
      if (f.st === 'cancelled') this.cancelled++;
      if (f.o) this.outcomes[f.o]++;
      if (f.r !== null) this.byLevel[String(f.r) as keyof typeof this.byLevel]++;
      if (f.w !== null) this.buckets[WAIT_BUCKETS.findIndex(([max]) => f.w! < max * 60)]!++;
    }
  }

  build(): Report {
    const rows = (m: Map<string, Group>, name: (id: string) => string) =>
      [...m.entries()].map(([id, x]) => x.row(id, name(id))).sort((a, b) => a.id.localeCompare(b.id, 'zh', { numeric: true }));
    const total = this.all.row('all', '合计');
    const rated = Object.values(this.byLevel).reduce((a, b) => a + b, 0);
    const hours = new Map(this.groups.h);
    for (let h = 0; h < 24; h++) if (!hours.has(String(h))) hours.set(String(h), new Group());
    return {
      from: this.from,
      to: this.to,
      days: this.days,
      totals: { taken: total.taken, served: total.served, noShows: total.noShows, cancelled: this.cancelled, transferred: total.transferred },
      wait: total.wait,
      service: total.service,
      outcomes: this.outcomes,
      satisfaction: { count: rated, byLevel: this.byLevel, satisfiedRate: rated ? (this.byLevel['3'] + this.byLevel['4'] + this.byLevel['5']) / rated : 0 },
      byService: rows(this.groups.s, (id) => nameIn(this.names.services, id) ?? id),
      byCounter: rows(this.groups.c, (id) => nameIn(this.names.counters, id) ?? `${id}号窗口`),
      byClerk: rows(this.groups.k, (id) => nameIn(this.names.clerks, id) ?? id),
      byHour: [...hours.entries()].map(([h, x]) => x.row(h, `${h.padStart(2, '0')}:00`)).sort((a, b) => Number(a.id) - Number(b.id)),
      waitBuckets: WAIT_BUCKETS.map(([, label], i) => ({ label, count: this.buckets[i]! })),
      byDay: this.dayByDay(),
    };
  }

  /** Bounded: a range of more than ten years is a request error, not a reason to loop. */
  private dayByDay(): DayFigures[] {
    const out: DayFigures[] = [];
    for (let d = this.from, i = 0; d <= this.to && i < 3700; d = addDays(d, 1), i++) out.push(this.perDay.get(d) ?? { day: d, taken: 0, served: 0 });
    return out;
  }
}
