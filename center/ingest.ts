// POST /api/county/ingest: a hall's journal lines, stored exactly once and folded into
// its mirror. One hall's batches run one at a time; the hall's row is locked for the
// transaction, so even two county processes could not store a line twice, and the
// primary key (hall, seq) refuses it if anything else tried.
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { z } from 'zod';
import { HallError } from '../shared/core/errors.ts';
import { ingestBody, type IngestBody, type IngestReply, type NoticeOut } from '../shared/county/wire.ts';
import type { HallData } from '../shared/types.ts';
import type { DB } from './db/schema.ts';
import { fold, SAVE_EVERY, type Folded, type HallMirror, type Mirrors } from './mirror.ts';
import { parse } from '../server/http/validate.ts';
import { upgrade } from '../server/seed.ts';
import { checkFacts, checkShape } from './facts.ts';

/** Work done in the batch's transaction, from what it folded: it commits or fails with the lines. */
export type Projector = (tx: Transaction<DB>, hallId: string, folded: Folded, mirror: HallMirror) => Promise<void>;

export const keyHash = (key: string) => createHash('sha256').update(key).digest();

/** Enough of a hall's state to be folded into; the rest is the hall's own business. */
const baselineData = z.looseObject({
  settings: z.looseObject({ hallName: z.string(), timeZone: z.string() }),
  services: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  counters: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  users: z.array(z.looseObject({ id: z.string() })),
  runtime: z.record(z.string(), z.looseObject({})),
  sessions: z.record(z.string(), z.looseObject({})),
  today: z.looseObject({ day: z.iso.date() }),
  // What the waiting counts and the figures read of each ticket (upgrade recounts them).
  tickets: z.record(z.string(), z.looseObject({ id: z.string(), status: z.string(), serviceId: z.string(), priority: z.boolean(), takenAt: z.string() })),
  signIns: z.array(z.unknown()),
  followUps: z.array(z.unknown()),
  comments: z.array(z.unknown()),
  commitments: z.array(z.unknown()),
  audit: z.array(z.unknown()),
});

const badKey = () => new HallError('bad_key', 401, '县中心不认识这个大厅的密钥（大厅编号或密钥错误，或已停用）');

export interface IngestOptions {
  db: Kysely<DB>;
  mirrors: Mirrors;
  clock: () => number;
  projectors: Projector[];
  /** After a batch is committed. */
  onIngested: (hallId: string, folded: Folded) => void;
}

export class Ingest {
  private readonly lanes = new Map<string, Promise<unknown>>();

  constructor(private readonly o: IngestOptions) {}

  async handle(authorization: string | undefined, raw: unknown): Promise<IngestReply> {
    checkShape(raw);
    const body = parse(ingestBody, raw);
    const key = /^Bearer (\S{16,200})$/.exec(authorization ?? '')?.[1];
    if (!key) throw badKey();
    // One hall's batches one after another: the mirror is folded in the order stored.
    const prev = this.lanes.get(body.hallId) ?? Promise.resolve();
    const run = prev.then(
      () => this.store(body, key),
      () => this.store(body, key),
    );
    this.lanes.set(body.hallId, run);
    try {
      return await run;
    } finally {
      if (this.lanes.get(body.hallId) === run) this.lanes.delete(body.hallId);
    }
  }

  /**
   * The hall's key, where its lines stand and its unanswered 督办, in one trip to the
   * database (the reply leaves out those the batch itself answers).
   */
  private async lookUp(hallId: string, key: string): Promise<{ last: number | null; notices: NoticeOut[] }> {
    const row = await this.o.db
      .selectFrom('halls')
      .select((eb) => [
        'key_hash',
        'revoked_at',
        'last_seq',
        jsonArrayFrom(
          eb.selectFrom('notices').select(['id', 'text', 'sent_at', 'warning_id']).whereRef('notices.hall_id', '=', 'halls.id').where('answer', 'is', null).orderBy('sent_at').limit(50),
        ).as('notices'),
      ])
      .where('id', '=', hallId)
      .executeTakeFirst();
    const given = keyHash(key);
    const known = row ? Buffer.from(row.key_hash, 'base64url') : Buffer.alloc(given.length);
    const same = known.length === given.length && timingSafeEqual(known, given);
    if (!row || !same || row.revoked_at !== null) throw badKey();
    return {
      last: row.last_seq === null ? null : Number(row.last_seq),
      notices: row.notices.map((r) => ({ id: r.id, text: r.text, sentAt: new Date(r.sent_at).toISOString(), ...(r.warning_id && { warningId: r.warning_id }) })),
    };
  }

