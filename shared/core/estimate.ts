// The wait estimate: one function for the kiosk's list, the ticket, the printed ticket
// and the phone page. A fluid queue-length estimate (Ibrahim & Whitt 2009): the work
// ahead of a ticket, priced per business at what the hall measures, drained by the
// windows that serve its business, as they are staffed, paused and coming back.
//
// What it learns (`today.flow`, kept by `evolve` through the `note…` functions below):
// - a window *cycle* per business: from the moment the window was free with tickets
//   waiting (or its call, when it was idle) to the moment it let the ticket go (done,
//   no-show, transfer): the gap before the call, walk-up, recalls and no-show cycles
//   included, so each ticket ahead costs what it really costs the window;
// - how long the hall's pauses (休息, lunch) last, and, per quarter hour, how much of
//   the staffed window time is paused: folded at day end into `data.availability`, so
//   the morning's estimate knows the lunch to come.
// A lunch in the hall's hours (午休, no calls: hours.ts) is known ahead from its settings.
// Reading it costs a few counters and businesses: nothing walks the day's tickets.
import type { Flow, HallData, NoWindow } from '../types.ts';
import { hoursOn, minutesOf } from './hours.ts';
import { competingServices } from './queue.ts';
import { currentTicket, iso, record, serviceById } from './state.ts';
import { offsetMinutes } from './time.ts';

export const RECENT_CYCLES = 20;
/** The configured minutes count as this many cycles until the day has its own. */
const PRIOR_WEIGHT = 3;
/** Spread assumed of the configured minutes (coefficient of variation). */
const PRIOR_CV = 0.6;
/** A window free this long before calling was idle or away, not slow: the gap is capped. */
const MAX_CALL_GAP_MIN = 5;
/** Pauses assumed besides the day's own (minutes): short breaks and a lunch. */
const PRIOR_PAUSES = [10, 15, 60];
const RECENT_PAUSES = 20;
/** A pause that has outlasted every one seen still counts this long more. */
const MIN_PAUSE_LEFT_MIN = 5;
/**
 * Share of staffed time a window is expected to be serving (not paused: breaks, lunch),
 * counted as this many window-minutes until the day shows its own.
 */
const PRIOR_AVAILABLE = 0.85;
const PRIOR_STAFFED_MIN = 8 * 60;
/** The windows as they are now are trusted this far ahead; beyond it, the hall's usual breaks. */
const HORIZON_MIN = 10;
/** A quarter hour's availability learned: the newest day counts this much. */
const LEARN_RATE = 0.3;
const QUARTERS = 96;

const MIN_MS = 60_000;

// ---------------------------------------------------------------- kept by evolve

function flowOf(data: HallData): Flow {
  return (data.today.flow ??= { cycles: record(), windows: record(), pauses: [], priorityTaken: record(), staffedQ: new Array<number>(QUARTERS).fill(0), pausedQ: new Array<number>(QUARTERS).fill(0) });
}

/** Minutes since the hall's local midnight. */
function minuteOfDay(data: HallData, ms: number): number {
  const local = ms / MIN_MS + offsetMinutes(ms, data.settings.timeZone);
  return ((local % 1440) + 1440) % 1440;
}

/** Adds the window-minutes from `from` to `to` (ISO), on the live day only, to its quarters. */
function addSpan(data: HallData, quarters: number[], from: string, to: string): void {
  const noonUtc = Date.parse(`${data.today.day}T12:00:00Z`);
  const dayStart = noonUtc - (720 + offsetMinutes(noonUtc, data.settings.timeZone)) * MIN_MS;
  let m = Math.max(0, (Date.parse(from) - dayStart) / MIN_MS);
  const end = Math.min(1440, (Date.parse(to) - dayStart) / MIN_MS);
  while (m < end) {
    const q = Math.floor(m / 15);
    const take = Math.min(end, (q + 1) * 15) - m;
    quarters[q] = (quarters[q] ?? 0) + take;
    m += take;
  }
}

