// The link between a hall and its county center, declared once for both sides.
//
// A hall ships the lines of its journal (`{s, f}`: a command's facts, in order) to
// `POST /api/county/ingest`, authenticated by `Authorization: Bearer <hall key>`. The
// county stores each line exactly once, keyed by (hall, s), and folds the facts into its
// mirror of the hall with the hall's own `evolve`. The first time a hall ships (the
// county holds nothing for it) it sends a `baseline`: its state as of `baselineSeq`,
// sanitised like the facts (no password or token hashes, no raters' phones, no keys),
// and its lines start right after. After that, a batch must start exactly at the next
// line the county expects: anything else is refused with 409 `seq_mismatch` and the
// `expected` line, and the hall resumes from there. An empty batch is a heartbeat.
import { z } from 'zod';
import type { Fact } from '../core/facts.ts';

/** Lines per batch, and the largest body the county reads. */
export const MAX_LINES = 2000;
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export const shipLine = z.strictObject({
  s: z.number().int().min(1),
  /** Each fact is checked by the county's one fact check (center/facts.ts), not copied here. */
  f: z.array(z.unknown()).max(500),
});
/** A journal line as the hall ships it; the county has it so once its facts pass its check. */
export interface ShipLine {
  s: number;
  f: Fact[];
}

export const ingestBody = z.strictObject({
  hallId: z.string().min(1).max(64),
  /** The hall's clock when it sent the batch (ISO with offset): the county shows skew. */
  hallNow: z.iso.datetime({ offset: true }),
  /** Sent only when the county holds nothing for this hall (it answered `expected: null`). */
  baseline: z.optional(z.strictObject({ seq: z.number().int().min(0), data: z.looseObject({}) })),
  lines: z.array(shipLine).max(MAX_LINES),
});
export type IngestBody = z.infer<typeof ingestBody>;

/** A 督办 notice on its way to the hall (it answers with a `NoticeAnswered` fact). */
export interface NoticeOut {
  id: string;
  text: string;
  sentAt: string;
  warningId?: string;
}

/** 200: stored; `lastSeq` is the last line the county now holds. */
export interface IngestReply {
  lastSeq: number;
  /** Unanswered notices for this hall: the hall records those it has not seen yet. */
  notices: NoticeOut[];
}

/**
 * 409 `seq_mismatch`: the batch did not start where the county expects. The body is the
 * usual error shape with one more field.
 */
export interface SeqMismatch {
  error: {
    code: 'seq_mismatch';
    message: string;
    /** The next line the county expects; null: it holds nothing yet and needs a baseline. */
    expected: number | null;
  };
}
