// JSON POSTs answered straight on node:http, ahead of Express: the kiosk's take-a-ticket
// and the clerks' window actions. In a morning rush they are nearly all the traffic,
// and Express's router, body parser and response helpers cost more CPU per request
// than the durable command itself (see bench/). Only the plain case is taken here: a
// path the route's pattern matches exactly, and either no body or a Content-Length
// body of at most the API's limit, JSON in UTF-8, no Content-Encoding. Anything else
// (chunked, gzip, other charsets, a query string, a trailing slash, escaped
// characters) goes on to Express, which runs the same handler after its full checks.
// Either way the body is parsed as express.json({strict: true}) parses it, and
// failures leave through the same errorReply as every other route.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorReply } from './errors.ts';

export interface Reply {
  status: number;
  body: unknown;
  /** Runs once the reply is handed to the socket. */
  after?: () => void;
}

/** `params`: the pattern's captures, in order. An absent body is `undefined`. */
export type JsonHandler = (body: unknown, req: IncomingMessage, params: string[]) => Promise<Reply>;

/** Returns true when it took the request; false leaves it to the next listener. */
export type FastRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const DIGITS = /^\d{1,9}$/;

/** `path`: the exact URL, or a pattern anchored at both ends whose groups become params. */
export function fastJsonPost(path: string | RegExp, limitBytes: number, handler: JsonHandler, log: (msg: string) => void): FastRoute {
  return (req, res) => {
    if (req.method !== 'POST') return false;
    let params: string[] = [];
    if (typeof path === 'string') {
      if (req.url !== path) return false;
    } else {
      const m = path.exec(req.url ?? '');
      if (!m) return false;
      params = m.slice(1);
    }
    const h = req.headers;
    if (h['transfer-encoding'] !== undefined) return false;
    const length = h['content-length'] ?? '0';
    if (!DIGITS.test(length)) return false;
    const bytes = Number(length);
    if (bytes > limitBytes) return false;
    // Express checks type, charset and encoding whenever Content-Length is present,
    // even 0: only plain JSON in UTF-8, or no type at all for an empty body, comes here.
    const type = h['content-type'];
    if (type === undefined ? bytes > 0 : !JSON_TYPE.test(type)) return false;
    const encoding = h['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;

    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      admit(() => {
        try {
          const body = bytes === 0 ? (type === undefined ? undefined : {}) : parseStrict(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
          handler(body, req, params)
            .then(
              (reply) => sendReply(res, reply),
              (e: unknown) => sendReply(res, errorReply(e, log)),
            )
            .catch((e: unknown) => {
              log(`reply failed: ${(e as Error)?.stack ?? String(e)}`);
              res.destroy();
            });
        } catch (e) {
          sendReply(res, errorReply(e, log));
        }
      }),
    );
    return true;
  };
}

/**
 * A hundred kiosks' requests can arrive in one turn of the event loop. Handling them
 * all there would hold the loop (and every wall screen's call) for ~10 ms; instead at
 * most ADMIT_SLICE are handled per turn, in arrival order, from setImmediate.
 */
const ADMIT_SLICE = 8;
let queue: (() => void)[] = [];
let head = 0;
let draining = false;

function admit(job: () => void): void {
  queue.push(job);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
}

function drain(): void {
  const end = Math.min(queue.length, head + ADMIT_SLICE);
  while (head < end) {
    try {
      queue[head++]!();
    } catch {
      // A job answers its own errors; one that still throws must not stall the rest.
    }
  }
  if (head < queue.length) {
    setImmediate(drain);
    return;
  }
  queue = [];
  head = 0;
  draining = false;
}

const parseFailed = () => Object.assign(new SyntaxError('invalid JSON'), { type: 'entity.parse.failed', status: 400 });

/** As body-parser's strict JSON: an object or array, a leading BOM ignored, nothing at all {}. */
function parseStrict(text: string): unknown {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(s)?.[1];
  if (first !== '{' && first !== '[') throw parseFailed();
  try {
    return JSON.parse(s);
  } catch {
    throw parseFailed();
  }
}

/**
 * Answers, unless the client has gone; what follows the reply (printing) runs either
 * way. The Express routes for the same requests answer through this too.
 */
export function sendReply(res: ServerResponse, reply: Reply): void {
  if (!res.headersSent && !res.destroyed) {
    const json = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) }).end(json);
  }
  reply.after?.();
}