function windowOf(flow: Flow, counterId: string) {
  return (flow.windows[counterId] ??= { freeAt: null, cycleFrom: null });
}

/** Tickets wait for this window now. */
function workWaiting(data: HallData, counterId: string): boolean {
  const c = data.counters.find((x) => x.id === counterId);
  return Boolean(c?.serviceIds.some((s) => { const w = data.today.waiting?.[s]; return w && w[0] + w[1] > 0; }));
}

/** A ticket is taken: the day's priority tickets per business, for those that will pass others. */
export function noteTake(data: HallData, serviceId: string, priority: boolean, at: string): void {
  const flow = flowOf(data);
  flow.firstTakeAt ??= Date.parse(at);
  if (priority) flow.priorityTaken[serviceId] = (flow.priorityTaken[serviceId] ?? 0) + 1;
}

/** A window calls a ticket: its cycle began when it was last freed with work waiting (capped), else now. */
export function noteCall(data: HallData, counterId: string, at: string): void {
  const w = windowOf(flowOf(data), counterId);
  const t = Date.parse(at);
  w.cycleFrom = w.freeAt === null ? t : Math.max(w.freeAt, t - MAX_CALL_GAP_MIN * MIN_MS);
  w.freeAt = null;
}

/** A window lets a ticket of `serviceId` go: one cycle of that business ends. */
export function noteRelease(data: HallData, counterId: string, serviceId: string, at: string): void {
  const flow = flowOf(data);
  const w = windowOf(flow, counterId);
  const t = Date.parse(at);
  if (w.cycleFrom !== null) {
    const list = (flow.cycles[serviceId] ??= []);
    list.push(Math.max(0, t - w.cycleFrom) / MIN_MS);
    if (list.length > RECENT_CYCLES) list.shift();
  }
  w.cycleFrom = null;
  w.freeAt = workWaiting(data, counterId) ? t : null;
}

/** A window pauses, or its clerk signs in: the time until its next call is not a cycle. */
export function noteIdle(data: HallData, counterId: string): void {
  windowOf(flowOf(data), counterId).freeAt = null;
}

/** A window resumes after a pause that began at `pausedAt`. */
export function noteResume(data: HallData, counterId: string, pausedAt: string | undefined, at: string): void {
  const flow = flowOf(data);
  const t = Date.parse(at);
  if (pausedAt) {
    flow.pauses.push(Math.max(0, t - Date.parse(pausedAt)) / MIN_MS);
    if (flow.pauses.length > RECENT_PAUSES) flow.pauses.shift();
    addSpan(data, flow.pausedQ, pausedAt, at);
  }
  windowOf(flow, counterId).freeAt = workWaiting(data, counterId) ? t : null;
}

/** A window's clerk leaves it (signs out, or another signs in): its staffed time, and a pause it was in, end. */
export function noteLeave(data: HallData, signedInAt: string, pausedAt: string | undefined, at: string): void {
  const flow = flowOf(data);
  addSpan(data, flow.staffedQ, signedInAt, at);
  if (pausedAt) addSpan(data, flow.pausedQ, pausedAt, at);
}

/**
 * The day closes: its staffed windows count as leaving, and each quarter hour's share
 * not paused joins what the hall has learned of its breaks.
 */
export function noteDayEnd(data: HallData, at: string): void {
  for (const c of data.counters) {
    const rt = data.runtime[c.id];
    if (rt?.signedIn) noteLeave(data, rt.signedIn.at, rt.paused?.at, at);
  }
  const flow = flowOf(data);
  const learned = (data.availability ??= new Array<number | null>(QUARTERS).fill(null));
  for (let q = 0; q < QUARTERS; q++) {
    const staffed = flow.staffedQ[q] ?? 0;
    if (staffed < 15) continue; // not one window through the quarter: too little to learn from
    const a = Math.max(0, 1 - (flow.pausedQ[q] ?? 0) / staffed);
    const old = learned[q];
    learned[q] = old === null || old === undefined ? a : old + LEARN_RATE * (a - old);
  }
}

