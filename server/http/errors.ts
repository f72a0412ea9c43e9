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

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HallError) {
      res.status(err.status).json(body(err.code, err.message));
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') {
      res.status(400).json(body('invalid_json', '请求体不是合法的 JSON'));
      return;
    }
    if (e.type === 'entity.too.large') {
      res.status(413).json(body('payload_too_large', '请求内容过大'));
      return;
    }
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      res.status(415).json(body('unsupported_media_type', '不支持的字符集或编码，请使用 UTF-8'));
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json(body('bad_request', '请求无法处理'));
      return;
    }
    log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
    res.status(500).json(body('internal_error', '服务器内部错误，请稍后重试'));
  };
}