  private async store(body: IngestBody, key: string): Promise<IngestReply> {
    const { db, mirrors, clock } = this.o;
    const hallId = body.hallId;
    const { last, notices } = await this.lookUp(hallId, key);
    const lines = checkFacts(body.lines); // after the key: a stranger learns nothing of what the county accepts
    let folded: Folded = { closed: [], facts: [] };
    let mirror: HallMirror | undefined;
    try {
      const lastSeq = await db.transaction().execute(async (tx) => {
        mirror = this.start(hallId, last, body);
        for (let i = 1; i < lines.length; i++) {
          if (lines[i]!.s !== lines[i - 1]!.s + 1) throw new HallError('gapped_batch', 400, `批次中的序号不连续：${lines[i - 1]!.s} 之后是 ${lines[i]!.s}`);
        }
        const now = clock();
        try {
          folded = fold(mirror, lines);
        } catch (e) {
          throw new HallError('unfoldable', 422, `批次中的记录与县中心保存的大厅状态对不上，没有保存：${(e as Error).message.slice(0, 200)}`);
        }
        if (lines.length > 0) {
          // One parameter, the batch's facts as one JSON array, split by PostgreSQL: a
          // thousand parameters cost the driver more than the rows cost the server.
          const facts = `[${lines.map((l) => JSON.stringify(l.f)).join(',')}]`;
          await sql`insert into hall_lines (hall_id, seq, facts)
            select ${hallId}, ${lines[0]!.s}::bigint + t.n - 1, t.f from jsonb_array_elements(${facts}::jsonb) with ordinality as t(f, n)`.execute(tx);
        }
        const save = body.baseline !== undefined || folded.closed.length > 0 || mirror.seq - mirror.savedSeq >= SAVE_EVERY;
        const hallNowMs = Date.parse(body.hallNow);
        // Only from where this batch started: a second county process storing for the same
        // hall meanwhile (the primary key (hall, seq) would refuse its lines anyway) fails it.
        const moved = await tx
          .updateTable('halls')
          .set({
            last_seq: mirror.seq,
            last_heard_at: new Date(now),
            hall_now: body.hallNow,
            skew_ms: Math.max(-2e9, Math.min(2e9, Math.round(hallNowMs - now))),
            ...(save && { mirror: JSON.stringify(mirror.data), mirror_seq: mirror.seq }),
          })
          .where('id', '=', hallId)
          .where((eb) => (last === null ? eb('last_seq', 'is', null) : eb('last_seq', '=', last)))
          .executeTakeFirst();
        if (moved.numUpdatedRows !== 1n) throw new HallError('concurrent_batch', 409, '另一批记录刚刚保存，请重新发送');
        for (const p of this.o.projectors) await p(tx, hallId, folded, mirror);
        if (save) mirror.savedSeq = mirror.seq;
        return mirror.seq;
      });
      if (mirror) mirrors.set(hallId, mirror);
      this.o.onIngested(hallId, folded);
      // Read before the batch: those it answers are done.
      const answered = new Set(folded.facts.flatMap((f) => (f.type === 'NoticeAnswered' ? [f.noticeId] : [])));
      return { lastSeq, notices: notices.filter((n) => !answered.has(n.id)) };
    } catch (e) {
      // The mirror may hold part of a batch that was not stored: fold it again from the database.
      if (mirror) await mirrors.reload(hallId);
      throw e;
    }
  }

  /** The mirror this batch folds into, or the refusal that says where the hall must start. */
  private start(hallId: string, last: number | null, body: IngestBody): HallMirror {
    const first = body.lines[0]?.s;
    if (last === null) {
      // Even a heartbeat: the hall learns at once that it must send its baseline.
      if (!body.baseline) throw mismatch(null);
      const data = parse(baselineData, body.baseline.data) as unknown as HallData;
      if (first !== undefined && first !== body.baseline.seq + 1) throw mismatch(body.baseline.seq + 1);
      // upgrade: the hall's own load step, so keyed records have no prototype an id could reach.
      return { data: upgrade(structuredClone(data)), seq: body.baseline.seq, savedSeq: -1 };
    }
    if (body.baseline) throw mismatch(last + 1);
    if (first !== undefined && first !== last + 1) throw mismatch(last + 1);
    const m = this.o.mirrors.get(hallId);
    if (!m) throw new Error(`hall ${hallId} has lines but no mirror`);
    return m;
  }
}

/** The refusal that tells a hall where to resume: its body carries `expected`. */
export class SeqMismatchError extends HallError {
  constructor(readonly expected: number | null) {
    super('seq_mismatch', 409, expected === null ? '县中心还没有这个大厅的数据，请先发送基线' : `县中心期待从第 ${expected} 条开始`);
  }
}

const mismatch = (expected: number | null) => new SeqMismatchError(expected);

