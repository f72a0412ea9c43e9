// The halls a county supervises: registered by a county admin with a key shown once,
// and listed with what the county last heard from each.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { HallError } from '../shared/core/errors.ts';
import type { HallSummary, NewHall } from '../shared/county/types.ts';
import { isoLocal } from '../shared/core/time.ts';
import { newId } from '../server/auth.ts';
import type { DB } from './db/schema.ts';
import { keyHash } from './ingest.ts';
import type { Mirrors } from './mirror.ts';
import { liveOf } from './summary.ts';

/** A hall is online while its heartbeats (every 10 s) keep arriving. */
export const ONLINE_MS = 45_000;

export class Halls {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly mirrors: Mirrors,
    private readonly clock: () => number,
  ) {}

  async add(name: string): Promise<NewHall> {
    const id = newId();
    const key = randomBytes(24).toString('base64url');
    await this.db
      .insertInto('halls')
      .values({ id, name, key_hash: keyHash(key).toString('base64url'), created_at: new Date(this.clock()), last_seq: null, mirror_seq: null, revoked_at: null, last_heard_at: null, hall_now: null, skew_ms: null, mirror: null })
      .execute();
    return { id, name, key };
  }

  /** The hall's key stops working at once; what it shipped stays. */
  async revoke(id: string): Promise<void> {
    const r = await this.db.updateTable('halls').set({ revoked_at: new Date(this.clock()) }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (r.numUpdatedRows === 0n) {
      const found = await this.db.selectFrom('halls').select('id').where('id', '=', id).executeTakeFirst();
      if (!found) throw new HallError('unknown_hall', 404, '没有这个大厅');
    }
  }

  /**
   * A new key for the hall, shown once; the old one stops at once (ingest checks the
   * stored hash on every batch). A revoked hall is taken back into service by it.
   */
  async rotate(id: string): Promise<NewHall> {
    const key = randomBytes(24).toString('base64url');
    const row = await this.db.updateTable('halls').set({ key_hash: keyHash(key).toString('base64url'), revoked_at: null }).where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
    if (!row) throw new HallError('unknown_hall', 404, '没有这个大厅');
    return { id: row.id, name: row.name, key };
  }

  async list(openWarnings: (hallId: string) => number): Promise<HallSummary[]> {
    const rows = await this.db.selectFrom('halls').select(['id', 'name', 'last_heard_at', 'revoked_at', 'skew_ms', 'hall_now']).orderBy('created_at').execute();
    const now = this.clock();
    // 督办 not answered yet, per hall: the board ages them.
    const open = await this.db
      .selectFrom('notices')
      .select(['hall_id', (e) => e.fn.countAll<string>().as('n'), (e) => e.fn.min('sent_at').as('oldest')])
      .where('answer', 'is', null)
      .groupBy('hall_id')
      .execute();
    const notices = new Map(open.map((o) => [o.hall_id, { n: Number(o.n), oldest: new Date(o.oldest).getTime() }]));
    return rows.map((r) => {
      const pendingNotices = notices.get(r.id);
      const heard = r.last_heard_at ? new Date(r.last_heard_at).getTime() : null;
      const m = this.mirrors.get(r.id);
      // The hall's own "now" (its clock, its zone) moves on from its last report.
      const online = heard !== null && now - heard < ONLINE_MS && r.revoked_at === null;
      // A silent hall's figures are its last-known ones: its waits stop where it was last heard.
      const hallNow = m && r.hall_now ? isoLocal((online || heard === null ? now : heard) + (r.skew_ms ?? 0), m.data.settings.timeZone) : null;
      const l = m && hallNow ? liveOf(m, hallNow) : null;
      const skew = r.skew_ms ?? 0;
      return {
        id: r.id,
        name: r.name,
        online,
        lastHeardAt: heard === null ? null : new Date(heard).toISOString(),
        today: l?.today ?? null,
        openWarnings: openWarnings(r.id),
        ...(r.revoked_at && { revoked: true }),
        ...(l && { longestWaitMin: l.longestWaitMin, satisfiedRate: l.satisfiedRate, windows: l.windows }),
        ...(m && { hallName: m.data.settings.hallName }),
        skewMin: Math.abs(skew) >= 60_000 ? Math.round(skew / 60_000) : null,
        silentMin: heard === null ? null : Math.max(0, Math.floor((now - heard) / 60_000)),
        ...(m && { countyDay: isoLocal(now, m.data.settings.timeZone).slice(0, 10) }),
        openNotices: pendingNotices?.n ?? 0,
        oldestNoticeMin: pendingNotices ? Math.max(0, Math.floor((now - pendingNotices.oldest) / 60_000)) : null,
      };
    });
  }
}
