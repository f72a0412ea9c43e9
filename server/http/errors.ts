// Every failure leaves as {"error":{"code","message"}}; never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HallError } from '../../shared/core/errors.ts';

export const body = (code: string, message: string) => ({ error: { code, message } });

/** A body that is not JSON is refused before parsing (415); an absent body is fine. */
export const requireJson: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    res.status(415).json(body('unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）'));
    return;
  }
  next();
};

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(body('not_found', '没有这个接口'));
};

/** The status and body for anything a handler threw: the one mapping every route uses. */
export function errorReply(err: unknown, log: (msg: string) => void): { status: number; body: ReturnType<typeof body> } {
  if (err instanceof HallError) return { status: err.status, body: body(err.code, err.message) };
  const e = err as { type?: string; status?: number } | null;
  if (e?.type === 'entity.parse.failed') return { status: 400, body: body('invalid_json', '请求体不是合法的 JSON') };
  if (e?.type === 'entity.too.large') return { status: 413, body: body('payload_too_large', '请求内容过大') };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return { status: 415, body: body('unsupported_media_type', '不支持的字符集或编码，请使用 UTF-8') };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, body: body('bad_request', '请求无法处理') };
  log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
  return { status: 500, body: body('internal_error', '服务器内部错误，请稍后重试') };
}

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const r = errorReply(err, log);
    res.status(r.status).json(r.body);
  };
}
