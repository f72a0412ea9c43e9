// Child process holding the wall-screen connections (socket.io-client, auth
// {role:'display'}, websocket transport), so their message handling runs on its own
// event loop and core rather than the measuring one. Talks to run.ts over IPC.
// For every call (`counterId|number|callCount`) it reports the monotonic times at which
// the first and the last of its clients received the `ticket:called`.
import { io, type Socket } from 'socket.io-client';
import { nowMs } from './lib.ts';

export type ToSwarm = { op: 'connect'; port: number; count: number } | { op: 'stats' } | { op: 'pending' } | { op: 'close' };
export type FromSwarm =
  | { op: 'connected'; count: number; failed: number; ms: number }
  | { op: 'call'; key: string; first: number; last: number; n: number }
  | { op: 'stats'; called: number; states: number; cpuMs: number; open: number }
  | { op: 'pending'; calls: { key: string; n: number; first: number; last: number }[] }
  | { op: 'closed' };

interface Called {
  number: string;
  counterId: string;
  callCount: number;
}

const send = (m: FromSwarm) => process.send!(m);
const calls = new Map<string, { n: number; first: number; last: number }>();
const counts = { called: 0, states: 0 };
let clients: { close(): void; isOpen(): boolean }[] = [];
let target = 0; // clients expected to receive each call

function onCalled(c: Called, t: number) {
  counts.called++;
  const key = `${c.counterId}|${c.number}|${c.callCount}`;
  let e = calls.get(key);
  if (!e) calls.set(key, (e = { n: 0, first: t, last: t }));
  e.n++;
  e.last = t;
  if (e.n >= target) {
    calls.delete(key);
    send({ op: 'call', key, ...e });
  }
}

function connectSio(port: number): Promise<{ close(): void; isOpen(): boolean }> {
  return new Promise((resolve, reject) => {
    const s: Socket = io(`http://127.0.0.1:${port}`, { auth: { role: 'display' }, transports: ['websocket'], reconnection: false, timeout: 20_000 });
    s.on('ticket:called', (c: Called) => onCalled(c, nowMs()));
    s.on('hall:state', () => counts.states++);
    s.once('connect', () => resolve({ close: () => s.close(), isOpen: () => s.connected }));
    s.once('connect_error', (e) => reject(e));
  });
}

process.on('message', async (m: ToSwarm) => {
  if (m.op === 'connect') {
    const t0 = nowMs();
    let failed = 0;
    for (let i = 0; i < m.count; i += 50) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(50, m.count - i) }, () => connectSio(m.port)));
      for (const r of batch) r.status === 'fulfilled' ? clients.push(r.value) : failed++;
    }
    target = clients.length;
    send({ op: 'connected', count: clients.length, failed, ms: nowMs() - t0 });
  } else if (m.op === 'stats') {
    const u = process.cpuUsage();
    send({ op: 'stats', ...counts, cpuMs: (u.user + u.system) / 1000, open: clients.filter((c) => c.isOpen()).length });
  } else if (m.op === 'pending') {
    send({ op: 'pending', calls: [...calls].map(([key, e]) => ({ key, ...e })) });
  } else if (m.op === 'close') {
    for (const c of clients) c.close();
    clients = [];
    calls.clear();
    send({ op: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
