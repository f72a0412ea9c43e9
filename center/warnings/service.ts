// 电子监察 at the county: the rules (rules.ts) run over each hall's mirror after every
// batch and on a timer (a deadline passes while a hall is silent), and what they find
// is written down: a warning opens with its "since", changes level, or closes when its
// cause is gone. The open ones are kept in memory for the board and the list.
import type { Kysely, Transaction } from 'kysely';
import { HallError } from '../../shared/core/errors.ts';
import type { ClosedWarning, WarningLink, WarningOut } from '../../shared/county/types.ts';
import type { DB } from '../db/schema.ts';
import type { Projector } from '../ingest.ts';
import type { Mirrors } from '../mirror.ts';
import type { TimerHandle, Timers } from '../../server/timers.ts';
import { byUrgency, hallWarnings } from './rules.ts';

/** Facts after which a window may be empty; `at` where the fact has one. */
const LEAVING = new Set(['SignedOut', 'UserSaved', 'DayClosed', 'CounterRemoved']);
/** Facts that change who is at which window (or which windows there are). */
const STAFFING = new Set([...LEAVING, 'SignedIn', 'CounterSaved']);

/** How often time-driven warnings are looked at again (deadlines, silence, empty windows). */
export const RECHECK_MS = 30_000;
/**
 * After a batch, a hall is looked at again this much later: a hall catching up ships a
 * batch every few milliseconds, and its warnings need computing once, not per batch.
 */
export const AFTER_BATCH_MS = 500;

export interface WarningsOptions {
  db: Kysely<DB>;
  mirrors: Mirrors;
  clock: () => number;
  /** After a hall's open warnings changed. */
  onChange?: (hallId: string) => void;
  log?: (m: string) => void;
}

export class Warnings {
  private readonly open = new Map<string, WarningOut[]>();
  private readonly lanes = new Map<string, Promise<void>>();
  /** Halls with a recomputation queued and not yet started: another request joins it. */
  private readonly queued = new Map<string, Promise<void>>();
  /** Halls to look at again shortly, after a batch. */
  private readonly soon = new Map<string, TimerHandle>();
  private timers: Timers | null = null;

  constructor(private readonly o: WarningsOptions) {}

  /** The open warnings as last written (a restart keeps their ids and "since"). */
  async load(): Promise<void> {
    const rows = await this.o.db.selectFrom('county_warnings').innerJoin('halls', 'halls.id', 'county_warnings.hall_id').select(['county_warnings.id', 'hall_id', 'kind', 'level', 'subject', 'since', 'link', 'halls.name']).where('closed_at', 'is', null).execute();
    this.open.clear();
    for (const r of rows) {
      const w: WarningOut = { id: r.id, hallId: r.hall_id, kind: r.kind as WarningOut['kind'], level: r.level, subject: r.subject, since: new Date(r.since).toISOString(), hallName: r.name, link: r.link as WarningLink };
      const list = this.open.get(r.hall_id) ?? [];
      list.push(w);
      this.open.set(r.hall_id, list);
    }
  }

  openCount(hallId: string): number {
    return this.open.get(hallId)?.length ?? 0;
  }

  list(hallId?: string): WarningOut[] {
    const all = hallId === undefined ? [...this.open.values()].flat() : (this.open.get(hallId) ?? []);
    return [...all].sort(byUrgency);
  }

  /** The latest warnings that closed by themselves (their cause went away), newest first. */
  async closed(hallId?: string, limit = 100): Promise<ClosedWarning[]> {
    let q = this.o.db
      .selectFrom('county_warnings')
      .innerJoin('halls', 'halls.id', 'county_warnings.hall_id')
      .select(['county_warnings.id', 'hall_id', 'kind', 'level', 'subject', 'since', 'link', 'closed_at', 'halls.name'])
      .where('closed_at', 'is not', null)
      .orderBy('closed_at', 'desc')
      .limit(limit);
    if (hallId !== undefined) q = q.where('hall_id', '=', hallId);
    const rows = await q.execute();
    return rows.map((r) => ({ id: r.id, hallId: r.hall_id, kind: r.kind as WarningOut['kind'], level: r.level, subject: r.subject, since: new Date(r.since).toISOString(), hallName: r.name, link: r.link as WarningLink, closedAt: new Date(r.closed_at!).toISOString() }));
  }