// ---------------------------------------------------------------- read by the views

interface Cycle {
  /** Mean minutes a window spends per ticket of the business. */
  mean: number;
  /** Mean minutes left of a cycle caught at a random moment: E[S²] / 2E[S]. */
  residual: number;
}

/** The business's cycle: today's cycles, with the configured minutes as a prior. */
export function cycleOf(data: HallData, serviceId: string): Cycle {
  const prior = Math.max(0.5, serviceById(data, serviceId)?.avgServiceMin ?? 5);
  const list = data.today.flow?.cycles[serviceId] ?? [];
  // The configured minutes fade out as the day's own cycles come in (they count the
  // visit only, not the walk-up and the call gap).
  const w = PRIOR_WEIGHT * Math.max(0, 1 - list.length / RECENT_CYCLES);
  let sum = w * prior;
  let sq = w * prior * prior * (1 + PRIOR_CV * PRIOR_CV);
  for (const x of list) {
    sum += x;
    sq += x * x;
  }
  const n = list.length + w;
  const mean = Math.max(0.25, sum / n);
  return { mean, residual: sq / n / (2 * mean) };
}

/**
 * Minutes a paused window is still expected to be away: the mean of what was left of
 * the pauses seen that lasted at least as long as this one has (a short break and a
 * lunch both begin as a pause; one already long is likely the long kind).
 */
function pauseLeftMin(data: HallData, pausedAt: string, now: number): number {
  const gone = Math.max(0, now - Date.parse(pausedAt)) / MIN_MS;
  let sum = 0;
  let n = 0;
  for (const list of [PRIOR_PAUSES, data.today.flow?.pauses ?? []]) {
    for (const x of list) {
      if (x <= gone) continue;
      sum += x - gone;
      n++;
    }
  }
  return n ? Math.max(sum / n, 1) : MIN_PAUSE_LEFT_MIN;
}

/**
 * The share of staffed window time not paused, today so far: the work far ahead will
 * meet breaks and lunches as the earlier part of the day did.
 */
function availability(data: HallData, now: number): number {
  let staffed = PRIOR_STAFFED_MIN;
  let paused = (data.today.flow?.pausedQ.reduce((a, b) => a + b, 0) ?? 0) + PRIOR_STAFFED_MIN * (1 - PRIOR_AVAILABLE);
  for (const c of data.counters) {
    const rt = data.runtime[c.id];
    if (!rt?.signedIn) continue;
    staffed += Math.max(0, now - Date.parse(rt.signedIn.at)) / MIN_MS;
    if (rt.paused) paused += Math.max(0, now - Date.parse(rt.paused.at)) / MIN_MS;
  }
  return Math.min(1, Math.max(0.3, 1 - paused / staffed));
}

export interface WaitEstimate {
  /** Minutes until the ticket is called, rounded. */
  min: number;
  /** Set when no window can call the business now. */
  noWindow?: NoWindow;
}

/**
 * Minutes until a ticket of `serviceId` with `ahead` tickets before it (as `aheadOf`
 * counts them) is called, at `now`. Pure: the hall's state and the instant. `joining`:
 * for a ticket not taken yet (the kiosk's list), counted as if it already waited;
 * `priority`: a priority ticket, which later priority tickets do not pass.
 */
