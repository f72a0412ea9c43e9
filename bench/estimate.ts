// `npm run bench:estimate`: how close the wait estimate comes to the true waits over
// simulated hall days (bench/hallDay.ts), beside two references read at the same
// instants: the queue-length estimator (n+1)/(s·μ) given the true service rates, and
// the last-to-enter-service delay (Ibrahim & Whitt 2009).
import { ESTIMATORS, score, simulateDays, type SimDay } from './hallDay.ts';

const DAYS = Number(process.env.DAYS ?? 30);
const SEED = Number(process.env.SEED ?? 20261207);

/** Weekdays from 2026-03-02 (a Monday). */
function weekday(i: number): string {
  const d = new Date(Date.UTC(2026, 2, 2 + Math.floor(i / 5) * 7 + (i % 5)));
  return d.toISOString().slice(0, 10);
}

// 逢场: every third working day is a market day.
const days: SimDay[] = Array.from({ length: DAYS }, (_, i) => ({ day: weekday(i), market: i % 3 === 2 }));
const { samples } = simulateDays(SEED, days);
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
const ahead0 = samples.filter((s) => s.estimate === 0);
console.log(`\nShown 0 min ("马上"): ${ahead0.length} tickets, true wait ${(ahead0.reduce((a, s) => a + s.trueMin, 0) / Math.max(1, ahead0.length)).toFixed(1)} min on average.`);
console.log(`Kiosk list and ticket agree at the same instant: ${samples.filter((s) => s.listAgreed).length} of ${samples.length}.`);
console.log(`Told no window serves the business now: ${samples.filter((s) => s.noWindow).length} tickets.`);

if (process.env.DETAIL) {
  for (const id of new Set(samples.map((s) => s.serviceId))) {
    for (const market of [false, true]) {
      const set = samples.filter((s) => s.serviceId === id && s.market === market);
      const a = score(set, (s) => s.estimate), q = score(set, (s) => s.queueLength);
      console.log(`${id.padEnd(8)} ${market ? 'market' : 'normal'} n=${set.length} wait=${a.meanWait.toFixed(1)} est mae=${a.mae.toFixed(1)} bias=${a.bias.toFixed(1)} | ql mae=${q.mae.toFixed(1)} bias=${q.bias.toFixed(1)}`);
    }
  }
  for (const [lo, hi] of [[0, 10], [10, 30], [30, 60], [60, 120], [120, 999]]) {
    const set = samples.filter((s) => s.trueMin >= lo! && s.trueMin < hi!);
    const a = score(set, (s) => s.estimate);
    console.log(`true ${lo}-${hi}: n=${set.length} bias=${a.bias.toFixed(1)} mae=${a.mae.toFixed(1)}`);
  }
}

if (process.env.DETAIL) {
  for (const market of [false, true])
    for (let h = 8; h < 17; h++) {
      const set = samples.filter((s) => s.hour === h && s.market === market);
      if (!set.length) continue;
      const a = score(set, (s) => s.estimate), q = score(set, (s) => s.queueLength);
      const nw = set.filter((s) => s.noWindow);
      console.log(`${market ? 'market' : 'normal'} ${h}h n=${set.length} wait=${a.meanWait.toFixed(1)} bias=${a.bias.toFixed(1)} mae=${a.mae.toFixed(1)} | ql bias=${q.bias.toFixed(1)} | noWindow n=${nw.length} bias=${nw.length ? score(nw, (s) => s.estimate).bias.toFixed(1) : '-'} wait=${nw.length ? score(nw, (s) => s.estimate).meanWait.toFixed(1) : '-'}`);
    }
}
if (process.env.DETAIL) {
  const none = samples.filter((s) => s.noWindow && s.estimate === 0);
  console.log(`noWindow with 0: n=${none.length} true mean=${(none.reduce((a, s) => a + s.trueMin, 0) / none.length).toFixed(1)} contribution to bias=${(-none.reduce((a, s) => a + s.trueMin, 0) / samples.length).toFixed(2)}`);
  const pr = samples.filter((s) => s.priority);
  console.log(`priority n=${pr.length} bias=${score(pr, (s) => s.estimate).bias.toFixed(1)}; normal tickets bias=${score(samples.filter((s) => !s.priority), (s) => s.estimate).bias.toFixed(1)}`);
}
