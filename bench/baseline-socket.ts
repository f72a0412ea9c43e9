// Baseline for call latency: a bare Socket.IO server. A "call" is POST /call
// {"counterId"}: append a small record to a file, fdatasync it, then broadcast one
// `ticket:called` to every client and reply. Same Socket.IO options as the hall server.
// Env: PORT, DATA_DIR. Ready when GET /health answers 200.
import { createServer } from 'node:http';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Server } from 'socket.io';

const fh = await open(path.join(process.env.DATA_DIR ?? '/tmp', 'calls.ndjson'), 'a');
let seq = 0;
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return void res.end('{"status":"ok"}');
  if (req.method !== 'POST' || req.url !== '/call') return void res.writeHead(404).end();
  let body = '';
  req.setEncoding('utf8').on('data', (c: string) => (body += c));
  req.on('end', async () => {
    const { counterId } = JSON.parse(body || '{}') as { counterId?: string };
    const number = `A${String(++seq).padStart(3, '0')}`;
    const at = new Date().toISOString();
    await fh.write(JSON.stringify({ s: seq, c: { type: 'next', counterId, number, at } }) + '\n');
    await fh.datasync();
    const text = `请${number}号到${counterId}号窗口办理`;
    io.emit('ticket:called', { number, counterId, counterName: `${counterId}号窗口`, calledAt: at, callCount: 1, text, spoken: text, repeat: 2 });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ticket: { number, counterId } }));
  });
});
server.keepAliveTimeout = 65_000;
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 16_384, pingInterval: 10_000, pingTimeout: 8_000 });
server.listen(Number(process.env.PORT ?? 4199));
process.on('SIGTERM', () => io.close(() => void fh.close().then(() => process.exit(0))));