  /** Does this hall have (or had) this warning: a 督办 may only name its own hall's. */
  async belongsTo(warningId: string, hallId: string): Promise<boolean> {
    const r = await this.o.db.selectFrom('county_warnings').select('id').where('id', '=', warningId).where('hall_id', '=', hallId).executeTakeFirst();
    return Boolean(r);
  }

  /**
   * Inside the batch's transaction: which windows are empty now, and since when. A
   * window left in this batch is dated by the leaving fact (the last one in the batch,
   * so a long catch-up batch can only date it later, never raise a warning early).
   */
  readonly projector: Projector = async (tx, hallId, folded, mirror) => {
    // Most batches (calls, takes, heartbeats) change no window's staffing: no query for them.
    // A baseline (nothing saved yet) sets the windows up.
    if (mirror.savedSeq >= 0 && !folded.facts.some((f) => STAFFING.has(f.type))) return;
    let lastAt: string | null = null;
    let left: string | null = null;
    for (const f of folded.facts) {
      const at = (f as { at?: unknown }).at;
      if (typeof at === 'string') lastAt = at;
      if (LEAVING.has(f.type)) left = lastAt;
    }
    const d = mirror.data;
    const staffed = new Set<string>();
    const empty: string[] = [];
    for (const c of d.counters) {
      const rt = Object.hasOwn(d.runtime, c.id) ? d.runtime[c.id] : undefined;
      if (rt?.signedIn) staffed.add(c.id);
      else empty.push(c.id);
    }
    const rows = await tx.selectFrom('window_vacancy').select('counter_id').where('hall_id', '=', hallId).execute();
    const known = new Set(rows.map((r) => r.counter_id));
    const gone = rows.map((r) => r.counter_id).filter((id) => !empty.includes(id));
    if (gone.length > 0) await tx.deleteFrom('window_vacancy').where('hall_id', '=', hallId).where('counter_id', 'in', gone).execute();
    const fresh = empty.filter((id) => !known.has(id));
    const leftAt = left && Number.isFinite(Date.parse(left)) ? new Date(Date.parse(left)) : null;
    if (fresh.length > 0) await tx.insertInto('window_vacancy').values(fresh.map((counter_id) => ({ hall_id: hallId, counter_id, left_at: leftAt }))).execute();
  };

  /** After a batch: looks at the hall again shortly (at once without timers started). */
  afterBatch(hallId: string): void {
    const timers = this.timers;
    if (!timers) {
      void this.recompute(hallId);
      return;
    }
    if (this.soon.has(hallId)) return;
    this.soon.set(
      hallId,
      timers.setTimeout(() => {
        this.soon.delete(hallId);
        void this.recompute(hallId);
      }, AFTER_BATCH_MS),
    );
  }

  /** Looks at one hall again; one hall's recomputations run one after another. */
  recompute(hallId: string): Promise<void> {
    // A hall shipping fast asks again before the last one ran: one run answers both.
    const waiting = this.queued.get(hallId);
    if (waiting) return waiting;
    const prev = this.lanes.get(hallId) ?? Promise.resolve();
    const run = prev
      .then(() => {
        this.queued.delete(hallId);
        return this.compute(hallId);
      })
      .catch((e: unknown) => this.o.log?.(`warnings for hall ${hallId}: ${(e as Error).message}`));
    this.queued.set(hallId, run);
    this.lanes.set(hallId, run);
    void run.then(() => {
      if (this.lanes.get(hallId) === run) this.lanes.delete(hallId);
    });
    return run;
  }

  async recomputeAll(): Promise<void> {
    const halls = await this.o.db.selectFrom('halls').select('id').execute();
    for (const h of halls) await this.recompute(h.id);
  }

