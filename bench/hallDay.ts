// A simulated hall day for measuring the wait estimate (`npm run bench:estimate`).
// It drives the real rules (`apply` with the same commands the server sends) on a
// hall of shared windows, so the estimate it reads is exactly the one the server
// shows: villagers arrive (a morning rush; 逢场天 brings three times as many), some
// with priority; clerks call, wait for the villager to walk up, recall, mark no-shows,
// serve for a lognormal time, take short breaks and a staggered lunch. Seeded: the
// same seed gives the same day.
import { createCipheriv, createHash } from 'node:crypto';
import { apply, type Command } from '../shared/core/commands.ts';
import { serviceViews, ticketView } from '../shared/core/views.ts';
import type { Fact } from '../shared/core/facts.ts';
import type { Counter, HallData, Service, Ticket } from '../shared/types.ts';

const MIN = 60_000;

/**
 * A seeded stream of numbers in [0, 1): AES-128 in counter mode over zeros, keyed by the
 * seed (node:crypto), read 32 bits at a time.
 */
export function rng(seed: number): () => number {
  const key = createHash('sha256').update(`hall-day:${seed}`).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(64 * 1024);
  let block = cipher.update(zeros);
  let i = 0;
  return () => {
    if (i + 4 > block.length) {
      block = cipher.update(zeros);
      i = 0;
    }
    const x = block.readUInt32LE(i);
    i += 4;
    return x / 4294967296;
  };
}

const exp = (r: () => number, mean: number) => -Math.log(1 - r()) * mean;
function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
/** Lognormal with this mean and coefficient of variation. */
function lognormal(r: () => number, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal(r));
}

/** The simulated hall's businesses: true mean minutes at the window, share of arrivals. */
export const BUSINESSES: { id: string; prefix: string; meanMin: number; cv: number; share: number; priority: boolean; configuredMin: number }[] = [
  { id: 'pension', prefix: 'A', meanMin: 6, cv: 0.6, share: 0.22, priority: true, configuredMin: 5 },
  { id: 'medical', prefix: 'B', meanMin: 4, cv: 0.5, share: 0.2, priority: true, configuredMin: 5 },
  { id: 'civil', prefix: 'C', meanMin: 9, cv: 0.7, share: 0.1, priority: true, configuredMin: 8 },
  { id: 'housing', prefix: 'D', meanMin: 14, cv: 0.8, share: 0.08, priority: false, configuredMin: 10 },
  { id: 'land', prefix: 'E', meanMin: 11, cv: 0.7, share: 0.07, priority: false, configuredMin: 15 },
  { id: 'social', prefix: 'F', meanMin: 5, cv: 0.6, share: 0.13, priority: true, configuredMin: 5 },
  { id: 'family', prefix: 'G', meanMin: 7, cv: 0.6, share: 0.1, priority: true, configuredMin: 6 },
  { id: 'misc', prefix: 'H', meanMin: 3, cv: 0.5, share: 0.1, priority: true, configuredMin: 3 },
];

/**
 * Eight windows, most of them shared. On a normal day five are staffed (the other
 * clerks do back-office work; all businesses are still served) and a sixth helps
 * through the morning rush; on a market day all eight.
 */
const WINDOWS: string[][] = [['pension'], ['pension', 'medical'], ['medical', 'social'], ['civil', 'family'], ['housing', 'land'], ['land', 'civil', 'housing'], ['social', 'family', 'misc'], ['misc', 'pension']];

const NORMAL_STAFFED = new Set(['w2', 'w3', 'w4', 'w6', 'w7']);
const OPEN_MIN = 8 * 60 + 30;
const CLOSE_MIN = 17 * 60 + 30;
/** Tickets stop being taken this long before closing, so every one is called that day. */
const LAST_TAKE_MIN = 16 * 60 + 30;

/** Arrivals per hour at each hour of a normal day (08:00 → index 8). */
const PROFILE: Record<number, number> = { 8: 26, 9: 40, 10: 36, 11: 26, 12: 10, 13: 16, 14: 26, 15: 24, 16: 16 };

export interface Sample {
  market: boolean;
  serviceId: string;
  priority: boolean;
  /** Minutes until the ticket was first called. */
  trueMin: number;
  /** This system's estimate, as the ticket showed it. */
  estimate: number;
  /** (n+1)/(s·μ), with the business's true mean minutes. */
  queueLength: number;
  /** Last-to-enter-service: the wait of the business's latest ticket called. */
  lastCalled: number;
  /** The estimate this hall showed before (ahead × recent start→finish average ÷ windows not paused). */
  previous: number;
  /** Whether the kiosk's list, just before, said the same as the ticket. */
  listAgreed: boolean;
  noWindow: boolean;
  /** Hour of the day it was taken. */
  hour: number;
}

