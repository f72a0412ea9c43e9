// 跨厅报表: every hall over any period, from `day_figures` (closed days) and the mirrors
// (each hall's live day), summed per hall and per business. Waits are summarised by the
// hall's own `sortedSummary` over the same minutes, in the same order, as the hall's
// `summary`, so the average and the nearest-rank p90 equal its `GET /api/stats` exactly.
import { sql, type Kysely } from 'kysely';
import { commitmentOverdue, followUpOverdue } from '../shared/core/due.ts';
import { HallError } from '../shared/core/errors.ts';
import { dayNames } from '../shared/core/facts.ts';
import { satisfiedRate, sortedSummary } from '../shared/core/stats.ts';
import { daysBetween } from '../shared/core/time.ts';
import type { CountyReport, ReportFigures, ReportRow } from '../shared/county/types.ts';
import type { DB } from './db/schema.ts';
import type { Mirrors } from './mirror.ts';
import { dayCells, packWaits, type CaseCounts, type Cell, type Levels } from './reportCells.ts';

export const MAX_REPORT_DAYS = 400;
/** 200 halls: four queries, half the pool (8), the rest left for ingest meanwhile. */
const HALLS_A_QUERY = 50;

/** 400 when the period is reversed or longer than MAX_REPORT_DAYS. */
export function checkPeriod(from: string, to: string): void {
  if (from > to) throw new HallError('invalid_request', 400, '开始日期不能晚于结束日期');
  if (daysBetween(from, to) >= MAX_REPORT_DAYS) throw new HallError('invalid_request', 400, `查询范围不能超过 ${MAX_REPORT_DAYS} 天`);
}

/** Counts summed over days, before they become rates. */
interface Sum extends Omit<CaseCounts, 'voided'> {
  name: string;
  taken: number;
  served: number;
  noShows: number;
  ratings: Levels;
  /** Still open past their due day, as of the hall's day (from its mirror: time alone moves them). */
  followUpsOverdue: number;
  committedOverdue: number;
  waits: Waits[];
}

/** Stored waits end to end, and how many each ascending run (a day) holds. */
interface Waits {
  bytes: Buffer;
  runs: number[];
}

const emptySum = (name: string): Sum => ({ name, taken: 0, served: 0, noShows: 0, ratings: [0, 0, 0, 0, 0], followUps: 0, followUpsClosed: 0, followUpsOnTime: 0, committed: 0, committedDelivered: 0, committedOnTime: 0, followUpsOverdue: 0, committedOverdue: 0, waits: [] });

type Counts = Omit<Sum, 'name' | 'waits' | 'followUpsOverdue' | 'committedOverdue'> & Partial<Pick<Sum, 'followUpsOverdue' | 'committedOverdue'>>;

function addTo(s: Sum, c: Counts, waits: Waits | null): void {
  s.taken += c.taken;
  s.served += c.served;
  s.noShows += c.noShows;
  for (let i = 0; i < 5; i++) s.ratings[i]! += c.ratings[i]!;
  s.followUps += c.followUps;
  s.followUpsClosed += c.followUpsClosed;
  s.followUpsOnTime += c.followUpsOnTime;
  s.committed += c.committed;
  s.committedDelivered += c.committedDelivered;
  s.committedOnTime += c.committedOnTime;
  s.followUpsOverdue += c.followUpsOverdue ?? 0;
  s.committedOverdue += c.committedOverdue ?? 0;
  if (waits && waits.bytes.length) s.waits.push(waits);
}

/**
 * Merges ascending runs `data[bounds[i], bounds[i+1])` into one ascending array, pairwise,
 * in ⌈log₂ runs⌉ linear passes.
 */
export function mergeRuns(data: Int32Array, bounds: readonly number[]): Int32Array {
  let src: Int32Array = data;
  let dst: Int32Array = new Int32Array(data.length);
  let b = bounds;
  while (b.length > 2) {
    const next = [0];
    for (let i = 0; i + 1 < b.length; i += 2) {
      const lo = b[i]!;
      const mid = b[i + 1]!;
      const hi = i + 2 < b.length ? b[i + 2]! : mid;
      let x = lo;
      let y = mid;
      let o = lo;
      if (x < mid && y < hi) {
        let a = src[x]!;
        let c = src[y]!;
        for (;;) {
          if (a <= c) {
            dst[o++] = a;
            if (++x === mid) break;
            a = src[x]!;
          } else {
            dst[o++] = c;
            if (++y === hi) break;
            c = src[y]!;
          }
        }
      }
      if (x < mid) dst.set(src.subarray(x, mid), o);
      else if (y < hi) dst.set(src.subarray(y, hi), o);
      next.push(hi);
    }
    [src, dst] = [dst, src];
    b = next;
  }
  return src;
}

