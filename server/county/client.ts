// One POST of a batch to the county's ingest, with a deadline, and its reply checked:
// the county is outside the hall, so a slow, broken or foreign answer is just a failed
// try (the shipper backs off), never an exception that reaches a take or a call.
import { z } from 'zod';
import type { IngestBody, NoticeOut } from '../../shared/county/wire.ts';
import type { Timers } from '../timers.ts';

export type IngestResult =
  | { ok: true; lastSeq: number; notices: NoticeOut[] }
  | { ok: false; mismatch: true; expected: number | null }
  | { ok: false; mismatch: false; error: string; /** Nothing answered at all (refused, reset, no route): trying again costs the county nothing. */ unreachable?: true };

const ok = z.object({
  lastSeq: z.number().int().min(0),
  notices: z
    .array(z.object({ id: z.string().min(1).max(64), text: z.string().min(1).max(2000), sentAt: z.string().min(1).max(40), warningId: z.string().min(1).max(64).optional() }))
    .max(1000),
});
// The wire's 409 (shared/county/wire.ts SeqMismatch): the usual error shape with `expected`.
const mismatch = z.object({
  error: z.object({ code: z.literal('seq_mismatch'), expected: z.number().int().min(1).nullable() }),
});

export const ingestUrl = (base: string) => `${base.replace(/\/+$/, '')}/api/county/ingest`;

export interface Transport {
  fetch: typeof fetch;
  timers: Timers;
  timeoutMs: number;
}

export async function postBatch({ fetch: fetchFn, timers, timeoutMs }: Transport, url: string, key: string, body: IngestBody, cancel: AbortSignal): Promise<IngestResult> {
  const abort = new AbortController();
  const onCancel = () => abort.abort();
  cancel.addEventListener('abort', onCancel);
  const deadline = timers.setTimeout(() => abort.abort(), timeoutMs);
  try {
    let res: Response;
    let text: string;
    try {
      res = await fetchFn(ingestUrl(url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      text = await res.text();
    } catch (e) {
      if (cancel.aborted) return { ok: false, mismatch: false, error: '县中心连接已更改' };
      if (abort.signal.aborted) return { ok: false, mismatch: false, error: `县中心 ${Math.round(timeoutMs / 1000)} 秒内没有答复` };
      return { ok: false, mismatch: false, unreachable: true, error: `无法连接县中心（${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}）` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.status === 200) {
      const r = ok.safeParse(json);
      return r.success ? { ok: true, lastSeq: r.data.lastSeq, notices: r.data.notices.map((n) => ({ id: n.id, text: n.text, sentAt: n.sentAt, ...(n.warningId !== undefined && { warningId: n.warningId }) })) } : { ok: false, mismatch: false, error: '县中心的答复无法识别' };
    }
    if (res.status === 409) {
      const r = mismatch.safeParse(json);
      if (r.success) return { ok: false, mismatch: true, expected: r.data.error.expected };
    }
    if (res.status === 401 || res.status === 403) return { ok: false, mismatch: false, error: `县中心拒绝了大厅编号或密钥（${res.status}），请在设置中核对` };
    return { ok: false, mismatch: false, error: `县中心答复异常（HTTP ${res.status}）` };
  } finally {
    timers.clearTimeout(deadline);
    cancel.removeEventListener('abort', onCancel);
  }
}
