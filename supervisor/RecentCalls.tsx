// The latest calls, newest first, as the wall screen announced them.
import type { RecentCall } from '../shared/types.ts';
import { hhmm } from '../web/format.ts';

export function RecentCalls({ calls }: { calls: RecentCall[] }) {
  return (
    <section class="card" aria-labelledby="recent-title">
      <h2 id="recent-title">最近叫号</h2>
      {calls.length === 0 ? (
        <p class="muted">今天还没有叫号</p>
      ) : (
        <ol class="recent">
          {calls.map((c) => (
            <li key={`${c.number}-${c.calledAt}`}>
              <span class="ticket-no small">{c.number}</span>
              <span>{c.counterName}</span>
              <time dateTime={c.calledAt}>{hhmm(c.calledAt)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