/**
 * A business's waits in ms, ascending: each stored day is an ascending run of
 * little-endian int32 (as is every machine Node runs on here).
 */
function sortedMs(parts: Waits[]): Int32Array {
  let n = 0;
  for (const p of parts) n += p.bytes.length >>> 2;
  const ms = new Int32Array(n);
  const raw = new Uint8Array(ms.buffer);
  const bounds = [0];
  let at = 0;
  for (const p of parts) {
    raw.set(p.bytes.subarray(0, p.bytes.length & ~3), at * 4);
    for (const len of p.runs) bounds.push((at += len));
  }
  return mergeRuns(ms, bounds);
}

/** A hall's waits: its businesses' ascending runs, merged. */
function merged(runs: Int32Array[]): Int32Array {
  const out = new Int32Array(runs.reduce((n, r) => n + r.length, 0));
  const bounds = [0];
  let at = 0;
  for (const r of runs) {
    out.set(r, at);
    bounds.push((at += r.length));
  }
  return mergeRuns(out, bounds);
}

/** The same doubles the hall computes for each wait (ms / 60,000), still ascending. */
function minutes(ms: Int32Array): Float64Array {
  const out = new Float64Array(ms.length);
  for (let k = 0; k < ms.length; k++) out[k] = ms[k]! / 60_000;
  return out;
}

/**
 * Kept on time over the cases whose outcome is known: closed, or open past their due day.
 * One still open and not yet due counts neither way; null when none is known yet.
 */
const rate = (onTime: number, known: number) => (known ? onTime / known : null);

function figures(s: Sum, waitsMs: Int32Array): ReportFigures {
  const byLevel = { '1': s.ratings[0], '2': s.ratings[1], '3': s.ratings[2], '4': s.ratings[3], '5': s.ratings[4] };
  const wait = sortedSummary(minutes(waitsMs));
  const ratings = s.ratings.reduce((a, b) => a + b, 0);
  return {
    taken: s.taken,
    served: s.served,
    noShows: s.noShows,
    avgWaitMin: wait.avgMin,
    p90WaitMin: wait.p90Min,
    ratings,
    byLevel,
    satisfiedRate: satisfiedRate(byLevel),
    badRatings: byLevel['1'] + byLevel['2'],
    followUps: s.followUps,
    followUpsClosed: s.followUpsClosed,
    followUpsOnTime: s.followUpsOnTime,
    followUpsOverdue: s.followUpsOverdue,
    followUpsOnTimeRate: rate(s.followUpsOnTime, s.followUpsClosed + s.followUpsOverdue),
    committed: s.committed,
    committedDelivered: s.committedDelivered,
    committedOnTime: s.committedOnTime,
    committedOverdue: s.committedOverdue,
    committedOnTimeRate: rate(s.committedOnTime, s.committedDelivered + s.committedOverdue),
  };
}

/**
 * 排名: by satisfaction rate, then by visits served, then by name; a hall with no rating
 * in the period has no satisfaction to rank by and comes after every rated one.
 */
export function rank(rows: Omit<ReportRow, 'rank'>[]): ReportRow[] {
  const sorted = [...rows].sort((a, b) => Number(b.ratings > 0) - Number(a.ratings > 0) || b.satisfiedRate - a.satisfiedRate || b.served - a.served || a.hallName.localeCompare(b.hallName, 'zh'));
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }));
}

