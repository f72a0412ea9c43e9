// Makes the v1 hall fixture for the upgrade test (test/upgrade.test.ts):
//   test/fixtures/v1-hall/             a data directory written by today's hall: snapshot.json,
//                                      the COMMAND journal (journal-*.ndjson) with entries the
//                                      snapshot does not cover yet, archive/ with the closed day
//   test/fixtures/v1-hall.meta.json     the clock's final instant, the password, the accounts
//   test/fixtures/v1-hall.expected.json everything a person could see of it through the API
//
// Run at commit 761ed03 (the hall journals commands: core rule → journal → reply), with
//   npx tsx scripts/make-upgrade-fixture.ts
// It is kept to document how the fixture was made, not to be run on later code: it drives
// today's server and peeks at its internals (to wait for prints, the journal and the
// rollover snapshot). Regenerating the fixture on new code would defeat its purpose.
//
// What it does: starts the real app (createApp, demo hall seeded with one password, an
// injected clock, a fake ticket printer, seeded ids) in a fresh directory and plays two
// days of a busy township hall through the HTTP API, as its people would: the admin sets
// the hall up, clerks sign in at their windows, villagers take tickets, clerks call,
// recall, serve, finish with every outcome, transfer, mark no-shows and take one back,
// pause; villagers rate on the pad, the kiosk, the phone; the supervisor calls back bad
// ratings and answers the comment book. The second day starts with the rollover (the
// first day goes to archive/) and stops mid-morning with people waiting, one called and
// one being served. The directory is copied out while the app still runs, so the journal
// tail is not folded into a snapshot on close. Then the answers are recorded from a
// server started on a copy of the fixture (so recording leaves the fixture untouched).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createApp, type App } from '../server/app.ts';
import { fault, type TicketPrinter } from '../server/printer/escpos.ts';
import { seedDemoHall } from '../server/seed.ts';
import { fileStore } from '../server/store/index.ts';
import type { HallData, Role } from '../shared/types.ts';
import { startHall, tempDir } from '../test/harness.ts';
import {
  ask, EXPECTED_FILE, FIXTURE_DIR, freshActions, META_FILE, question, signInAccounts, signInReaders,
  type Answer, type Expected, type FixtureMeta, type Question,
} from '../test/upgrade-fixture.ts';

const COMMIT = '761ed03';
const PASSWORD = 'fixture-pass';
const PORT = 4661; // the hall being played; the recording servers take any free port
const DAY1 = '2026-11-24'; // a Tuesday
const DAY2 = '2026-11-25';

// ------------------------------------------------------------------ clock and chance