export function estimateWait(data: HallData, serviceId: string, ahead: number, now: number, o: { joining?: boolean; priority?: boolean } = {}): WaitEstimate {
  const joining = o.joining ?? false;
  const waitingOf = (b: string) => {
    const w = data.today.waiting?.[b];
    return (w ? w[0] + w[1] : 0) + (joining && b === serviceId ? 1 : 0);
  };
  // Each business's cycle, read once.
  const cycles = new Map<string, Cycle>();
  const cycle = (b: string) => {
    let c = cycles.get(b);
    if (!c) cycles.set(b, (c = cycleOf(data, b)));
    return c;
  };
  // The staffed windows; for each business, its staffed windows and the work waiting.
  const windows: Lane[] = [];
  const index = new Map<string, number>();
  const staffedFor: number[] = [];
  const work: number[] = [];
  let mine = 0;
  for (const c of data.counters) {
    const rt = data.runtime[c.id];
    if (!rt?.signedIn) continue;
    const of: number[] = [];
    for (const b of c.serviceIds) {
      let i = index.get(b);
      if (i === undefined) {
        index.set(b, (i = work.length));
        work.push((waitingOf(b) + ARRIVING) * cycle(b).mean);
        staffedFor.push(0);
      }
      staffedFor[i]!++;
      of.push(i);
    }
    const serves = c.serviceIds.includes(serviceId);
    if (serves) mine++;
    windows.push({ of, serves, paused: rt.paused?.at ?? null, current: serves ? (currentTicket(data, c.id)?.serviceId ?? null) : null });
  }
  if (mine === 0) return { min: 0, noWindow: { reason: 'none', resumeAt: null } };
  const share = windowShares(windows, work, staffedFor, index.get(serviceId)!);

  // The tickets of this business ahead: `ahead` counts the group's, in its call order;
  // this business's part of them is in proportion to its waiting count.
  let groupWaiting = 0;
  for (const b of competingServices(data, serviceId)) groupWaiting += waitingOf(b);
  const own = waitingOf(serviceId);
  const scale = groupWaiting > 1 ? Math.min(1, ahead / (groupWaiting - 1)) : 0;
  const ownAhead = Math.max(0, own - 1) * scale;

  // Priority tickets taken later still pass a normal one: the part of each window's
  // time they are expected to take goes to them.
  const ids = [...index.keys()];
  const passing = (w: Lane) => {
    if (o.priority) return 0;
    let p = 0;
    for (const i of w.of) p += (priorityRate(data, ids[i]!, now) * cycle(ids[i]!).mean) / staffedFor[i]!;
    return Math.min(0.8, p);
  };
  let active = 0;
  let idle = 0;
  let rest = 0;
  let firstBack = Infinity;
  const lanes: { weight: number; back: number }[] = [];
  windows.forEach((w, i) => {
    if (!w.serves) return;
    const back = w.paused ? pauseLeftMin(data, w.paused, now) : 0;
    firstBack = Math.min(firstBack, back);
    lanes.push({ weight: share[i]! * (1 - passing(w)), back });
    if (w.paused) return;
    active++;
    if (w.current) rest += cycle(w.current).residual;
    else idle++;
  });
  // The hall's lunch, and the minutes left of it when it is on now.
  const lunch = lunchOf(data);
  const nowMin = minuteOfDay(data, now);
  const lunchLeft = lunch && inside(lunch, nowMin) ? lunch[1] - nowMin : null;
  // A free window takes the first tickets at once: so does one whose own businesses
  // have nothing waiting ahead of this ticket (unless the hall is at lunch).
  if (active > 0 && lunchLeft === null && (ahead < idle || windows.some((w) => w.serves && !w.paused && !w.current && w.of.reduce((n, b) => n + (ids[b] === serviceId ? ownAhead : waitingOf(ids[b]!) * scale), 0) < 1))) return { min: 0 };
  // The ticket goes once this business's part of the windows has done its tickets ahead
  // and one more visit has ended (the rest of those under way now).
  const busy = active - idle;
  const first = busy > 0 ? rest / busy : cycle(serviceId).residual;
  const minutes = drainTime(data, now, ownAhead * cycle(serviceId).mean + first, lanes, lunch);
  const est: WaitEstimate = { min: Math.max(0, Math.round(minutes)) };
  if (lunchLeft !== null || active === 0) {
    const back = Math.max(lunchLeft ?? 0, active === 0 ? firstBack : 0);
    est.noWindow = { reason: 'paused', resumeAt: iso(data, now + back * MIN_MS) };
  }
  return est;
}

/** A staffed window as the estimate reads it: its businesses (as indexes), and whether it serves the one asked about. */
interface Lane {
  of: number[];
  serves: boolean;
  paused: string | null;
  current: string | null;
}

