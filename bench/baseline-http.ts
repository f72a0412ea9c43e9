// Baseline for durable issuance: a bare node:http server, no framework. Each
// POST /tickets {"serviceId"} appends one record to a file and fdatasyncs it before the
// 201: one write + one fdatasync per request, no batching (that is the definition).
// Concurrent requests each do their own write+fdatasync on libuv's thread pool.
// Env: PORT, DATA_DIR. Ready when GET /health answers 200.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';

const fh = await open(path.join(process.env.DATA_DIR ?? '/tmp', 'tickets.ndjson'), 'a');
let seq = 0;
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return void res.end('{"status":"ok"}');
  if (req.method !== 'POST' || req.url !== '/tickets') return void res.writeHead(404).end();
  let body = '';
  req.setEncoding('utf8').on('data', (c: string) => (body += c));
  req.on('end', async () => {
    let serviceId: unknown;
    try {
      serviceId = (JSON.parse(body) as { serviceId?: unknown }).serviceId;
    } catch {
      return void res.writeHead(400).end();
    }
    if (typeof serviceId !== 'string') return void res.writeHead(400).end();
    const s = ++seq;
    const ticket = { id: randomBytes(9).toString('base64url'), number: `A${String(s).padStart(3, '0')}`, serviceId, takenAt: new Date().toISOString(), status: 'waiting' };
    try {
      await fh.write(JSON.stringify({ s, c: { type: 'take', ...ticket } }) + '\n');
      await fh.datasync();
    } catch {
      return void res.writeHead(500).end();
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...ticket, ahead: s - 1 }));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 4198));
process.on('SIGTERM', () => server.close(() => void fh.close().then(() => process.exit(0))));
