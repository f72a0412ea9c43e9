// The county's fold of each hall: the hall's own state type, rebuilt from what the hall
// shipped with the hall's own `evolve`. A baseline starts it; every journal line after
// it is applied in order. So the county's "today" for a hall is computed by the same
// code as the hall's own figures, not by a second reading of the facts.
import type { Kysely } from 'kysely';
import { evolve, type Fact } from '../shared/core/facts.ts';
import type { ShipLine } from '../shared/county/wire.ts';
import type { DayArchive, HallData } from '../shared/types.ts';
import type { DB } from './db/schema.ts';
import { upgrade } from '../server/seed.ts';

export interface HallMirror {
  data: HallData;
  /** The last line folded in. */
  seq: number;
  /** The line the saved copy (halls.mirror) is as of. */
  savedSeq: number;
}

/** What a batch did beyond the state: the days it closed, as the hall archived them. */
export interface Folded {
  closed: DayArchive[];
  facts: Fact[];
}

/**
 * Applies lines in order. Throws when a fact does not fit the state (a hall sending
 * nonsense): the mirror is then half-changed and must be reloaded (`Mirrors.reload`).
 */
export function fold(m: HallMirror, lines: readonly ShipLine[]): Folded {
  const closed: DayArchive[] = [];
  const facts: Fact[] = [];
  for (const line of lines) {
    for (const f of line.f as unknown as Fact[]) {
      evolve(m.data, f);
      facts.push(f);
      if (f.type === 'DayClosed') closed.push(m.data.closing!.at(-1)!);
    }
    m.seq = line.s;
  }
  return { closed, facts };
}

/** Keep a mirror's saved copy no more than this many lines behind. */
export const SAVE_EVERY = 2000;

export class Mirrors {
  private readonly map = new Map<string, HallMirror>();

  constructor(private readonly db: Kysely<DB>) {}

  get(hallId: string): HallMirror | undefined {
    return this.map.get(hallId);
  }

  all(): IterableIterator<[string, HallMirror]> {
    return this.map.entries();
  }

  set(hallId: string, m: HallMirror): void {
    this.map.set(hallId, m);
  }

  /** Every hall's mirror from its saved copy and the lines stored after it. */
  async loadAll(): Promise<void> {
    const halls = await this.db.selectFrom('halls').select('id').where('mirror_seq', 'is not', null).execute();
    for (const h of halls) await this.reload(h.id);
  }

  /** Rebuilds one hall's mirror from the database: after a refused batch, or at start. */
  async reload(hallId: string): Promise<HallMirror | undefined> {
    this.map.delete(hallId);
    const row = await this.db.selectFrom('halls').select(['mirror', 'mirror_seq']).where('id', '=', hallId).executeTakeFirst();
    if (!row?.mirror || row.mirror_seq === null) return undefined;
    const m: HallMirror = { data: upgrade(row.mirror as HallData), seq: Number(row.mirror_seq), savedSeq: Number(row.mirror_seq) };
    for (;;) {
      const rows = await this.db.selectFrom('hall_lines').select(['seq', 'facts']).where('hall_id', '=', hallId).where('seq', '>', m.seq).orderBy('seq').limit(5000).execute();
      if (rows.length === 0) break;
      fold(
        m,
        rows.map((r) => ({ s: Number(r.seq), f: r.facts as ShipLine['f'] })),
      );
    }
    this.map.set(hallId, m);
    return m;
  }
}