function hallData(day: string, marketDays: string[], dedicated: boolean): HallData {
  const services: Service[] = BUSINESSES.map((b) => ({
    id: b.id, name: b.id, prefix: b.prefix, materials: [], committedDays: 3, priorityAllowed: b.priority,
    dailyQuota: null, enabled: true, avgServiceMin: b.configuredMin,
  }));
  const counters: Counter[] = (dedicated ? BUSINESSES.map((b) => [b.id]) : WINDOWS).map((ids, i) => ({ id: `w${i + 1}`, name: `${i + 1}号窗口`, serviceIds: ids, clerkA: `u${i + 1}`, clerkB: null }));
  const hours = { open: '08:30', close: '17:30' };
  return {
    settings: {
      hallName: '模拟镇为民服务中心', timeZone: 'Asia/Shanghai',
      weekHours: Array.from({ length: 7 }, () => hours),
      specialDays: marketDays.map((date) => ({ date, name: '逢场天', kind: 'market' as const, hours })),
      marketDays: null,
      lastTicketMin: 0,
      priorityCap: 2, recallCap: 3,
      announcement: { template: '请{number}号到{counter}办理', repeat: 2 },
      priorityKinds: ['70岁以上老人'],
      printer: { uri: null, paperWidth: 80, checkStatus: false },
      ratings: { reasons: [], followUpDays: 5, padIdleSec: 60 },
      alerts: { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 },
      limits: { takesPerMinute: 30, commentsPerHour: 20 },
    },
    services,
    counters,
    users: counters.map((c, i) => ({ id: `u${i + 1}`, username: `u${i + 1}`, name: `clerk${i + 1}`, staffNo: `${i + 1}`, role: 'clerk' as const, passwordHash: '', disabled: false })),
    runtime: {}, sessions: {},
    today: { day, nextSeq: 1, numbers: {}, recentServiceMin: {} },
    tickets: {}, signIns: [], followUps: [], comments: [], commitments: [], audit: [],
  };
}

/** A tiny event queue: (time, action), earliest first, ties in insertion order. */
class Events {
  private list: { at: number; n: number; run: () => void }[] = [];
  private n = 0;
  add(at: number, run: () => void) {
    const e = { at, n: this.n++, run };
    let i = this.list.length;
    while (i > 0 && (this.list[i - 1]!.at > at || (this.list[i - 1]!.at === at && this.list[i - 1]!.n > e.n))) i--;
    this.list.splice(i, 0, e);
  }
  pop() {
    return this.list.shift();
  }
}

export interface SimDay {
  day: string; // YYYY-MM-DD
  market: boolean; // 逢场天: three times the arrivals in the morning
}

/**
 * Hall days in a row on one hall (so it learns its breaks as a real one does), each
 * closed at midnight. Returns one sample per ticket taken and called.
 */
export interface SimOptions {
  /** Stop each day at this minute of the day (for looking at a hall mid-day). */
  stopAt?: number;
  /** For taking the day apart: one window per business, no breaks or lunch, other shares. */
  dedicated?: boolean;
  breaks?: boolean;
  noShowShare?: number;
  priorityShare?: number;
  /** The hall's state before the first command (a county baseline), and each command's facts (a journal line). */
  onStart?: (data: HallData) => void;
  onFacts?: (facts: Fact[]) => void;
}

export function simulateDays(seed: number, days: SimDay[], o: SimOptions = {}): { samples: Sample[]; data: HallData } {
  const r = rng(seed);
  const data = hallData(days[0]!.day, days.filter((d) => d.market).map((d) => d.day), o.dedicated ?? false);
  o.onStart?.(data);
  const out: Sample[] = [];
  days.forEach((d, i) => {
    if (i > 0) {
      // Applied whether or not anyone listens: `o.onFacts?.(apply(…))` would skip the apply too.
      const { facts } = apply(data, { type: 'rollover', at: Date.parse(`${d.day}T00:01:00+08:00`) });
      o.onFacts?.(facts);
    }
    out.push(...simulateDay(r, data, d.day, d.market, o));
  });
  return { samples: out, data };
}

