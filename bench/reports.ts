// Reports as history grows: a report over 90 archived days of 5,000 tickets each,
// against a baseline that only reads and parses the same archive files. The hall reads
// the per-day facts it caches when a day closes; the first report after the files are
// written builds those caches (as the midnight rollover would), so it is shown apart.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays } from '../shared/core/time.ts';
import type { DayArchive, Ticket } from '../shared/types.ts';
import { expectStatus, keepAliveAgent, request, round } from './lib.ts';
import { DEMO_PASSWORD, startHallServer, stopProcess, tempDir } from './servers.ts';

export interface ReportsResult {
  days: number;
  ticketsPerDay: number;
  archiveMb: number;
  baselineMs: number; // read + JSON.parse every archive file, median of 3
  firstReportMs: number; // builds the facts caches
  reportMs: number; // median of 3, caches warm
}

const SERVICES: [string, string[]][] = [
  ['social', ['1', '4']], ['civil', ['2']], ['forestry', ['5', '6']], ['finance', ['4', '5']],
  ['household', ['3']], ['family', ['2']], ['medical', ['1']], ['housing', ['6']],
];

/** A plausible closed day: most visits done, some no-shows, a third rated. Deterministic. */
function makeDay(day: string, perDay: number, seed: number): DayArchive {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const at = (min: number) => {
    const h = 8 + Math.floor(min / 60);
    return `${day}T${String(h).padStart(2, '0')}:${String(Math.floor(min % 60)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}.000+08:00`;
  };
  const numbers: Record<string, number> = {};
  const tickets: Ticket[] = [];
  for (let i = 0; i < perDay; i++) {
    const [serviceId, counters] = SERVICES[i % SERVICES.length]!;
    const prefix = 'ABCDEFGH'[i % SERVICES.length]!;
    const n = (numbers[prefix] = (numbers[prefix] ?? 0) + 1);
    const taken = (i / perDay) * 500;
    const called = taken + rand() * 40;
    const started = called + rand() * 2;
    const finished = started + 2 + rand() * 15;
    const counterId = counters[Math.floor(rand() * counters.length)]!;
    const noShow = rand() < 0.05;
    const t: Ticket = {
      id: `${day}-${i}`, number: `${prefix}${String(n).padStart(3, '0')}`, serviceId, priority: rand() < 0.1, day, seq: i + 1,
      takenAt: at(taken), status: noShow ? 'no_show' : 'done', callCount: 1, calledAt: at(called), lastCalledAt: at(called),
      counterId, clerkId: `u-clerk${counterId}`, firstClerkId: `u-clerk${counterId}`,
    };
    if (!noShow) Object.assign(t, { startedAt: at(started), finishedAt: at(finished), outcome: rand() < 0.9 ? 'immediate' : 'committed' });
    if (!noShow && rand() < 0.33) t.rating = { level: (1 + Math.floor(rand() * 5)) as 1 | 2 | 3 | 4 | 5, reasons: ['等候时间太长'], channel: 'pad', at: at(finished + 1) };
    tickets.push(t);
  }
  return { day, tickets, signIns: [], names: { services: Object.fromEntries(SERVICES.map(([id]) => [id, id])), counters: {}, clerks: {} } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function reportsBench(days = 90, perDay = 5000, log: (m: string) => void = () => {}): Promise<ReportsResult> {
  const dir = await tempDir('reports');
  // Seed the hall, then give it history: archived days before the live one.
  const seed = await startHallServer('hall-reports-seed', dir);
  await stopProcess(seed);
  const today = (JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8')) as { data: { today: { day: string } } }).data.today.day;
  const from = addDays(today, -days);
  const to = addDays(today, -1);
  log(`writing ${days} archived days of ${perDay} tickets`);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    const text = JSON.stringify(makeDay(day, perDay, i + 1));
    bytes += text.length;
    const file = path.join(dir, 'archive', `${day}.json`);
    await writeFile(file, text);
    files.push(file);
  }

  const baseline: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const f of files) JSON.parse(await readFile(f, 'utf8'));
    baseline.push(performance.now() - t);
  }

  const server = await startHallServer('hall-reports', dir);
  const agent = keepAliveAgent(1);
  try {
    const token = (expectStatus(await request(agent, server.port, 'POST', '/api/session', { username: 'supervisor', password: DEMO_PASSWORD }), 200, 'sign in').body as { token: string }).token;
    const report = async () => {
      const t = performance.now();
      const r = expectStatus(await request(agent, server.port, 'GET', `/api/reports?from=${from}&to=${to}`, undefined, token), 200, 'report');
      const ms = performance.now() - t;
      const taken = (r.body as { totals: { taken: number } }).totals.taken;
      if (taken !== days * perDay) throw new Error(`report counted ${taken} tickets, expected ${days * perDay}`);
      return ms;
    };
    const first = await report();
    const warm = [await report(), await report(), await report()];
    return { days, ticketsPerDay: perDay, archiveMb: round(bytes / 1e6, 1), baselineMs: round(median(baseline), 0), firstReportMs: round(first, 0), reportMs: round(median(warm), 0) };
  } finally {
    agent.destroy();
    await stopProcess(server);
  }
}