/** Priority tickets of this business taken per minute today (over half an hour at least, so one early one is not a flood). */
function priorityRate(data: HallData, serviceId: string, now: number): number {
  const f = data.today.flow;
  if (!f?.firstTakeAt) return 0;
  return (f.priorityTaken[serviceId] ?? 0) / Math.max(30, (now - f.firstTakeAt) / MIN_MS);
}

/** Work assumed arriving besides the waiting tickets (tickets), so an empty queue still has a share. */
const ARRIVING = 0.5;

/**
 * The part of each window's time that goes to business `target`. A window calls its
 * businesses' tickets in one order (by taking time), so its time splits over them as
 * the work waiting for it does; a business served by several windows has its work
 * split over them as their time allows. A few rounds settle it.
 */
function windowShares(windows: Lane[], work: number[], staffedFor: number[], target: number): number[] {
  // part[w][k]: the share of the work of business windows[w].of[k] that window w does.
  const part = windows.map((w) => w.of.map((b) => 1 / staffedFor[b]!));
  const time = windows.map((w) => new Array<number>(w.of.length).fill(0));
  const total = new Array<number>(work.length);
  for (let round = 0; round < 4; round++) {
    total.fill(0);
    windows.forEach((w, i) => {
      let load = 0;
      w.of.forEach((b, k) => (load += part[i]![k]! * work[b]!));
      w.of.forEach((b, k) => {
        const t = load > 0 ? (part[i]![k]! * work[b]!) / load : 1 / w.of.length;
        time[i]![k] = t;
        total[b]! += t;
      });
    });
    windows.forEach((w, i) => w.of.forEach((b, k) => (part[i]![k] = time[i]![k]! / total[b]!)));
  }
  return windows.map((w, i) => {
    const k = w.of.indexOf(target);
    return k < 0 ? 0 : time[i]![k]!;
  });
}

// Per settings object (a settings change replaces it): the day last asked and its lunch.
const lunches = new WeakMap<HallData['settings'], { day: string; lunch: [number, number] | null }>();

/** The live day's lunch (午休: no calls) as minutes of the day [from, to), if its hours have one. */
function lunchOf(data: HallData): [number, number] | null {
  const hit = lunches.get(data.settings);
  if (hit?.day === data.today.day) return hit.lunch;
  const l = hoursOn(data.settings, data.today.day)?.lunch;
  const lunch: [number, number] | null = l ? [minutesOf(l.from), minutesOf(l.to)] : null;
  lunches.set(data.settings, { day: data.today.day, lunch });
  return lunch;
}

const inside = (span: [number, number], minute: number) => minute >= span[0] && minute < span[1];

/**
 * When `work` minutes of this business's visits are done by the windows serving it, each
 * giving it `weight` of its time from `back` minutes on (0 unless paused): as they are
 * now for the next minutes, then, beyond the horizon, at the share of staffed time the
 * hall usually has unpaused at that hour (learned over past days; today's so far until
 * there are any). Nobody is called during the hall's lunch.
 */
function drainTime(data: HallData, now: number, work: number, lanes: { weight: number; back: number }[], lunch: [number, number] | null): number {
  const learned = data.availability;
  let today: number | undefined; // read only for quarters the hall has not learned yet
  const startMin = minuteOfDay(data, now);
  let left = work;
  // Minute by minute (a day at most): a wait is tens of minutes, so tens of steps.
  for (let t = 0; t < 1440; t++) {
    if (lunch && inside(lunch, (startMin + t) % 1440)) continue;
    let usual = 1;
    if (t >= HORIZON_MIN) {
      const q = Math.floor(((startMin + t) % 1440) / 15);
      usual = learned?.[q] ?? (today ??= availability(data, now));
    }
    let rate = 0;
    for (const l of lanes) if (l.back <= t) rate += l.weight * (t >= Math.max(HORIZON_MIN, l.back) ? usual : 1);
    if (rate <= 0) continue;
    if (left <= rate) return t + left / rate;
    left -= rate;
  }
  return 1440;
}