/** One day on the hall; the day's (and the hall's) state is left as the day ends. */
function simulateDay(r: () => number, data: HallData, day: string, market: boolean, o: SimOptions): Sample[] {
  const breaks = o.breaks ?? true;
  const base = Date.parse(`${day}T00:00:00+08:00`);
  const at = (minOfDay: number) => base + Math.round(minOfDay * MIN);
  const ev = new Events();
  let now = at(OPEN_MIN);
  const run = (cmd: Command) => {
    const e = apply(data, cmd);
    if (e.facts.length > 0) o.onFacts?.(e.facts);
    return e;
  };
  const truth = new Map(BUSINESSES.map((b) => [b.id, b]));
  const samples: Sample[] = [];
  const pending = new Map<string, { sample: Sample; takenAt: number }>();
  /** Per business, the wait of its latest ticket called (last-to-enter-service). */
  const lastCalledWait = new Map<string, number>();

  // The windows: each clerk's state machine.
  type W = { id: string; user: string; busy: boolean; breakAt: number; lunchAt: number; lunchMin: number; away: boolean; leaveAt?: number; on: boolean };
  const windows: W[] = data.counters.map((c, i) => ({
    id: c.id, user: `u${i + 1}`, busy: false, away: false, on: false,
    breakAt: at(OPEN_MIN + 60 + r() * 120),
    // A staggered lunch: half the windows early, half late.
    lunchAt: at((i % 2 ? 11 * 60 + 40 : 12 * 60 + 30) + r() * 20),
    lunchMin: 45 + r() * 30,
  }));

  const nextCall = (w: W) => {
    if (w.busy || w.away || !w.on) return;
    if (w.leaveAt !== undefined && now >= w.leaveAt) {
      w.on = false;
      run({ type: 'signOut', tokenHash: `h${w.id}${day}`, at: now });
      return;
    }
    if (now >= w.lunchAt && w.lunchAt > 0 && breaks) {
      w.away = true;
      const back = now + w.lunchMin * MIN;
      w.lunchAt = 0;
      run({ type: 'pause', counterId: w.id, userId: w.user, reason: '休息', at: now });
      ev.add(back, () => resume(w));
      return;
    }
    if (now >= w.breakAt && breaks) {
      w.away = true;
      const back = now + lognormal(r, 10, 0.5) * MIN;
      w.breakAt = now + (90 + r() * 90) * MIN;
      run({ type: 'pause', counterId: w.id, userId: w.user, reason: '休息', at: now });
      ev.add(back, () => resume(w));
      return;
    }
    const { ticket } = run({ type: 'next', counterId: w.id, userId: w.user, at: now });
    if (!ticket) return; // idle: an arrival wakes it
    w.busy = true;
    const p = pending.get(ticket.id);
    if (p) {
      p.sample.trueMin = (now - p.takenAt) / MIN;
      lastCalledWait.set(ticket.serviceId, p.sample.trueMin);
      pending.delete(ticket.id);
    }
    const t: Ticket = ticket;
    const b = truth.get(t.serviceId)!;
    if (r() < (o.noShowShare ?? 0.07)) {
      // Not there: recalled each minute up to the cap, then a no-show.
      ev.add(now + 1 * MIN, () => run({ type: 'recall', counterId: w.id, userId: w.user, at: now }));
      ev.add(now + 2 * MIN, () => run({ type: 'recall', counterId: w.id, userId: w.user, at: now }));
      ev.add(now + 3 * MIN, () => {
        run({ type: 'noShow', counterId: w.id, userId: w.user, at: now });
        release(w);
      });
      return;
    }
    const walk = lognormal(r, 0.8, 0.6);
    ev.add(now + walk * MIN, () => {
      run({ type: 'start', counterId: w.id, userId: w.user, at: now });
      ev.add(now + lognormal(r, b.meanMin, b.cv) * MIN, () => {
        run({ type: 'complete', counterId: w.id, userId: w.user, outcome: 'immediate', at: now });
        release(w);
      });
    });
  };
  const release = (w: W) => {
    w.busy = false;
    ev.add(now + exp(r, 0.4) * MIN, () => nextCall(w));
  };
  const resume = (w: W) => {
    w.away = false;
    run({ type: 'resume', counterId: w.id, userId: w.user, at: now });
    ev.add(now + exp(r, 0.3) * MIN, () => nextCall(w));
  };

  // Clerks sign in around opening time; on a normal day, one more helps 09:30–11:30.
  windows.forEach((w, i) => {
    const helper = !market && w.id === 'w8';
    if (helper) w.leaveAt = at(11 * 60 + 30);
    if (!market && !NORMAL_STAFFED.has(w.id) && !helper) return;
    ev.add(at(helper ? 9 * 60 + 30 + r() * 10 : OPEN_MIN - 5 + r() * 12), () => {
      run({ type: 'signIn', userId: w.user, counterId: w.id, tokenHash: `h${w.id}${day}`, expiresAtMs: at(20 * 60), at: now });
      w.on = true;
      nextCall(w);
    });
  });

  // Arrivals: a Poisson stream following the day's profile (thinning).
  // 逢场天: the market is in the morning; three times the arrivals until 11:00.
  const factorAt = (hour: number) => (market && hour < 11 ? 3 : 1);
  const peak = Math.max(...Object.values(PROFILE)) * 3;
  let seq = 0;
  const idPrefix = day.replaceAll('-', '');
  for (let m = OPEN_MIN; ; ) {
    m += exp(r, 60 / peak);
    if (m >= LAST_TAKE_MIN) break;
    if (r() > ((PROFILE[Math.floor(m / 60)] ?? 0) * factorAt(Math.floor(m / 60))) / peak) continue;
    const when = at(m);
    ev.add(when, () => {
      let x = r();
      const b = BUSINESSES.find((s) => (x -= s.share) < 0) ?? BUSINESSES[0]!;
      const priority = b.priority && r() < (o.priorityShare ?? 0.08);
      const list = priority ? null : serviceViews(data, now).find((s) => s.id === b.id)!;
      const { ticket, ahead } = run({ type: 'take', id: `s${idPrefix}-${++seq}`, serviceId: b.id, priority, channel: 'kiosk', at: now });
      const view = ticketView(data, ticket!, ahead, now);
      // The textbook reference: (n+1)/(s·μ), s the business's windows serving now (≥ 1).
      let s = 0;
      for (const c of data.counters) if (c.serviceIds.includes(b.id) && data.runtime[c.id]?.signedIn && !data.runtime[c.id]?.paused) s++;
      const sample: Sample = {
        market, serviceId: b.id, priority, trueMin: NaN,
        estimate: view.estimatedWaitMin,
        queueLength: ((ahead! + 1) * b.meanMin) / Math.max(1, s),
        lastCalled: lastCalledWait.get(b.id) ?? 0,
        previous: previousEstimate(data, b.id, ahead!),
        listAgreed: list === null || list.estimatedWaitMin === view.estimatedWaitMin,
        noWindow: Boolean(view.noWindow),
        hour: Math.floor(m / 60),
      };
      samples.push(sample);
      pending.set(ticket!.id, { sample, takenAt: now });
      for (const w of windows) if (!w.busy && !w.away) nextCall(w);
    });
  }

  for (let e = ev.pop(); e; e = ev.pop()) {
    if (o.stopAt !== undefined && e.at >= at(o.stopAt)) break;
    now = e.at;
    e.run();
  }
  return samples.filter((s) => Number.isFinite(s.trueMin));
}

