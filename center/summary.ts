// A hall as the county board shows it, from the county's mirror of the hall: its day's
// figures by the hall's own functions (the same as its GET /api/stats), who is at which
// window, and how long the longest wait is.
import { stats } from '../shared/core/stats.ts';
import { minutesBetween } from '../shared/core/time.ts';
import { countedRatings } from '../shared/core/voided.ts';
import type { HallToday, WindowLive } from '../shared/county/types.ts';
import type { HallData } from '../shared/types.ts';
import type { HallMirror } from './mirror.ts';

export interface Live {
  today: HallToday;
  satisfiedRate: number | null;
  longestWaitMin: number;
  windows: WindowLive[];
}

/** What changes only with the facts: figured once per line folded, not on every push. */
interface Figures extends Omit<Live, 'longestWaitMin'> {
  oldestWaiting: string | null;
}

const figured = new WeakMap<HallMirror, { seq: number; figures: Figures }>();

/** `live` of a mirror, its day's figures kept until its next line: the board asks several times a second. */
export function liveOf(m: HallMirror, nowIso: string): Live {
  let cached = figured.get(m);
  if (cached?.seq !== m.seq) figured.set(m, (cached = { seq: m.seq, figures: figures(m.data) }));
  return at(cached.figures, nowIso);
}

export const live = (d: HallData, nowIso: string): Live => at(figures(d), nowIso);

/** The figures as of `nowIso`: the longest wait is the oldest waiting ticket's, in whole minutes. */
function at({ oldestWaiting, ...rest }: Figures, nowIso: string): Live {
  return { ...rest, longestWaitMin: oldestWaiting ? Math.floor(Math.max(0, minutesBetween(oldestWaiting, nowIso))) : 0 };
}

function figures(d: HallData): Figures {
  const tickets = countedRatings(Object.values(d.tickets), d.followUps);
  const st = stats(
    tickets,
    tickets.flatMap((t) => (t.rating ? [t.rating] : [])),
  );
  let waiting = 0;
  let oldest: string | null = null;
  for (const t of tickets) {
    if (t.status !== 'waiting') continue;
    waiting++;
    if (oldest === null || Date.parse(t.takenAt) < Date.parse(oldest)) oldest = t.takenAt;
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
    oldestWaiting: oldest,
    windows: d.counters.map((c) => {
      const rt = Object.hasOwn(d.runtime, c.id) ? d.runtime[c.id] : undefined;
      return { id: c.id, name: c.name, staffed: Boolean(rt?.signedIn), paused: Boolean(rt?.paused) };
    }),
  };
}
