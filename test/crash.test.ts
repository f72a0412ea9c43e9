// kill -9 the real server while 40 clients take tickets and two clerks call them;
// after each restart every acknowledged ticket and call must still be there, the
// files must load, and no number may ever be handed out twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../server/freePort.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './harness.ts';

const PASSWORD = 'crash-pass';
const SERVICES = ['social', 'civil', 'household', 'medical'];


async function boot(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, DEMO_PASSWORD: PASSWORD, DIST_DIR: path.join(dir, 'none') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    if (i > 300) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const post = (port: number, p: string, body: unknown, token?: string) =>
  fetch(`http://127.0.0.1:${port}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

/** The 40 takers all come from 127.0.0.1: lift the per-address limits as an admin would (it is saved, so once is enough). */
async function liftLimits(port: number): Promise<void> {
  const token = ((await (await post(port, '/api/session', { username: 'admin', password: PASSWORD })).json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const { settings } = (await (await fetch(`http://127.0.0.1:${port}/api/settings`, { headers: auth })).json()) as { settings: Record<string, unknown> };
  const { printer: _, ...hall } = settings;
  const r = await fetch(`http://127.0.0.1:${port}/api/settings/hall`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ ...hall, limits: { takesPerMinute: 100_000, commentsPerHour: 100_000 } }),
  });
  if (r.status !== 200) throw new Error(`lifting the limits: ${r.status} ${await r.text()}`);
}

interface Acked {
  id: string;
  number: string;
}

describe('kill -9 mid-burst', () => {
  it('loses no acknowledged ticket or call and never reuses a number', async () => {
    const dir = tempDir('crash');
    const port = await freePort();
    const acked: Acked[] = [];
    const calledAcked = new Map<string, string>(); // ticket id → status the clerk was told

    for (let round = 0; round < 3; round++) {
      const server = await boot(dir, port);
      if (round === 0) await liftLimits(port);
      const tokens = await Promise.all(
        [['clerk1', '1'], ['clerk3', '3']].map(async ([username, counterId]) => {
          const r = await post(port, '/api/session', { username, password: PASSWORD, counterId });
          return [((await r.json()) as { token: string }).token, counterId!] as const;
        }),
      );
      let stop = false;
      const takers = Array.from({ length: 40 }, async (_, i) => {
        while (!stop) {
          try {
            const r = await post(port, '/api/tickets', { serviceId: SERVICES[i % SERVICES.length] });
            if (r.status === 201) acked.push((await r.json()) as Acked);
          } catch {
            return; // the server is gone
          }
        }
      });
      const clerks = tokens.map(async ([token, counterId]) => {
        while (!stop) {
          try {
            await post(port, `/api/counters/${counterId}/complete`, {}, token);
            const r = await post(port, `/api/counters/${counterId}/next`, {}, token);
            const body = (await r.json()) as { ticket: { id: string; status: string } | null };
            if (r.status === 200 && body.ticket) calledAcked.set(body.ticket.id, body.ticket.status);
          } catch {
            return;
          }
        }
      });
      // Let the burst run a random while, then pull the plug.
      // Both kinds of work must be under way when it dies: enough takes, and the clerks'
      // calls too (takes alone could outrun them on a fast or a busy machine).
      const before = acked.length;
      const callsBefore = calledAcked.size;
      const takes = 200 + Math.floor(Math.random() * 400);
      while (acked.length < before + takes || calledAcked.size < callsBefore + 5) await new Promise((r) => setTimeout(r, 5));
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      stop = true;
      await Promise.all([...takers, ...clerks]);
    }

    // The files load and every acknowledged ticket and call is there.
    const server = await boot(dir, port);
    try {
      expect(acked.length).toBeGreaterThan(600);
      const seen = new Map<string, string>();
      for (const t of acked) {
        const r = await fetch(`http://127.0.0.1:${port}/api/tickets/${t.id}`);
        expect(r.status, `ticket ${t.number} (${t.id}) was acknowledged`).toBe(200);
        const body = (await r.json()) as { number: string; status: string };
        expect(body.number).toBe(t.number);
        if (calledAcked.has(t.id)) expect(body.status, `call of ${t.number}`).not.toBe('waiting');
        expect(seen.has(t.number), `number ${t.number} given twice`).toBe(false);
        seen.set(t.number, t.id);
      }
      expect(calledAcked.size).toBeGreaterThan(10);
      // New tickets continue each sequence after everything ever acknowledged.
      for (const serviceId of SERVICES) {
        const r = await post(port, '/api/tickets', { serviceId });
        const fresh = (await r.json()) as Acked;
        const n = (num: string) => Number(num.slice(1));
        const prefix = fresh.number[0];
        const maxAcked = Math.max(...acked.filter((a) => a.number[0] === prefix).map((a) => n(a.number)));
        expect(n(fresh.number)).toBeGreaterThan(maxAcked);
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    // A clean stop leaves a readable snapshot with unique numbers.
    const snap = JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as { data: { tickets: Record<string, { number: string }> } };
    const numbers = Object.values(snap.data.tickets).map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  }, 180_000);
});
