// `npm run bench:estimate`: how close the wait estimate comes to the true waits over
// simulated hall days (bench/hallDay.ts), beside two references read at the same
// instants: the queue-length estimator (n+1)/(s·μ) given the true service rates, and
// the last-to-enter-service delay (Ibrahim & Whitt 2009).
import { ESTIMATORS, score, simulateDays, type Sample, type SimDay } from './hallDay.ts';

const DAYS = Number(process.env.DAYS ?? 30);
const SEED = Number(process.env.SEED ?? 20261207);

/** Weekdays from 2026-03-02 (a Monday). */
function weekday(i: number): string {
  const d = new Date(Date.UTC(2026, 2, 2 + Math.floor(i / 5) * 7 + (i % 5)));
  return d.toISOString().slice(0, 10);
}

// 逢场: every third working day is a market day.
const days: SimDay[] = Array.from({ length: DAYS }, (_, i) => ({ day: weekday(i), market: i % 3 === 2 }));
// Knobs for taking the result apart (not for the figures in the README).
const env = process.env;
const { samples } = simulateDays(SEED, days, {
  dedicated: Boolean(env.DEDICATED),
  breaks: !env.NOBREAK,
  ...(env.NOSHOW && { noShowShare: Number(env.NOSHOW) }),
  ...(env.PRIO && { priorityShare: Number(env.PRIO) }),
});
const NORMAL_DAYS = days.filter((d) => !d.market).length;
const MARKET_DAYS = DAYS - NORMAL_DAYS;

const f1 = (x: number) => x.toFixed(1).padStart(6);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(7);
console.log(`Wait estimates over ${NORMAL_DAYS} normal and ${MARKET_DAYS} market days (seed ${SEED}); minutes until first called.`);
console.log(`${'days'.padEnd(8)}${'estimator'.padEnd(36)}${'tickets'.padStart(8)}${'wait'.padStart(7)}${'MAE'.padStart(6)}${'bias'.padStart(6)}${'RASE'.padStart(6)}${'±5 min'.padStart(7)}`);
for (const [label, set] of [['normal', samples.filter((s) => !s.market)], ['market', samples.filter((s) => s.market)], ['overall', samples]] as const) {
  for (const e of ESTIMATORS) {
    const sc = score(set, e.pick);
    console.log(`${label.padEnd(8)}${e.name.padEnd(36)}${String(sc.n).padStart(8)}${f1(sc.meanWait)}${f1(sc.mae)}${f1(sc.bias)}${sc.rase.toFixed(2).padStart(6)}${pct(sc.within5)}`);
  }
}
const zero = samples.filter((s) => s.estimate === 0 && !s.noWindow);
console.log(`\nShown 0 min ("马上"): ${zero.length} tickets, true wait ${(zero.reduce((a, s) => a + s.trueMin, 0) / Math.max(1, zero.length)).toFixed(1)} min on average.`);
console.log(`Told no window can call the business now: ${samples.filter((s) => s.noWindow).length} tickets.`);
console.log(`Kiosk list and ticket agree at the same instant: ${samples.filter((s) => s.listAgreed).length} of ${samples.length}.`);

// DETAIL=1: bias by business, by how long the wait was, and by the hour a ticket was taken.
if (process.env.DETAIL) {
  const line = (label: string, set: Sample[]) => {
    const a = score(set, (s) => s.estimate);
    const q = score(set, (s) => s.queueLength);
    console.log(`${label.padEnd(20)} n=${String(set.length).padStart(5)} wait=${f1(a.meanWait)} bias=${f1(a.bias)} mae=${f1(a.mae)} | queue length bias=${f1(q.bias)} mae=${f1(q.mae)}`);
  };
  console.log();
  for (const id of new Set(samples.map((s) => s.serviceId))) {
    for (const market of [false, true]) line(`${id} ${market ? 'market' : 'normal'}`, samples.filter((s) => s.serviceId === id && s.market === market));
  }
  for (const [lo, hi] of [[0, 10], [10, 30], [30, 60], [60, 120], [120, 1440]] as const) line(`true ${lo}–${hi} min`, samples.filter((s) => s.trueMin >= lo && s.trueMin < hi));
  for (const market of [false, true]) {
    for (let h = 8; h < 17; h++) {
      const set = samples.filter((s) => s.hour === h && s.market === market);
      if (set.length) line(`${market ? 'market' : 'normal'} ${h}:00`, set);
    }
  }
  line('priority tickets', samples.filter((s) => s.priority));
}
