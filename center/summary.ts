// A hall as the county board shows it, from the county's mirror of the hall: its day's
// figures by the hall's own functions (the same as its GET /api/stats), who is at which
// window, and how long the longest wait is.
import { stats } from '../shared/core/stats.ts';
import { minutesBetween } from '../shared/core/time.ts';
import { countedRatings } from '../shared/core/voided.ts';
import type { HallToday, WindowLive } from '../shared/county/types.ts';
import type { HallData } from '../shared/types.ts';

export interface Live {
  today: HallToday;
  satisfiedRate: number | null;
  longestWaitMin: number;
  windows: WindowLive[];
}

export function live(d: HallData, nowIso: string): Live {
  const tickets = countedRatings(Object.values(d.tickets), d.followUps);
  const st = stats(
    tickets,
    tickets.flatMap((t) => (t.rating ? [t.rating] : [])),
  );
  let waiting = 0;
  let longest = 0;
  for (const t of tickets) {
    if (t.status !== 'waiting') continue;
    waiting++;
    longest = Math.max(longest, minutesBetween(t.takenAt, nowIso));
  }
  // The worst two of the five levels are 差评 (core/levels.ts).
  const bad = st.ratings.byLevel['1'] + st.ratings.byLevel['2'];
  return {
    today: {
      day: d.today.day,
      taken: st.tickets,
      served: st.served,
      noShows: st.noShows,
      waiting,
      avgWaitMin: st.wait.avgMin,
      ratings: st.ratings.count,
      badRatings: bad,
    },
    satisfiedRate: st.ratings.count ? st.ratings.satisfiedRate : null,
    longestWaitMin: Math.floor(longest),
    windows: d.counters.map((c) => {
      const rt = Object.hasOwn(d.runtime, c.id) ? d.runtime[c.id] : undefined;
      return { id: c.id, name: c.name, staffed: Boolean(rt?.signedIn), paused: Boolean(rt?.paused) };
    }),
  };
}