export class Reports {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly mirrors: Mirrors,
  ) {}

  async report(from: string, to: string): Promise<CountyReport> {
    checkPeriod(from, to);
    const halls = await this.db.selectFrom('halls').select(['id', 'name']).orderBy('created_at').execute();
    // A few halls a query, all at once: PostgreSQL aggregates the next ones while this
    // process merges the waits of those already in, so the two cores work side by side.
    const chunks: (typeof halls)[] = [];
    for (let i = 0; i < halls.length; i += HALLS_A_QUERY) chunks.push(halls.slice(i, i + HALLS_A_QUERY));
    const parts = await Promise.all(chunks.map(async (chunk) => this.rows(chunk, await this.query(chunk.map((h) => h.id), from, to), from, to)));
    return { from, to, rows: rank(parts.flat()) };
  }

  private query(hallIds: string[], from: string, to: string) {
    return this.db
      .selectFrom('day_figures')
      .select((eb) => [
        'hall_id',
        'service_id',
        eb.fn.max('service_name').as('service_name'),
        sql<string>`sum(taken)`.as('taken'),
        sql<string>`sum(served)`.as('served'),
        sql<string>`sum(no_shows)`.as('no_shows'),
        sql<string>`sum(r1)`.as('r1'),
        sql<string>`sum(r2)`.as('r2'),
        sql<string>`sum(r3)`.as('r3'),
        sql<string>`sum(r4)`.as('r4'),
        sql<string>`sum(r5)`.as('r5'),
        sql<string>`sum(follow_ups)`.as('follow_ups'),
        sql<string>`sum(follow_ups_closed)`.as('follow_ups_closed'),
        sql<string>`sum(follow_ups_on_time)`.as('follow_ups_on_time'),
        sql<string>`sum(committed)`.as('committed'),
        sql<string>`sum(committed_delivered)`.as('committed_delivered'),
        sql<string>`sum(committed_on_time)`.as('committed_on_time'),
        // Both aggregates are fed the same rows in the same order (PostgreSQL advances every
        // aggregate of a group per input row), so `runs` describes `waits` without a sort.
        // Base64 (its newlines ignored by Buffer.from): two thirds the size of bytea's hex text.
        sql<string>`encode(string_agg(waits, ''::bytea), 'base64')`.as('waits'),
        sql<number[]>`array_agg(length(waits) / 4)`.as('runs'),
      ])
      .where('hall_id', 'in', hallIds)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(['hall_id', 'service_id'])
      .execute();
  }

  /** These halls' report rows, from their aggregated days and their mirrors. */
  private rows(halls: { id: string; name: string }[], rows: Awaited<ReturnType<Reports['query']>>, from: string, to: string): Omit<ReportRow, 'rank'>[] {
    // Per hall, its businesses by id; Maps, as hall and business ids come from outside.
    const sums = new Map<string, Map<string, Sum>>();
    const service = (hallId: string, id: string, name: string) => {
      let m = sums.get(hallId);
      if (!m) sums.set(hallId, (m = new Map()));
      let s = m.get(id);
      if (!s) m.set(id, (s = emptySum(name)));
      return s;
    };
    for (const r of rows) {
      const n = (x: string) => Number(x);
      addTo(
        service(r.hall_id, r.service_id, r.service_name ?? r.service_id),
        {
          taken: n(r.taken),
          served: n(r.served),
          noShows: n(r.no_shows),
          ratings: [n(r.r1), n(r.r2), n(r.r3), n(r.r4), n(r.r5)],
          followUps: n(r.follow_ups),
          followUpsClosed: n(r.follow_ups_closed),
          followUpsOnTime: n(r.follow_ups_on_time),
          committed: n(r.committed),
          committedDelivered: n(r.committed_delivered),
          committedOnTime: n(r.committed_on_time),
        },
        r.waits ? { bytes: Buffer.from(r.waits, 'base64'), runs: r.runs } : null,
      );
    }
    for (const h of halls) {
      const data = this.mirrors.get(h.id)?.data;
      if (!data) continue;
      const today = data.today.day;
      const name = (id: string) => data.services.find((x) => x.id === id)?.name ?? id;
      // Overdue as the hall itself says it (core/due.ts), on the hall's own day.
      for (const f of data.followUps) if (f.day >= from && f.day <= to && followUpOverdue(f, today)) service(h.id, f.serviceId, name(f.serviceId)).followUpsOverdue++;
      for (const c of data.commitments) if (c.day >= from && c.day <= to && commitmentOverdue(c, today)) service(h.id, c.serviceId, name(c.serviceId)).committedOverdue++;
      // The live day, by the same cell function as a closed day.
      if (today < from || today > to) continue;
      for (const c of dayCells(today, Object.values(data.tickets), dayNames(data), data)) addCell(service(h.id, c.serviceId, c.serviceName), c);
    }

    return halls.map((h) => {
      const m = sums.get(h.id) ?? new Map<string, Sum>();
      const all = emptySum(h.name);
      const allMs: Int32Array[] = [];
      const byService = [...m.entries()]
        .map(([id, s]) => {
          const ms = sortedMs(s.waits);
          allMs.push(ms);
          addTo(all, s, null);
          return { serviceId: id, serviceName: s.name, ...figures(s, ms) };
        })
        .sort((a, b) => b.taken - a.taken || a.serviceId.localeCompare(b.serviceId));
      return { hallId: h.id, hallName: h.name, ...figures(all, merged(allMs)), byService };
    });
  }
}

function addCell(s: Sum, c: Cell): void {
  addTo(s, c, { bytes: packWaits(c.waitsMs), runs: [c.waitsMs.length] });
}
