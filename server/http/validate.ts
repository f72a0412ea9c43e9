// Request shapes, declared once: used to validate at the edge and to describe the
// API in /api/openapi.json. Unknown extra fields are dropped, never an error.
import { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';
import { isDay } from '../../shared/core/time.ts';

z.config(z.locales.zhCN());

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().max(max);

export const schemas = {
  takeTicket: z.object({ serviceId: id, priority: z.boolean().optional(), print: z.boolean().optional() }),
  printer: z.object({
    uri: z.string().trim().max(200).nullable(),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
    checkStatus: z.boolean().optional(),
  }),
  signIn: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256), counterId: id.optional() }),
  complete: z.object({ outcome: z.enum(['immediate', 'committed', 'forwarded', 'refused']).optional(), note: text(500).optional() }),
  transfer: z.object({ serviceId: id }),
  pause: z.object({ reason: text(100).optional() }),
  reinstate: z.object({ ticketId: id }),
  rate: z.object({
    ticketId: id,
    level: z.number().int().min(1).max(5),
    reasons: z.array(z.string().max(100)).max(10).optional(),
    comment: text(500).optional(),
    phone: z.string().trim().max(20).regex(/^[0-9+\- ]*$/, '电话号码只能包含数字').optional(),
    channel: z.enum(['kiosk', 'phone', 'pad', 'api']).optional(),
  }),
  callBack: z.object({ reached: z.boolean(), note: text(500) }),
  resolve: z.object({ kind: z.enum(['fix', 'explain']), note: text(1000), close: z.boolean().optional() }),
  comment: z.object({ kind: z.enum(['comment', 'complaint']).optional(), text: z.string().max(1000), contact: text(60).optional() }),
  reply: z.object({ text: z.string().max(1000) }),
  followUpQuery: z.object({ status: z.enum(['open', 'closed', 'all']).optional() }),
  statsQuery: z.object({
    from: z.string().refine(isDay, '日期格式应为 YYYY-MM-DD').optional(),
    to: z.string().refine(isDay, '日期格式应为 YYYY-MM-DD').optional(),
  }),
  empty: z.object({}),
};

/** Parses or throws a 400 whose message names the field and what is wrong. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  const field = first.path.length ? `${first.path.join('.')}：` : '';
  const missing = first.code === 'invalid_type' && first.message.includes('undefined');
  throw new HallError('invalid_request', 400, missing ? `缺少必填项 ${first.path.join('.')}` : `请求内容有误，${field}${first.message}`);
}
