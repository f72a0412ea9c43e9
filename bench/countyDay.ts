// One market day (逢场天) of a simulated hall as the county receives it: the hall's
// state before the day (the baseline) and one journal line per command, the facts the
// hall's own rules decided (bench/hallDay.ts drives `apply`, as the server does), JSON
// as the journal keeps them. Used by the county's fault tests and its ingest bench.
import { apply } from '../shared/core/commands.ts';
import type { ShipLine } from '../shared/county/wire.ts';
import type { HallData } from '../shared/types.ts';
import { simulateDays } from './hallDay.ts';

export interface ShippedDay {
  baseline: HallData;
  lines: ShipLine[];
  /** The hall's own state at the end: what the county's mirror must come to. */
  end: HallData;
  tickets: number;
}

/**
 * `days` market days in a row from 2026-03-02 (the simulated 8-window hall takes about 350
 * tickets on one; three give the ~1,000 of a big township's, and a day close between).
 * `stopAt`: minute of the day to stop each at (a short day for tests).
 */
export function marketDays(seed = 1, days = 1, stopAt?: number): ShippedDay {
  let baseline: HallData | undefined;
  let state: HallData | undefined;
  const lines: ShipLine[] = [];
  const dates = Array.from({ length: days }, (_, i) => ({ day: `2026-03-${String(2 + i).padStart(2, '0')}`, market: true }));
  const { data } = simulateDays(seed, dates, {
    ...(stopAt !== undefined && { stopAt }),
    onStart: (d) => {
      baseline = JSON.parse(JSON.stringify(d)) as HallData;
      state = d;
    },
    onFacts: (facts) => {
      lines.push({ s: lines.length + 1, f: JSON.parse(JSON.stringify(facts)) as ShipLine['f'] });
      // As the hall server does once a closed day's archive file is written (server/hall.ts).
      for (const f of facts) if (f.type === 'DayClosed') lines.push({ s: lines.length + 1, f: JSON.parse(JSON.stringify(apply(state!, { type: 'archived', day: f.day, at: f.atMs }).facts)) as ShipLine['f'] });
    },
  });
  return { baseline: baseline!, lines, end: data, tickets: Object.keys(data.tickets).length };
}