/** The estimate as it was before this bench was written (shared/core/estimate.ts then). */
function previousEstimate(data: HallData, serviceId: string, ahead: number): number {
  if (ahead <= 0) return 0;
  const recent = data.today.recentServiceMin[serviceId] ?? [];
  const avg = recent.length < 3 ? (data.services.find((s) => s.id === serviceId)?.avgServiceMin ?? 5) : Math.max(0.5, recent.reduce((a, b) => a + b, 0) / recent.length);
  let n = 0;
  for (const c of data.counters) if (c.serviceIds.includes(serviceId) && data.runtime[c.id]?.signedIn && !data.runtime[c.id]?.paused) n++;
  return Math.ceil((ahead * avg) / Math.max(1, n));
}

// ---------------------------------------------------------------- scoring

export interface Score {
  n: number;
  meanWait: number;
  mae: number;
  bias: number;
  rase: number;
  within5: number;
}

export function score(samples: Sample[], pick: (s: Sample) => number): Score {
  const n = samples.length;
  let abs = 0, err = 0, sq = 0, wait = 0, within = 0;
  for (const s of samples) {
    const e = pick(s) - s.trueMin;
    abs += Math.abs(e);
    err += e;
    sq += e * e;
    wait += s.trueMin;
    if (Math.abs(e) <= 5) within++;
  }
  return { n, meanWait: wait / n, mae: abs / n, bias: err / n, rase: Math.sqrt(sq / n) / (wait / n), within5: within / n };
}

export const ESTIMATORS: { name: string; pick: (s: Sample) => number }[] = [
  { name: 'this hall (estimateWait)', pick: (s) => s.estimate },
  { name: 'queue length (n+1)/(s·μ), true μ', pick: (s) => s.queueLength },
  { name: 'last to enter service', pick: (s) => s.lastCalled },
  { name: 'before (start→finish ÷ windows)', pick: (s) => s.previous },
];
