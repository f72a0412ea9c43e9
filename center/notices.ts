// 督办: the county sends a hall a supervision notice (from a warning or from the hall),
// the next ingest reply carries it to the hall (ingest.ts `openNotices`), the hall's
// supervisor answers, and the answer comes back as a `NoticeAnswered` fact in a shipped
// line. The projector here writes it onto the notice, in the batch's transaction, and
// only onto a notice sent to that same hall.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { HallError } from '../shared/core/errors.ts';
import { NOTICE_DUE_HOURS, type NoticeOutView } from '../shared/county/types.ts';
import { newId } from '../server/auth.ts';
import type { DB } from './db/schema.ts';
import type { Projector } from './ingest.ts';

/** The answer as a hall ships it; read here by shape, so nothing else of the fact is trusted. */
const answered = z.looseObject({ type: z.literal('NoticeAnswered'), noticeId: z.string().min(1).max(64), answer: z.string().min(1).max(2000), by: z.string().max(64), at: z.iso.datetime({ offset: true }) });

/** Answered notices listed: the latest this many (the unanswered ones are always all there). */
const ANSWERED_SHOWN = 300;

export class Notices {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => number,
  ) {}

  async send(hallId: string, text: string, warningId: string | undefined, userId: string, warningBelongs: (warningId: string, hallId: string) => Promise<boolean>): Promise<{ id: string }> {
    const hall = await this.db.selectFrom('halls').select(['id', 'revoked_at']).where('id', '=', hallId).executeTakeFirst();
    if (!hall) throw new HallError('unknown_hall', 404, '没有这个大厅');
    if (hall.revoked_at !== null) throw new HallError('hall_revoked', 409, '这个大厅已停用，无法督办');
    if (warningId !== undefined && !(await warningBelongs(warningId, hallId))) throw new HallError('unknown_warning', 404, '这个大厅没有这条预警');
    const id = newId();
    await this.db.insertInto('notices').values({ id, hall_id: hallId, text, warning_id: warningId ?? null, sent_at: new Date(this.clock()), sent_by: userId, answer: null, answered_at: null, answered_by: null }).execute();
    return { id };
  }

  /** Every unanswered notice, then the latest answered ones; newest first. Unanswered ones age (ageMin) until answered. */
  async list(hallId?: string): Promise<NoticeOutView[]> {
    const query = (answered: boolean) => {
      let q = this.db
        .selectFrom('notices')
        .innerJoin('halls', 'halls.id', 'notices.hall_id')
        .leftJoin('county_users', 'county_users.id', 'notices.sent_by')
        .select(['notices.id', 'notices.hall_id', 'notices.text', 'notices.warning_id', 'notices.sent_at', 'notices.answer', 'notices.answered_at', 'notices.answered_by', 'notices.sent_by', 'halls.name as hall_name', 'county_users.name as sender'])
        .where('notices.answer', answered ? 'is not' : 'is', null)
        .orderBy('notices.sent_at', 'desc')
        .limit(answered ? ANSWERED_SHOWN : 5000);
      if (hallId !== undefined) q = q.where('notices.hall_id', '=', hallId);
      return q.execute();
    };
    const rows = [...(await query(false)), ...(await query(true))];
    const now = this.clock();
    return rows.map((r) => {
      const sent = new Date(r.sent_at).getTime();
      const answeredAt = r.answered_at ? new Date(r.answered_at) : null;
      const ageMin = Math.max(0, Math.floor(((answeredAt?.getTime() ?? now) - sent) / 60_000));
      return {
        id: r.id,
        hallId: r.hall_id,
        hallName: r.hall_name,
        text: r.text,
        sentAt: new Date(sent).toISOString(),
        sentBy: r.sender ?? r.sent_by,
        ...(r.warning_id && { warningId: r.warning_id }),
        ...(r.answer !== null && { answer: r.answer }),
        ...(answeredAt && { answeredAt: answeredAt.toISOString() }),
        ...(r.answered_by && { answeredBy: r.answered_by }),
        ageMin,
        overdue: r.answer === null && ageMin >= NOTICE_DUE_HOURS * 60,
      };
    });
  }

  /** A hall's answers, in the batch's transaction: only to its own notices, and once. */
  readonly projector: Projector = async (tx, hallId, folded, mirror) => {
    for (const f of folded.facts as unknown[]) {
      if ((f as { type?: unknown }).type !== 'NoticeAnswered') continue;
      const a = answered.safeParse(f);
      // A malformed answer is the hall's bug; the line is stored as shipped, the notice stays open.
      if (!a.success) continue;
      const user = mirror.data.users.find((u) => u.id === a.data.by);
      await tx
        .updateTable('notices')
        .set({
          answer: a.data.answer,
          // The hall's clock, brought to the county's by the skew this batch reported (set in
          // this transaction), and never before the notice was sent.
          answered_at: sql<Date>`greatest(sent_at, ${new Date(Date.parse(a.data.at))}::timestamptz - (select coalesce(skew_ms, 0) from halls where id = ${hallId}) * interval '1 millisecond')`,
          answered_by: user ? user.name : a.data.by,
        })
        .where('id', '=', a.data.noticeId)
        .where('hall_id', '=', hallId)
        .where('answer', 'is', null)
        .execute();
    }
  };
}
