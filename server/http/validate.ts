// Validation at the edge. The schemas are the wire's, in shared/schemas.ts; this is how a
// failure reads: a 400 whose message names the field and what is wrong, in Chinese.
import { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';

z.config(z.locales.zhCN());

/** Parses or throws a 400 whose message names the field and what is wrong. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  const field = first.path.length ? `${first.path.join('.')}：` : '';
  const missing = first.code === 'invalid_type' && first.message.includes('undefined');
  throw new HallError('invalid_request', 400, missing ? `缺少必填项 ${first.path.join('.')}` : `请求内容有误，${field}${first.message}`);
}
