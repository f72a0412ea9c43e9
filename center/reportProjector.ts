// Keeps `day_figures` inside each ingest transaction: a day the batch closed is written
// whole from its archive; a closed day whose cases moved later (a follow-up closed, a
// rating voided on review, a committed case delivered) has its case counts taken again
// from the mirror, and its ratings moved by the voids that are new since.
import { sql, type Transaction } from 'kysely';
import type { Fact } from '../shared/core/facts.ts';
import type { HallData } from '../shared/types.ts';
import type { DB } from './db/schema.ts';
import type { Projector } from './ingest.ts';
import { caseCounts, dayCells, packWaits, type CaseCounts, type Cell } from './reportCells.ts';

const cellRow = (hallId: string, day: string, c: Cell) => ({
  hall_id: hallId,
  day,
  service_id: c.serviceId,
  service_name: c.serviceName,
  taken: c.taken,
  served: c.served,
  no_shows: c.noShows,
  r1: c.ratings[0],
  r2: c.ratings[1],
  r3: c.ratings[2],
  r4: c.ratings[3],
  r5: c.ratings[4],
  ...caseColumns(c),
  waits: packWaits(c.waitsMs),
});

/** A (day, business) row's case columns: voided ratings by level, follow-ups, committed cases. */
const caseColumns = (c: CaseCounts) => ({
  v1: c.voided[0],
  v2: c.voided[1],
  v3: c.voided[2],
  v4: c.voided[3],
  v5: c.voided[4],
  follow_ups: c.followUps,
  follow_ups_closed: c.followUpsClosed,
  follow_ups_on_time: c.followUpsOnTime,
  committed: c.committed,
  committed_delivered: c.committedDelivered,
  committed_on_time: c.committedOnTime,
});

/** The (day, business) a case fact is about, looked up in the folded state. */
function caseOf(data: HallData, f: Fact): { day: string; serviceId: string } | null {
  const fu = (id: string) => data.followUps.find((x) => x.id === id);
  switch (f.type) {
    case 'FollowUpOpened':
      return f.followUp;
    case 'FollowUpCalledBack':
    case 'FollowUpResolved':
    case 'RatingAppealed':
    case 'AppealReviewed':
      return fu(f.followUpId) ?? null;
    case 'CommitmentMade':
      return f.commitment;
    case 'CommitmentDelivered':
      return data.commitments.find((c) => c.ticketId === f.ticketId) ?? null;
    default:
      return null;
  }
}

export const reportProjector: Projector = async (tx, hallId, folded, mirror) => {
  const data = mirror.data;
  const closedNow = new Set<string>();
  for (const a of folded.closed) {
    closedNow.add(a.day);
    const rows = dayCells(a.day, a.tickets, a.names, data).map((c) => cellRow(hallId, a.day, c));
    if (rows.length === 0) continue;
    await tx
      .insertInto('day_figures')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['hall_id', 'day', 'service_id']).doUpdateSet((eb) => {
          const cols = Object.keys(rows[0]!).filter((k) => k !== 'hall_id' && k !== 'day' && k !== 'service_id') as (keyof (typeof rows)[0])[];
          return Object.fromEntries(cols.map((k) => [k, eb.ref(`excluded.${k}`)]));
        }),
      )
      .execute();
  }
  // Cases of days closed in earlier batches; today's are read live and this batch's are whole.
  const touched = new Map<string, { day: string; serviceId: string }>();
  for (const f of folded.facts) {
    const c = caseOf(data, f);
    if (c && !closedNow.has(c.day) && c.day !== data.today.day) touched.set(JSON.stringify([c.day, c.serviceId]), { day: c.day, serviceId: c.serviceId });
  }
  for (const { day, serviceId } of touched.values()) await updateCases(tx, hallId, day, serviceId, data);
};

async function updateCases(tx: Transaction<DB>, hallId: string, day: string, serviceId: string, data: HallData): Promise<void> {
  const c = caseCounts(data.followUps, data.commitments, day, serviceId);
  const [v1, v2, v3, v4, v5] = c.voided;
  // A day the county never saw close (before the hall joined) has no row: nothing to move.
  await tx
    .updateTable('day_figures')
    .set({
      r1: sql`r1 - (${v1}::int - v1)`,
      r2: sql`r2 - (${v2}::int - v2)`,
      r3: sql`r3 - (${v3}::int - v3)`,
      r4: sql`r4 - (${v4}::int - v4)`,
      r5: sql`r5 - (${v5}::int - v5)`,
      ...caseColumns(c),
    })
    .where('hall_id', '=', hallId)
    .where('day', '=', day)
    .where('service_id', '=', serviceId)
    .execute();
}