  /** Runs the recheck on the given timers (tests give fake ones and drive `recomputeAll` themselves); returns its stop. */
  start(timers: Timers): () => void {
    this.timers = timers;
    const h = timers.setInterval(() => void this.recomputeAll().catch((e: unknown) => this.o.log?.(`warnings: ${(e as Error).message}`)), RECHECK_MS);
    return () => {
      timers.clearInterval(h);
      for (const t of this.soon.values()) timers.clearTimeout(t);
      this.soon.clear();
      this.timers = null;
    };
  }

  private async compute(hallId: string): Promise<void> {
    const { db, clock } = this.o;
    const row = await db.selectFrom('halls').select(['name', 'last_heard_at', 'skew_ms', 'empty_window_min', 'revoked_at']).where('id', '=', hallId).executeTakeFirst();
    if (!row) return;
    const vacancies = await db.selectFrom('window_vacancy').select(['counter_id', 'left_at']).where('hall_id', '=', hallId).execute();
    const emptySince = new Map<string, number>();
    for (const v of vacancies) if (v.left_at) emptySince.set(v.counter_id, new Date(v.left_at).getTime());
    const now = clock();
    // A revoked hall is no longer supervised: its warnings close.
    const found =
      row.revoked_at !== null
        ? []
        : hallWarnings(
            this.o.mirrors.get(hallId)?.data ?? null,
            { hallId, name: row.name, lastHeardAtMs: row.last_heard_at ? new Date(row.last_heard_at).getTime() : null, skewMs: row.skew_ms ?? 0, emptyWindowMin: row.empty_window_min, emptySince },
            now,
          );
    const before = new Map((this.open.get(hallId) ?? []).map((w) => [w.id, w]));
    const next: WarningOut[] = [];
    const writes: { w: WarningOut; opening: boolean }[] = [];
    for (const w of found) {
      const old = before.get(w.id);
      before.delete(w.id);
      // The rules date every warning from the facts, except a clock skew: the county only
      // sees it at each batch, so it is dated from when the county first saw it.
      const kept = old && w.kind === 'skew' && old.level === w.level ? { ...w, since: old.since } : w;
      next.push(kept);
      if (old && old.level === kept.level && old.since === kept.since && old.subject === kept.subject && old.hallName === kept.hallName) continue;
      writes.push({ w: kept, opening: !old });
    }
    const closing = [...before.keys()];
    const changed = writes.length > 0 || closing.length > 0;
    if (changed) {
      await db.transaction().execute(async (tx) => {
        for (const { w, opening } of writes) await write(tx, w, now, opening);
        if (closing.length > 0) await tx.updateTable('county_warnings').set({ closed_at: new Date(now) }).where('id', 'in', closing).where('closed_at', 'is', null).execute();
      });
    }
    if (next.length > 0) this.open.set(hallId, next);
    else this.open.delete(hallId);
    if (changed) this.o.onChange?.(hallId);
  }
}

/** Opens (or opens again) a warning, or records its new level or wording. */
async function write(tx: Transaction<DB>, w: WarningOut, now: number, opening: boolean): Promise<void> {
  const values = { level: w.level, subject: w.subject, since: w.since, link: JSON.stringify(w.link) };
  await tx
    .insertInto('county_warnings')
    .values({ id: w.id, hall_id: w.hallId, kind: w.kind, ...values, opened_at: new Date(now), closed_at: null })
    .onConflict((c) => c.column('id').doUpdateSet({ ...values, closed_at: null, ...(opening && { opened_at: new Date(now) }) }))
    .execute();
}

/** The county admin's thresholds for one hall. */
export async function setEmptyWindowMin(db: Kysely<DB>, hallId: string, minutes: number): Promise<void> {
  const r = await db.updateTable('halls').set({ empty_window_min: minutes }).where('id', '=', hallId).executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw new HallError('unknown_hall', 404, '没有这个大厅');
}
