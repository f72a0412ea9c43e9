// A sign-in flood beside the kiosk: 40 clients sending wrong passwords as fast as they
// can while one kiosk takes tickets one after another. The kiosk's take p99 with the
// flood is compared with its p99 just before, on the same server (target ≤ 2×): wrong
// passwords must neither hold the event loop nor starve the journal of the thread pool.
import { keepAliveAgent, nowMs, request, round, summarize, type Summary } from './lib.ts';
import { liftLimits, startHallServer, stopProcess, tempDir } from './servers.ts';

export interface SignInFlood {
  quiet: Summary;
  flood: Summary;
  attempts: Record<string, number>; // status → count
}

const TAKES = 300;
/** Long enough for the flood to run into the throttle's pause and on past it. */
const FOR_MS = 3000;

async function takes(port: number): Promise<Summary> {
  const agent = keepAliveAgent(1);
  const times: number[] = [];
  const start = nowMs();
  for (let i = 0; i < TAKES || nowMs() - start < FOR_MS; i++) {
    const t0 = nowMs();
    const r = await request(agent, port, 'POST', '/api/tickets', { serviceId: 'social' });
    if (r.status !== 201) throw new Error(`take: HTTP ${r.status}`);
    times.push(nowMs() - t0);
  }
  agent.destroy();
  const s = summarize(times);
  return { ...s, p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}

export async function signInFlood(): Promise<SignInFlood> {
  const server = await startHallServer('hall-signins', await tempDir('signins'));
  try {
    await liftLimits(server.port); // the one kiosk takes hundreds a second
    await takes(server.port); // warm up
    const quiet = await takes(server.port);
    const agent = keepAliveAgent(40);
    const attempts: Record<string, number> = {};
    let stop = false;
    const flooders = Array.from({ length: 40 }, async (_, i) => {
      while (!stop) {
        const r = await request(agent, server.port, 'POST', '/api/session', { username: `clerk${(i % 6) + 1}`, password: 'not-the-password' }).catch(() => null);
        const key = String(r?.status ?? 'error');
        attempts[key] = (attempts[key] ?? 0) + 1;
      }
    });
    const flood = await takes(server.port);
    stop = true;
    await Promise.all(flooders);
    agent.destroy();
    return { quiet, flood, attempts };
  } finally {
    await stopProcess(server);
  }
}
