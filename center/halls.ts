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
import { live } from './summary.ts';

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

  async list(openWarnings: (hallId: string) => number): Promise<HallSummary[]> {
    const rows = await this.db.selectFrom('halls').select(['id', 'name', 'last_heard_at', 'revoked_at', 'skew_ms', 'hall_now']).orderBy('created_at').execute();
    const now = this.clock();
    return rows.map((r) => {
      const heard = r.last_heard_at ? new Date(r.last_heard_at).getTime() : null;
      const m = this.mirrors.get(r.id);
      // The hall's own "now" (its clock, its zone) moves on from its last report.
      const hallNow = m && r.hall_now ? isoLocal(now + (r.skew_ms ?? 0), m.data.settings.timeZone) : null;
      const l = m && hallNow ? live(m.data, hallNow) : null;
      const skew = r.skew_ms ?? 0;
      return {
        id: r.id,
        name: r.name,
        online: heard !== null && now - heard < ONLINE_MS && r.revoked_at === null,
        lastHeardAt: heard === null ? null : new Date(heard).toISOString(),
        today: l?.today ?? null,
        openWarnings: openWarnings(r.id),
        ...(r.revoked_at && { revoked: true }),
        ...(l && { longestWaitMin: l.longestWaitMin, satisfiedRate: l.satisfiedRate, windows: l.windows }),
        ...(m && { hallName: m.data.settings.hallName }),
        skewMin: Math.abs(skew) >= 60_000 ? Math.round(skew / 60_000) : null,
      };
    });
  }
}