const at = (day: string, hhmm: string, sec = 0) => Date.parse(`${day}T${hhmm}:${String(sec).padStart(2, '0')}+08:00`);
let now = at(DAY1, '08:00');
const clock = () => now;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minuteOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(0x761ed03);
const idRng = mulberry32(20261124);
const chance = (p: number) => rng() < p;
const between = (a: number, b: number) => a + Math.floor(rng() * (b - a + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function weighted<T>(pairs: readonly (readonly [T, number])[]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1]![0];
}
/** A person takes a few seconds between one press and the next. */
const pause = (lo = 4, hi = 15) => {
  now += between(lo, hi) * 1000;
};
/** Ids shaped like the server's (12 base64url characters), but the same on every run. */
const newId = () => Buffer.from(Array.from({ length: 9 }, () => Math.floor(idRng() * 256))).toString('base64url');

// ------------------------------------------------------------------ the printer

/** The kiosk's printer: answers like a real one; its paper runs out once a day. */
const paper = { state: 'ok' as 'ok' | 'low' | 'out' };
const connectPrinter = (uri: string): TicketPrinter => ({
  name: uri,
  async status() {
    return { paper: paper.state, coverOpen: false };
  },
  async print() {
    if (paper.state === 'out') throw fault('paper_out'); // day 2's printer cannot be asked first
  },
});

// ------------------------------------------------------------------ the app

const workDir = tempDir('v1-hall-make');
const store = await fileStore(workDir);
const app: App = await createApp({
  store,
  clock,
  distDir: path.join(workDir, 'no-pages'),
  seed: async () => (await seedDemoHall(clock(), PASSWORD)).data,
  connectPrinter,
  newId,
  log: (m) => console.error(`  [hall] ${m}`),
});
await new Promise<void>((r) => app.server.listen(PORT, '127.0.0.1', r));
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
// read only: to wait for prints and to check coverage (v1's Hall kept its state public as `data`)
const data = (): HallData => (app.hall as unknown as { data: HallData }).data;

async function request(method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(base + p, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** A request that must succeed. */
async function must(method: string, p: string, body?: unknown, token?: string): Promise<any> {
  const r = await request(method, p, body, token);
  if (r.status >= 300) throw new Error(`${local(now)} ${method} ${p} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function signIn(username: string, counterId?: string): Promise<string> {
  return (await must('POST', '/api/session', { username, password: PASSWORD, ...(counterId && { counterId }) })).token;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (ok()) return;
    await sleep(5);
  }
  throw new Error(`gave up waiting for ${what}`);
}

// ------------------------------------------------------------------ what happened (for the coverage check)

const seen = {
  outcomes: new Map<string, number>(),
  levels: new Map<number, number>(),
  channels: new Map<string, number>(),
  transfers: 0,
  noShows: 0,
  reinstated: 0,
  recalls: 0,
  priority: 0,
  refusedTakes: 0,
  printFaults: 0,
  taken: new Map<string, number>(),
};
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Chance alone might leave a day without some kind of event; these make sure each day
 * has them (the second day's are what the upgrade must replay from the journal): the
 * next few finishes, ratings and calls take these turns instead of a random one.
 */
const nudges = { outcomes: [] as string[], levels: [] as number[], noShows: 0 };

// ------------------------------------------------------------------ people

let adminToken = '';
let supToken = '';
let clerk7Id = '';
let clerk8Id = '';
let recallCap = 5;
let reasons: string[] = [];
const failedPrints: string[] = [];

interface Held {
  id: string;
  number: string;
  serviceId: string;
}

interface Desk {
  counterId: string;
  username: string;
  token: string;
  phase: 'idle' | 'called' | 'serving';
  ticket: Held | null;
  callCount: number;
  calledAtMs: number;
  showAfterMin: number;
  untilMs: number;
  paused: boolean;
  wantPause: string | null;
  onDuty: boolean;
  mayCall: boolean;
}
let desks: Desk[] = [];
const deskAt = (counterId: string) => desks.find((d) => d.counterId === counterId && d.onDuty);
/** Villagers who came back after a no-show: they answer the next call at once. */
const present = new Set<string>();
let reinstateNextNoShow = true;

const SERVICES = [
  ['social', 5], ['medical', 4], ['civil', 2], ['family', 1], ['household', 4], ['finance', 3], ['forestry', 1.5], ['housing', 1.2],
] as const;
let serviceWeights: (readonly [string, number])[] = [...SERVICES];
const AVG: Record<string, number> = { social: 6, civil: 8, forestry: 7, finance: 5, household: 6, family: 5, medical: 4, housing: 10, veterans: 8 };
/** Where a clerk sends a villager who came to the wrong business. */
const TRANSFER_TO: Record<string, string> = {
  social: 'medical', medical: 'social', civil: 'family', family: 'civil', household: 'civil', finance: 'forestry', forestry: 'finance', housing: 'forestry', veterans: 'civil',
};

async function take(serviceId: string, priority = false): Promise<Held | null> {
  pause(5, 25);
  const r = await request('POST', '/api/tickets', { serviceId, ...(priority && { priority }) });
  if (r.status !== 201) {
    // The kiosk says no (quota, hours): the villager goes home.
    seen.refusedTakes++;
    console.log(`  ${local(now)} take ${serviceId} refused: ${r.body?.error?.code}`);
    return null;
  }
  const t = r.body;
  bump(seen.taken, t.number[0]);
  if (priority) seen.priority++;
  if (t.print === 'pending') {
    await until(`the print of ${t.number}`, () => Boolean(data().tickets[t.id]?.print));
    if (!data().tickets[t.id]!.print!.ok) {
      seen.printFaults++;
      failedPrints.push(t.id);
    }
  }
  return { id: t.id, number: t.number, serviceId: t.serviceId };
}

function arrive(): Promise<Held | null> {
  const serviceId = weighted(serviceWeights);
  const priority = chance(0.09);
  return take(serviceId, priority);
}

// ------------------------------------------------------------------ the agenda: things that happen later

const agenda: { at: number; what: string; run: () => Promise<void> }[] = [];
const later = (ms: number, what: string, run: () => Promise<void>) => agenda.push({ at: now + ms, what, run });

async function runAgenda(upTo: number): Promise<void> {
  for (;;) {
    agenda.sort((a, b) => a.at - b.at);
    const ev = agenda[0];
    if (!ev || ev.at > upTo) return;
    agenda.shift();
    if (now < ev.at) now = ev.at;
    await ev.run();
  }
}

function dropAgenda(): void {
  for (const ev of agenda.splice(0)) console.log(`  (day over before: ${ev.what})`);
}

// ------------------------------------------------------------------ ratings

const BAD_COMMENTS = ['等了一个多小时才轮到我', '材料要求没有一次说清楚，跑了两趟', '窗口人员一直在打电话', '办得太慢了', '说让去县里办，白跑一趟'];
const GOOD_COMMENTS = ['工作人员很耐心，谢谢', '一次就办好了', '态度很好', '讲得很清楚'];

function scheduleRating(t: Held, outcome: string): void {
  const nudged = nudges.levels.shift();
  if (nudged === undefined && !chance(outcome === 'refused' ? 0.9 : 0.72)) return;
  const level = nudged ?? weighted<number>(
    outcome === 'refused'
      ? [[1, 2], [2, 3], [3, 3], [4, 1], [5, 1]]
      : [[5, 50], [4, 27], [3, 14], [2, 6], [1, 3]],
  );
  const channel = weighted<'pad' | 'kiosk' | 'phone' | 'api'>([['pad', 50], ['kiosk', 20], ['phone', 20], ['api', 10]]);
  const delay = { pad: between(10, 50) * 1000, kiosk: between(2, 6) * 60_000, phone: between(10, 120) * 60_000, api: between(5, 40) * 60_000 }[channel];
  later(delay, `rating ${t.number}`, async () => {
    pause(3, 10);
    if (channel === 'kiosk') await must('GET', `/api/tickets/by-number/${t.number}`); // found by the number on the ticket
    if (channel === 'phone') await must('GET', `/api/tickets/${t.id}`); // the status page behind the ticket's QR code
    const bad = level <= 2;
    const body = {
      ticketId: t.id,
      level,
      channel,
      ...(bad && { reasons: chance(0.4) ? [pick(reasons), pick(reasons)].filter((x, i, xs) => xs.indexOf(x) === i) : [pick(reasons)] }),
      ...(bad && chance(0.7) && { comment: pick(BAD_COMMENTS) }),
      ...(!bad && chance(0.2) && { comment: pick(GOOD_COMMENTS) }),
      ...(bad && chance(0.75) && { phone: `13${between(0, 9)}${String(between(0, 99_999_999)).padStart(8, '0')}` }),
    };
    const r = await request('POST', '/api/ratings', body);
    if (r.status !== 201) throw new Error(`rating ${t.number}: ${r.status} ${JSON.stringify(r.body)}`);
    bump(seen.levels, level);
    bump(seen.channels, channel);
  });
}

// ------------------------------------------------------------------ a window's clerk

const REFUSALS = ['不属于本中心受理范围，已告知到县不动产登记中心办理', '申请材料不齐全，已一次性告知需补齐的材料清单', '不符合申请条件（家庭人均收入超过标准）'];
const FORWARDS = ['已上报县人社局审核', '已报县民政局审批', '已转县林业局现场核查', '已报县自然资源局审批'];

async function finish(d: Desk): Promise<void> {
  const t = d.ticket!;
  pause();
  const nudged = nudges.outcomes.length > 0 && chance(0.35) ? nudges.outcomes.shift()! : null;
  if ((nudged === 'transfer' || (!nudged && chance(0.05))) && TRANSFER_TO[t.serviceId]) {
    const to = TRANSFER_TO[t.serviceId]!;
    await must('POST', `/api/counters/${d.counterId}/transfer`, { serviceId: to }, d.token);
    seen.transfers++;
    console.log(`  ${local(now)} window ${d.counterId}: ${t.number} transferred ${t.serviceId} → ${to}`);
    present.add(t.id); // the villager stays in the hall for the other business
  } else {
    const outcome = nudged && nudged !== 'transfer' ? nudged : weighted<string>([['immediate', 70], ['committed', 15], ['forwarded', 9], ['refused', 6]]);
    const note = outcome === 'refused' ? pick(REFUSALS) : outcome === 'forwarded' ? pick(FORWARDS) : outcome === 'committed' && chance(0.5) ? '材料已收齐，按承诺时限办结' : undefined;
    await must('POST', `/api/counters/${d.counterId}/complete`, { outcome, ...(note && { note }) }, d.token);
    bump(seen.outcomes, outcome);
    scheduleRating(t, outcome);
  }
  d.phase = 'idle';
  d.ticket = null;
}

async function deskStep(d: Desk): Promise<void> {
  if (d.phase === 'idle') {
    if (d.wantPause !== null) {
      pause();
      await must('POST', `/api/counters/${d.counterId}/pause`, { reason: d.wantPause }, d.token);
      console.log(`  ${local(now)} window ${d.counterId} paused: ${d.wantPause}`);
      d.paused = true;
      d.wantPause = null;
      return;
    }
    if (d.paused || !d.mayCall) return;
    // The console shows the window's queue; with nobody waiting the clerk rarely presses next.
    const console_ = await must('GET', `/api/counters/${d.counterId}/state`, undefined, d.token);
    if (console_.waitingTotal === 0 && !chance(0.03)) return;
    pause();
    const { ticket } = await must('POST', `/api/counters/${d.counterId}/next`, {}, d.token);
    if (!ticket) return;
    d.phase = 'called';
    d.ticket = { id: ticket.id, number: ticket.number, serviceId: ticket.serviceId };
    d.callCount = ticket.callCount;
    d.calledAtMs = now;
    // Most come at once; some are in the yard and come after a recall or two; a few have gone.
    const gone = nudges.noShows > 0 && chance(0.3);
    if (gone) nudges.noShows--;
    d.showAfterMin = present.delete(ticket.id) ? 0 : gone ? 99 : weighted([[0, 62], [1, 20], [2, 8], [3, 4], [99, 4]]);
    return;
  }
  if (d.phase === 'called') {
    const waited = (now - d.calledAtMs) / 60_000;
    if (waited >= d.showAfterMin) {
      pause(10, 40);
      await must('POST', `/api/counters/${d.counterId}/start`, {}, d.token);
      d.phase = 'serving';
      const avg = AVG[d.ticket!.serviceId] ?? 6;
      d.untilMs = now + Math.round(avg * (0.4 + rng() * 1.3) * 60) * 1000;
      return;
    }
    if (d.callCount < recallCap && waited >= d.callCount) {
      pause();
      const { ticket } = await must('POST', `/api/counters/${d.counterId}/recall`, {}, d.token);
      d.callCount = ticket.callCount;
      seen.recalls++;
      return;
    }
    if (d.callCount >= recallCap && waited >= recallCap) {
      pause();
      const t = d.ticket!;
      await must('POST', `/api/counters/${d.counterId}/no-show`, {}, d.token);
      seen.noShows++;
      console.log(`  ${local(now)} window ${d.counterId}: ${t.number} no-show`);
      d.phase = 'idle';
      d.ticket = null;
      if (reinstateNextNoShow) {
        reinstateNextNoShow = false;
        const counterId = d.counterId;
        later(between(6, 14) * 60_000, `reinstate ${t.number}`, async () => {
          const desk = deskAt(counterId);
          if (!desk) return;
          pause();
          await must('POST', `/api/counters/${counterId}/reinstate`, { ticketId: t.id }, desk.token);
          present.add(t.id);
          seen.reinstated++;
          console.log(`  ${local(now)} window ${counterId}: ${t.number} came back, reinstated`);
        });
      }
    }
    return;
  }
  if (now >= d.untilMs) await finish(d);
}

async function openDesk(counterId: string, username: string): Promise<void> {
  pause(20, 90);
  const token = await signIn(username, counterId);
  desks = desks.filter((d) => d.counterId !== counterId);
  desks.push({ counterId, username, token, phase: 'idle', ticket: null, callCount: 0, calledAtMs: 0, showAfterMin: 0, untilMs: 0, paused: false, wantPause: null, onDuty: true, mayCall: true });
  desks.sort((a, b) => a.counterId.localeCompare(b.counterId));
}

function requestPause(counterId: string, reason: string) {
  return async () => {
    const d = deskAt(counterId);
    if (d) d.wantPause = reason;
  };
}

function resume(counterId: string) {
  return async () => {
    const d = deskAt(counterId);
    if (!d) return;
    if (!d.paused) {
      d.wantPause = null;
      return;
    }
    pause();
    await must('POST', `/api/counters/${counterId}/resume`, {}, d.token);
    d.paused = false;
    console.log(`  ${local(now)} window ${counterId} resumed`);
  };
}

// ------------------------------------------------------------------ a day

interface DayPlan {
  day: string;
  from: string;
  to: string;
  /** Chance per minute that a villager takes a ticket (a second one at a third of it). */
  rate: (minute: number) => number;
  stopArrivals: string;
  stopCalling: string;
  events: Record<string, (() => Promise<void>)[]>;
}

async function runDay(plan: DayPlan): Promise<void> {
  for (let m = minuteOf(plan.from); m <= minuteOf(plan.to); m++) {
    const start = at(plan.day, hhmm(m));
    if (now < start) now = start + between(0, 15) * 1000;
    for (const ev of plan.events[hhmm(m)] ?? []) await ev();
    await runAgenda(start + 59_000);
    if (m < minuteOf(plan.stopArrivals)) {
      const p = plan.rate(m);
      if (chance(p)) await arrive();
      if (chance(p / 3)) await arrive();
    }
    for (const d of desks) {
      if (m >= minuteOf(plan.stopCalling)) d.mayCall = false;
      if (d.onDuty) await deskStep(d);
    }
  }
}

// ------------------------------------------------------------------ settings (the admin)

async function settings(): Promise<any> {
  return must('GET', '/api/settings', undefined, adminToken);
}

async function configure(change: (s: any) => void): Promise<void> {
  const { settings: s } = await settings();
  const { printer: _printer, ...hall } = s;
  change(hall);
  pause(30, 120);
  await must('PUT', '/api/settings/hall', hall, adminToken);
  reasons = hall.ratings.reasons;
  recallCap = hall.recallCap;
}

const workHours = { open: '08:30', close: '17:30' };

const day1: DayPlan = {
  day: DAY1,
  from: '08:00',
  to: '17:40',
  // A market-day-like Tuesday: a queue at opening, a peak until late morning, a quiet noon.
  rate: (m) => (m < minuteOf('08:30') ? 0 : m < minuteOf('09:00') ? 0.4 : m < minuteOf('10:15') ? 0.42 : m < minuteOf('11:30') ? 0.12 : m < minuteOf('14:00') ? 0.03 : 0.05),
  stopArrivals: '16:40',
  stopCalling: '16:50',
  events: {
    '08:05': [async () => void (adminToken = await signIn('admin'))],
    '08:07': [
      async () => {
        pause(30, 60);
        await must('PUT', '/api/settings/printer', { uri: 'tcp://192.168.1.50:9100', paperWidth: 80, checkStatus: true }, adminToken);
      },
    ],
    '08:10': [
      () =>
        configure((s) => {
          s.hallName = '青山镇为民服务中心';
          s.weekHours = [null, workHours, workHours, workHours, workHours, workHours, { open: '09:00', close: '12:00' }];
          s.specialDays = [
            { date: '2026-12-01', name: '逢场天', kind: 'market', hours: { open: '08:00', close: '17:30' } },
            { date: '2027-01-01', name: '元旦', kind: 'holiday', hours: null },
          ];
          s.recallCap = 3;
          s.priorityKinds = [...s.priorityKinds, '现役军人家属'];
          s.announcement = { template: '请{number}号到{counter}办理业务', repeat: 2 };
          s.ratings = { reasons: [...s.ratings.reasons, '窗口人员不在岗'], followUpDays: 3, padIdleSec: 45 };
          s.alerts = { waiting: 15, estimatedWaitMin: 40, longestWaitMin: 45 };
        }),
    ],
    '08:18': [async () => void (supToken = await signIn('supervisor'))],
    '08:20': [() => openDesk('1', 'clerk1')],
    '08:22': [() => openDesk('2', 'clerk2'), () => openDesk('3', 'clerk3')],
    '08:25': [() => openDesk('4', 'clerk4')],
    '08:27': [() => openDesk('5', 'clerk5')],
    '08:34': [() => openDesk('6', 'clerk6')], // late: the bus from the village
    '09:40': [async () => void (paper.state = 'low')],
    '10:06': [async () => void (paper.state = 'out')],
    '10:14': [
      async () => {
        paper.state = 'ok'; // the supervisor puts in a new roll and reprints what failed (补打)
        for (const id of failedPrints.splice(0)) {
          pause(10, 30);
          const r = await must('POST', `/api/tickets/${id}/reprint`, {}, supToken);
          console.log(`  ${local(now)} reprinted ${data().tickets[id]!.number}: ${r.message}`);
        }
      },
    ],
    '10:40': [requestPause('3', '系统故障，等待恢复')],
    '10:53': [resume('3')],
    '11:00': [
      async () => {
        pause(30, 90);
        await must('PUT', '/api/settings/services/veterans', {
          name: '退役军人服务', prefix: 'J', committedDays: 5, priorityAllowed: true, dailyQuota: 30, enabled: true, avgServiceMin: 8,
          materials: ['本人身份证', '退役证或退伍证', '户口簿'],
        }, adminToken);
        pause(30, 90);
        clerk7Id = (await must('PUT', '/api/settings/users/new', { username: 'clerk7', name: '赵磊', staffNo: 'QS009', role: 'clerk', disabled: false, password: PASSWORD }, adminToken)).id;
        pause(20, 60);
        clerk8Id = (await must('PUT', '/api/settings/users/new', { username: 'clerk8', name: '孙丽', staffNo: 'QS010', role: 'clerk', disabled: false, password: PASSWORD }, adminToken)).id;
        pause(30, 90);
        await must('PUT', '/api/settings/counters/6', { name: '6号窗口', serviceIds: ['housing', 'forestry', 'veterans'], clerkA: 'u-clerk6', clerkB: clerk7Id }, adminToken);
        pause(20, 60);
        await must('PUT', '/api/settings/counters/3', { name: '3号窗口（户籍）', serviceIds: ['household'], clerkA: 'u-clerk3', clerkB: clerk8Id }, adminToken);
        pause(20, 60);
        const housing = (await settings()).services.find((s: any) => s.id === 'housing');
        const { id: _id, ...rest } = housing;
        await must('PUT', '/api/settings/services/housing', { ...rest, dailyQuota: 15, materials: [...rest.materials, '农房设计图或通用图集选型'] }, adminToken);
        serviceWeights = [...SERVICES, ['veterans', 1.5]];
      },
    ],
    '11:35': [
      async () => {
        pause();
        await must('POST', '/api/comments', { kind: 'comment', text: '大厅饮水机没有热水，希望能及时维修。' });
      },
    ],
    '12:00': [requestPause('2', '午休'), requestPause('5', '午休')],
    '13:00': [resume('2'), resume('5')],
    '14:10': [
      async () => {
        pause();
        await must('POST', '/api/comments', { kind: 'complaint', text: '上午在4号窗口办社保，等了四十多分钟，中途窗口还没人。', contact: '13907761234' });
      },
    ],
    '14:40': [
      async () => {
        const list = await must('GET', '/api/comments', undefined, supToken);
        const complaint = list.find((c: any) => c.kind === 'complaint');
        pause(60, 180);
        await must('POST', `/api/comments/${complaint.id}/reply`, { text: '已核实：当时窗口人员临时去复印材料。已要求离岗须放置暂停服务牌并由B岗顶岗，感谢监督。' }, supToken);
        const water = list.find((c: any) => c.kind === 'comment');
        pause(30, 90);
        await must('POST', `/api/comments/${water.id}/reply`, { text: '饮水机已报修，下午已恢复热水。' }, supToken);
      },
    ],
    '15:30': [
      async () => {
        const open = await must('GET', '/api/follow-ups?status=open', undefined, supToken);
        const first = open[open.length - 1]; // the oldest (the list is newest first)
        pause(60, 120);
        await must('POST', `/api/follow-ups/${first.id}/call-back`, { reached: false, note: '电话无人接听，稍后再联系' }, supToken);
      },
    ],
    '15:50': [
      async () => {
        const open = await must('GET', '/api/follow-ups?status=open', undefined, supToken);
        const first = open[open.length - 1];
        pause(120, 300);
        await must('POST', `/api/follow-ups/${first.id}/call-back`, { reached: true, note: '已与群众电话沟通，说明了办理流程和时限，群众表示理解' }, supToken);
        pause(30, 90);
        await must('POST', `/api/follow-ups/${first.id}/resolve`, { kind: 'explain', note: '向群众解释了材料要求的政策依据', close: true }, supToken);
        const second = open[open.length - 2];
        pause(120, 300);
        await must('POST', `/api/follow-ups/${second.id}/call-back`, { reached: true, note: '群众反映等候时间长，已致歉' }, supToken);
        pause(30, 90);
        await must('POST', `/api/follow-ups/${second.id}/resolve`, { kind: 'fix', note: '调整午间轮岗，高峰时段增开B岗', close: false }, supToken);
      },
    ],
    // Two villagers arrive just before closing; nobody calls them today (cancelled at day end).
    '16:55': [() => take('forestry').then(() => undefined), () => take('veterans').then(() => undefined)],
    '17:25': [
      async () => {
        for (const d of desks.filter((x) => Number(x.counterId) <= 4)) {
          pause(10, 60);
          await must('DELETE', '/api/session', undefined, d.token);
          d.onDuty = false;
        }
        pause();
        await must('DELETE', '/api/session', undefined, supToken);
      },
    ],
  },
};

const day2: DayPlan = {
  day: DAY2,
  from: '08:02',
  to: '10:44',
  rate: (m) => (m < minuteOf('08:30') ? 0 : m < minuteOf('09:30') ? 0.2 : 0.14),
  stopArrivals: '10:44',
  stopCalling: '23:59',
  events: {
    '08:02': [
      async () => {
        // The first request of the day rolls it over: day 1 goes to archive/.
        adminToken = await signIn('admin');
        const snap = path.join(workDir, 'snapshot.json');
        await until('the rollover snapshot', () => existsSync(path.join(workDir, 'archive', `${DAY1}.facts.json`)) && JSON.parse(readFileSync(snap, 'utf8')).data.today.day === DAY2);
      },
    ],
    '08:04': [
      async () => {
        // A new printer: 58 mm, and it cannot report its paper.
        pause(60, 120);
        await must('PUT', '/api/settings/printer', { uri: 'tcp://192.168.1.51:9100', paperWidth: 58, checkStatus: false }, adminToken);
      },
    ],
    '08:06': [
      async () => {
        const users = (await settings()).users;
        const trainee = users.find((u: any) => u.id === clerk8Id);
        pause(20, 60);
        await must('PUT', `/api/settings/users/${clerk8Id}`, { username: trainee.username, name: trainee.name, staffNo: trainee.staffNo, role: 'clerk', disabled: true }, adminToken);
        pause(20, 60);
        await must('PUT', '/api/settings/users/u-supervisor', { username: 'supervisor', name: '李主任', staffNo: 'QS002', role: 'supervisor', disabled: false }, adminToken);
      },
    ],
    '08:09': [
      () =>
        configure((s) => {
          s.specialDays = [...s.specialDays, { date: '2026-12-06', name: '调休上班', kind: 'workday', hours: null }];
          s.announcement = { ...s.announcement, repeat: 3 };
        }),
    ],
    '08:15': [async () => void (supToken = await signIn('supervisor'))],
    '08:17': [() => openDesk('1', 'clerk1'), () => openDesk('2', 'clerk2')],
    '08:21': [() => openDesk('3', 'clerk3'), () => openDesk('4', 'clerk4')],
    '08:26': [() => openDesk('5', 'clerk5'), () => openDesk('6', 'clerk7')], // clerk6 is on leave: the B post sits at window 6
    '09:00': [
      async () => {
        // A villager collects the result of a committed case (承诺件) from day 1.
        const d = deskAt('1') ?? deskAt('4')!;
        const open = await must('GET', '/api/commitments?status=open', undefined, d.token);
        const c = open.find((x: any) => x.day === DAY1);
        pause(60, 120);
        await must('POST', `/api/commitments/${c.ticketId}/deliver`, { note: '群众已领取办理结果' }, d.token);
        console.log(`  ${local(now)} delivered ${c.number} of ${c.day}`);
      },
    ],
    '09:10': [
      async () => {
        const open = await must('GET', '/api/follow-ups?status=open', undefined, supToken);
        const fixed = open.find((f: any) => f.resolution?.kind === 'fix');
        pause(60, 120);
        await must('POST', `/api/follow-ups/${fixed.id}/resolve`, { kind: 'fix', note: '午间轮岗已执行，再次回访群众满意', close: true }, supToken);
        const untouched = open.filter((f: any) => f.callBacks.length === 0 && f.day === DAY1);
        if (untouched[0]) {
          pause(120, 240);
          await must('POST', `/api/follow-ups/${untouched[untouched.length - 1].id}/call-back`, { reached: false, note: '号码停机，已请村委会转告' }, supToken);
        }
      },
    ],
    '09:20': [async () => void (paper.state = 'out')], // a paper jam
    '09:24': [
      async () => {
        paper.state = 'ok';
        for (const id of failedPrints.splice(0)) {
          pause(10, 30);
          const r = await must('POST', `/api/tickets/${id}/reprint`, {}, supToken);
          console.log(`  ${local(now)} reprinted ${data().tickets[id]!.number}: ${r.message}`);
        }
      },
    ],
    '09:33': [
      async () => {
        // A business added by mistake (it belongs under 财政惠农) and removed again; the
        // social-security queue is long, so window 4 takes 新农合医保 too.
        pause(30, 60);
        await must('PUT', '/api/settings/services/machinery', {
          name: '农机购置补贴', prefix: 'K', committedDays: 7, priorityAllowed: false, dailyQuota: null, enabled: true, avgServiceMin: 6, materials: ['身份证', '购机发票'],
        }, adminToken);
        pause(60, 120);
        await must('DELETE', '/api/settings/services/machinery', undefined, adminToken);
        pause(30, 60);
        await must('PUT', '/api/settings/counters/4', { name: '4号窗口', serviceIds: ['social', 'finance', 'medical'], clerkA: 'u-clerk4', clerkB: 'u-clerk5' }, adminToken);
      },
    ],
    '09:45': [requestPause('2', '下村核实低保材料')],
    '10:05': [resume('2')],
    '10:10': [
      async () => {
        pause();
        await must('POST', '/api/comments', { text: '希望周六上午也能办社保业务。' });
      },
    ],
    '10:15': [
      async () => {
        // Window 5's computer is swapped: the clerk signs out and in again on the new one.
        const d = deskAt('5')!;
        pause();
        await must('DELETE', '/api/session', undefined, d.token);
        pause(60, 150);
        d.token = await signIn('clerk5', '5');
      },
    ],
    '10:30': [
      async () => {
        const list = await must('GET', '/api/comments', undefined, supToken);
        pause(60, 120);
        await must('POST', `/api/comments/${list[0].id}/reply`, { text: '已向县里反映，争取明年起周六上午开放社保窗口。' }, supToken);
      },
    ],
    '10:40': [
      async () => {
        const open = await must('GET', '/api/follow-ups?status=open', undefined, supToken);
        const today = open.find((f: any) => f.day === DAY2);
        if (!today) return;
        pause(60, 120);
        await must('POST', `/api/follow-ups/${today.id}/call-back`, { reached: true, note: '已回访，群众反映的问题正在核实' }, supToken);
      },
    ],
  },
};

// ------------------------------------------------------------------ play the two days

console.log(`Day 1 (${DAY1}) in ${workDir}`);
Object.assign(nudges, { outcomes: ['refused', 'forwarded', 'committed', 'transfer'], levels: [5, 2, 4, 1, 3], noShows: 1 });
await runDay(day1);
dropAgenda();
const day1Tickets = Object.values(data().tickets);
console.log(`  ${day1Tickets.length} tickets, ${day1Tickets.filter((t) => t.status === 'done').length} done, ${day1Tickets.filter((t) => t.status === 'waiting').length} left waiting`);

now = at(DAY2, '08:01');
desks = [];
reinstateNextNoShow = true;
Object.assign(nudges, { outcomes: ['refused', 'forwarded', 'committed', 'transfer'], levels: [1, 2], noShows: 1 });
console.log(`Day 2 (${DAY2})`);
await runDay(day2);

// The last moments: a clerk has just finished and two villagers have just taken tickets
// for that window (the upgrade test calls next there); elsewhere one villager has been
// called and one is being served.
let freshDesk: Desk;
{
  const servicesOf = (d: Desk) => data().counters.find((c) => c.id === d.counterId)!.serviceIds;
  const serving = desks.filter((d) => d.phase === 'serving' && d.onDuty);
  const f = serving.find((d) => d.counterId === '5') ?? serving[0] ?? desks.find((d) => d.phase === 'idle' && !d.paused && d.onDuty);
  if (!f) throw new Error('no window to finish at the end of day 2');
  freshDesk = f;
  if (f.phase === 'serving') {
    now = Math.max(now, f.untilMs);
    await finish(f);
  }
  for (const d of desks) d.mayCall = d !== f;
  const idleOther = () => desks.find((d) => d !== f && d.phase === 'idle' && !d.paused && d.onDuty);
  /** A villager takes a ticket for this window and its clerk calls. */
  const callAt = async (d: Desk) => {
    await take(servicesOf(d)[0]!);
    d.showAfterMin = 99;
    await deskStep(d);
    if (d.phase !== 'called') throw new Error(`window ${d.counterId} called nobody`);
    d.showAfterMin = 99;
  };
  if (!desks.some((d) => d.phase === 'serving')) {
    const d = desks.find((x) => x.phase === 'called') ?? idleOther();
    if (!d) throw new Error('no window to serve at the end');
    if (d.phase === 'idle') await callAt(d);
    d.showAfterMin = 0;
    now += 40_000;
    await deskStep(d);
    d.untilMs = Infinity;
  }
  if (!desks.some((d) => d.phase === 'called')) {
    const d = idleOther();
    if (!d) throw new Error('no window to call at the end');
    await callAt(d);
  }
  // A few more have just come in, for the window that has just finished among others.
  const svc = servicesOf(f);
  await take(svc[svc.length - 1]!);
  await take(svc[0]!, true);
  while (Object.values(data().tickets).filter((t) => t.status === 'waiting').length < 4) await take(pick(svc));
  pause(20, 40);
}
const finalInstantMs = now;
dropAgenda(); // what was scheduled for later never happens: the directory is copied out now
await app.hall.read(() => 0); // the journal barrier: every command so far is on disk
await until('the last prints', () => Object.values(data().tickets).every((t) => t.print));
await app.hall.read(() => 0);
await sleep(200);

// ------------------------------------------------------------------ coverage: did the hall see it all?

const live = Object.values(data().tickets);
const problems: string[] = [];
for (const o of ['immediate', 'committed', 'forwarded', 'refused']) if (!seen.outcomes.get(o)) problems.push(`no ${o} outcome`);
for (const l of [1, 2, 3, 4, 5]) if (!seen.levels.get(l)) problems.push(`no rating at level ${l}`);
for (const c of ['pad', 'kiosk', 'phone', 'api']) if (!seen.channels.get(c)) problems.push(`no rating by ${c}`);
if (!seen.transfers) problems.push('no transfer');
if (!seen.noShows || !seen.reinstated) problems.push('no no-show or no reinstate');
if (!seen.recalls) problems.push('no recall');
if (!seen.priority) problems.push('no priority ticket');
if (!seen.printFaults) problems.push('no print fault to reprint');
if (live.filter((t) => t.status === 'waiting').length < 3) problems.push('fewer than 3 waiting at the end');
if (!live.some((t) => t.status === 'called') || !live.some((t) => t.status === 'serving')) problems.push('nobody called or serving at the end');
if (!data().followUps.some((f) => f.closedAt) || !data().followUps.some((f) => !f.closedAt)) problems.push('follow-ups not both open and closed');
if (!data().commitments.some((c) => c.deliveredAt) || !data().commitments.some((c) => !c.deliveredAt)) problems.push('commitments not both open and delivered');
console.log('Seen:', JSON.stringify({ ...seen, outcomes: Object.fromEntries(seen.outcomes), levels: Object.fromEntries(seen.levels), channels: Object.fromEntries(seen.channels), taken: Object.fromEntries(seen.taken) }));
if (problems.length) throw new Error(`the fixture misses: ${problems.join('; ')}`);

// ------------------------------------------------------------------ copy the directory out while the hall runs

rmSync(FIXTURE_DIR, { recursive: true, force: true });
mkdirSync(path.dirname(FIXTURE_DIR), { recursive: true });
cpSync(workDir, FIXTURE_DIR, { recursive: true, filter: (src) => !path.basename(src).endsWith('.tmp') });

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
console.log('\nFixture files:');
let total = 0;
for (const f of files(FIXTURE_DIR)) {
  const size = statSync(f).size;
  total += size;
  console.log(`  ${path.relative(FIXTURE_DIR, f).padEnd(40)} ${String(size).padStart(8)} bytes`);
}
console.log(`  total ${total} bytes`);

const snapshot = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'snapshot.json'), 'utf8'));
const journalFiles = readdirSync(FIXTURE_DIR).filter((n) => /^journal-\d+\.ndjson$/.test(n)).sort();
const entries = journalFiles.flatMap((n) => readFileSync(path.join(FIXTURE_DIR, n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { s: number; c: { type: string } }));
const tail = entries.filter((e) => e.s > snapshot.seq);
const tailTypes: Record<string, number> = {};
for (const e of tail) tailTypes[e.c.type] = (tailTypes[e.c.type] ?? 0) + 1;
console.log(`\nsnapshot.json: seq ${snapshot.seq}, day ${snapshot.data.today.day}; journal ${journalFiles.join(', ')}: ${tail.length} entries beyond it (${tail[0]?.s}..${tail[tail.length - 1]?.s})`);
console.log('  by type:', JSON.stringify(tailTypes));
console.log('  last lines:');
for (const e of entries.slice(-3)) console.log(`    ${JSON.stringify(e).slice(0, 160)}`);
const REPLAYED = ['take', 'printed', 'next', 'recall', 'start', 'complete', 'transfer', 'noShow', 'reinstate', 'pause', 'resume', 'signIn', 'signOut', 'rate', 'callBack', 'resolve', 'comment', 'reply', 'deliver', 'configure', 'saveService', 'removeService', 'saveCounter', 'saveUser', 'setPrinter'];
const notReplayed = REPLAYED.filter((t) => !tailTypes[t]);
if (notReplayed.length) throw new Error(`the journal tail has no ${notReplayed.join(', ')}`);
const tailOutcomes = new Set(tail.flatMap((e) => (e.c.type === 'complete' ? [(e.c as unknown as { outcome: string }).outcome] : [])));
if (tailOutcomes.size < 4) throw new Error(`the journal tail has only these outcomes: ${[...tailOutcomes].join(', ')}`);
if (!tail.some((e) => e.c.type === 'rate' && (e.c as unknown as { level: number }).level <= 2)) throw new Error('the journal tail has no bad rating');
if (!tail.some((e) => e.c.type === 'printed' && !(e.c as unknown as { ok: boolean }).ok)) throw new Error('the journal tail has no failed print');
if (!existsSync(path.join(FIXTURE_DIR, 'archive', `${DAY1}.json`)) || !existsSync(path.join(FIXTURE_DIR, 'archive', `${DAY1}.facts.json`))) throw new Error('day 1 is not archived');

// ------------------------------------------------------------------ meta

const d = data();
const counterOf = (userId: string) => d.counters.find((c) => c.clerkA === userId)?.id ?? d.counters.find((c) => c.clerkB === userId)?.id ?? null;
const username = (id: string) => d.users.find((u) => u.id === id)!.username;
const meta: FixtureMeta = {
  madeAtCommit: COMMIT,
  finalInstantMs,
  finalInstant: local(finalInstantMs),
  password: PASSWORD,
  timeZone: d.settings.timeZone,
  days: { closed: DAY1, live: DAY2 },
  accounts: d.users.map((u) => ({ username: u.username, name: u.name, role: u.role as Role, counterId: u.role === 'clerk' ? counterOf(u.id) : null, disabled: u.disabled })),
  atWindows: d.counters.flatMap((c) => {
    const s = d.runtime[c.id]?.signedIn;
    return s ? [{ username: username(s.userId), counterId: c.id }] : [];
  }),
  fresh: { serviceId: 'social', prefix: 'A', counterId: freshDesk.counterId, username: freshDesk.username },
  journal: { snapshotSeq: snapshot.seq, lastSeq: entries[entries.length - 1]!.s, tailTypes },
};
await app.close(); // snapshots the work directory, not the fixture
rmSync(workDir, { recursive: true, force: true });

// ------------------------------------------------------------------ record what a person sees

const questions: Question[] = [];
const sup = (p: string) => questions.push(question('supervisor', p));
questions.push(question('public', '/api/services'), question('public', '/api/hall'), question('public', '/api/rating-reasons'));
for (const t of live.sort((a, b) => a.seq - b.seq)) {
  questions.push(question('public', `/api/tickets/${t.id}`), question('public', `/api/tickets/by-number/${t.number}`));
}
const ranges = [`from=${DAY1}&to=${DAY1}`, `from=${DAY2}&to=${DAY2}`, `from=${DAY1}&to=${DAY2}`];
for (const r of ranges) sup(`/api/stats?${r}`);
for (const r of ranges) sup(`/api/reports?${r}`);
for (const r of ranges) sup(`/api/ratings/summary?${r}`);
sup('/api/reports/appraisal?quarter=2026Q4');
sup(`/api/reports/appraisal?from=${DAY1}&to=${DAY2}`);
for (const kind of ['summary', 'tickets', 'followups']) sup(`/api/reports/export.csv?kind=${kind}&from=${DAY1}&to=${DAY2}`);
sup('/api/reports/export.csv?kind=appraisal&quarter=2026Q4');
for (const s of ['all', 'open', 'closed']) sup(`/api/follow-ups?status=${s}`);
sup('/api/comments');
for (const s of ['all', 'open', 'overdue']) sup(`/api/commitments?status=${s}`);
sup('/api/settings');
sup('/api/staff');
sup('/api/audit');
sup('/api/printer');
for (const { username: u, counterId } of meta.atWindows) {
  questions.push(question(`clerk:${u}`, `/api/counters/${counterId}/state`), question(`clerk:${u}`, `/api/me/ratings?from=${DAY1}&to=${DAY2}`));
}

const copy = tempDir('v1-hall-record');
cpSync(FIXTURE_DIR, copy, { recursive: true });
const fixedClock = () => finalInstantMs;

let h = await startHall({ dir: copy, clock: fixedClock });
let tokens = await signInReaders(h, meta);
const answers: Answer[] = [];
for (const q of questions) answers.push({ ...q, ...(await ask(h, tokens, q)) });
const broken = answers.filter((a) => a.status !== 200);
if (broken.length) throw new Error(`unexpected answers: ${broken.map((a) => `${a.name} → ${a.status}`).join(', ')}`);

// The same questions after a restart must get the same answers (what the test relies on).
await h.close();
h = await startHall({ dir: copy, clock: fixedClock });
tokens = await signInReaders(h, meta);
for (const a of answers) {
  const again = await ask(h, tokens, a);
  if (!isDeepStrictEqual(again, { status: a.status, body: a.body })) throw new Error(`${a.name} answers differently after a restart`);
}
const accounts = await signInAccounts(h, meta);
for (const [i, a] of meta.accounts.entries()) {
  const want = a.disabled ? 401 : 200;
  if (accounts[i]!.status !== want) throw new Error(`${a.username} signs in with ${accounts[i]!.status}, expected ${want}`);
}
const { freshId: _freshId, ...fresh } = await freshActions(h, meta, tokens.get(`clerk:${meta.fresh.username}`)!);
await h.close();
rmSync(copy, { recursive: true, force: true });

const expected: Expected = { answers, fresh };
writeFileSync(META_FILE, JSON.stringify(meta, null, 2) + '\n');
writeFileSync(EXPECTED_FILE, JSON.stringify(expected, null, 1) + '\n');
console.log(`\n${answers.length} answers recorded; final instant ${meta.finalInstant}; fresh ticket ${(fresh.take.body as any).number}, next at window ${meta.fresh.counterId} → ${(fresh.next.body as any).ticket?.number}`);
console.log(`wrote ${path.relative(process.cwd(), META_FILE)} and ${path.relative(process.cwd(), EXPECTED_FILE)} (${statSync(EXPECTED_FILE).size} bytes)`);
process.exit(0);
