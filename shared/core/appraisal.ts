// 四季度综合测评: each clerk over a period — visits served, average service time,
// satisfaction, bad ratings and their follow-up, attendance (sign-ins per half day),
// ranked. Pure, over day facts and the follow-up cases.
import type { AuditEntry, FollowUp, Settings, User } from '../types.ts';
import { isVoided } from './appeals.ts';
import { isWorkingDay } from './calendar.ts';
import { Durations, type DayFacts } from './reports.ts';
import { addDays } from './time.ts';

export interface AppraisalRow {
  rank: number;
  clerkId: string;
  name: string;
  staffNo: string;
  served: number;
  avgServiceMin: number;
  rated: number;
  satisfiedRate: number;
  bad: number;
  badCalledBack: number;
  badClosed: number;
  halfDays: number; // half-days signed in
  expectedHalfDays: number; // two per working day in the period, up to today, since the hall (or the account) started
  attendanceRate: number;
}

/** `GET /api/reports/appraisal`. */
export interface AppraisalReply {
  from: string;
  to: string;
  label: string;
  rows: AppraisalRow[];
}

/** The quarter a day falls in, as from/to days: 2026-11-26 → 2026-10-01..2026-12-31. */
export function quarterOf(day: string): { from: string; to: string; label: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const from = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`, -1);
  return { from, to, label: `${y}年第${'一二三四'[q]}季度` };
}

/** A quarter by name, `2026Q4`, as from/to days and its label. */
export function quarterNamed(name: string): { from: string; to: string; label: string } {
  const [y, n] = name.split('Q');
  return quarterOf(`${y}-${String((Number(n) - 1) * 3 + 1).padStart(2, '0')}-01`);
}

/**
 * When attendance starts counting: the hall's first day (its first archived day, or the
 * live day on a new install) and, per account, the day it was created (新增账号 in the
 * audit log; accounts from the install have none and start with the hall). Counting from
 * the quarter's start instead gave everyone 1.2% in a hall's first week.
 */
export interface Starts {
  hall: string;
  users: Record<string, string>;
}

export function accountStarts(hallStart: string, users: User[], audit: AuditEntry[]): Starts {
  const byTarget = new Map(users.map((u) => [`${u.username}（${u.name}）`, u.id]));
  const out: Record<string, string> = {};
  for (const e of audit) {
    if (e.action !== '新增账号') continue;
    const id = byTarget.get(e.target) ?? users.find((u) => e.target.startsWith(`${u.username}（`))?.id;
    if (id && !out[id]) out[id] = e.at.slice(0, 10);
  }
  return { hall: hallStart, users: out };
}

/**
 * Ranked by satisfaction rate, then visits served, then shorter average service time.
 * A clerk with fewer than `minRated` ratings ranks after those with enough, so one
 * happy villager cannot put a clerk first.
 */
export function appraisal(days: DayFacts[], followUps: FollowUp[], users: User[], settings: Settings, from: string, to: string, today: string, minRated = 5, starts: Starts = { hall: from, users: {} }): AppraisalRow[] {
  const clerks = users.filter((u) => u.role === 'clerk');
  const acc = new Map(clerks.map((u) => [u.id, { served: 0, service: new Durations(), rated: 0, satisfied: 0, half: new Set<string>() }]));
  for (const d of days) {
    for (const f of d.facts) {
      const a = f.k ? acc.get(f.k) : undefined;
      if (!a || f.st !== 'done') continue;
      a.served++;
      if (f.v !== null) a.service.add(f.v);
      if (f.r !== null) {
        a.rated++;
        if (f.r >= 3) a.satisfied++;
      }
    }
    for (const entry of d.attendance) {
      const [userId, half] = entry.split(' ');
      acc.get(userId!)?.half.add(`${d.day} ${half}`);
    }
  }
  const workingDays: string[] = [];
  const last = to < today ? to : today;
  const first = from > starts.hall ? from : starts.hall;
  for (let day = first; day <= last; day = addDays(day, 1)) if (isWorkingDay(settings, day)) workingDays.push(day);
  const workingSince = (u: User) => {
    const since = starts.users[u.id];
    return since ? workingDays.filter((d) => d >= since).length : workingDays.length;
  };

  const rows = clerks.map((u) => {
    const a = acc.get(u.id)!;
    const working = workingSince(u);
    // A bad rating voided on review (申诉成立) no longer counts against the clerk.
    const bad = followUps.filter((f) => f.clerkId === u.id && f.day >= from && f.day <= to && !isVoided(f));
    return {
      rank: 0,
      clerkId: u.id,
      name: u.name,
      staffNo: u.staffNo,
      served: a.served,
      avgServiceMin: a.service.summary().avgMin,
      rated: a.rated,
      satisfiedRate: a.rated ? a.satisfied / a.rated : 0,
      bad: bad.length,
      badCalledBack: bad.filter((f) => f.callBacks.length > 0).length,
      badClosed: bad.filter((f) => f.closedAt).length,
      halfDays: a.half.size,
      expectedHalfDays: working * 2,
      attendanceRate: working ? Math.min(1, a.half.size / (working * 2)) : 0,
    };
  });
  rows.sort(
    (x, y) =>
      Number(y.rated >= minRated) - Number(x.rated >= minRated) ||
      y.satisfiedRate - x.satisfiedRate ||
      y.served - x.served ||
      x.avgServiceMin - y.avgServiceMin ||
      x.staffNo.localeCompare(y.staffNo),
  );
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
