// The announcement queue with fake voices: what it says, in which order, and that a
// voice that errors or hangs never stalls the calls behind it.
import { describe, expect, it, vi } from 'vitest';
import { Announcer, type AnnouncerDeps, type Call, type Voice } from './announcer.ts';

function call(number: string, counterId: string, over: Partial<Call> = {}): Call {
  return {
    number,
    counterId,
    callCount: 1,
    calledAt: `2025-03-04T09:00:00.000+08:00#${number}`,
    text: `请 ${number} 号到 ${counterId}号窗口办理`,
    spoken: `请${number}号到${counterId}号窗口办理`,
    repeat: 2,
    ...over,
  };
}

type Behaviour = 'ok' | 'error' | 'hang';

/** Fake sounds that log every event and check that two never overlap. */
function rig(opts: { voices?: Voice[]; speech?: (text: string, n: number) => Behaviour; server?: (call: Call, n: number) => Behaviour; chime?: Behaviour; now?: () => number; keep?: number } = {}) {
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  let speechN = 0;
  let serverN = 0;
  const run = (label: string, behaviour: Behaviour, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(label);
      const end = (fn: () => void) => {
        active--;
        fn();
      };
      if (behaviour === 'error') return setTimeout(() => end(() => reject(new Error('synthesis-failed'))), 2);
      if (behaviour === 'hang') {
        signal.addEventListener('abort', () => {
          log.push(`abort ${label}`);
          end(() => undefined); // a hung voice never settles by itself
        });
        return;
      }
      setTimeout(() => end(resolve), 3);
    });
  const deps: AnnouncerDeps = {
    voices: () => opts.voices ?? ['speech', 'server'],
    chime: (signal) => run('chime', opts.chime ?? 'ok', signal),
    speak: (text, signal) => run(`speak ${text}`, opts.speech?.(text, speechN++) ?? 'ok', signal),
    play: (c, signal) => run(`play ${c.number}@${c.counterId}`, opts.server?.(c, serverN++) ?? 'ok', signal),
    utteranceTimeoutMs: () => 40,
    chimeTimeoutMs: 40,
    gapMs: 1,
    ...(opts.now && { now: opts.now }),
    ...(opts.keep && { keep: opts.keep }),
  };
  const announcer = new Announcer(deps);
  return { announcer, log, maxActive: () => maxActive };
}

async function settled(a: Announcer, count: number) {
  await vi.waitFor(
    () => {
      expect(a.records).toHaveLength(count);
      for (const r of a.records) expect(['done', 'failed']).toContain(r.status);
    },
    { timeout: 5000, interval: 5 },
  );
}

describe('Announcer', () => {
  it('announces calls in arrival order, each with a chime and all its repeats, one at a time', async () => {
    const { announcer, log, maxActive } = rig({ voices: ['speech'] });
    announcer.enable();
    announcer.enqueue(call('A012', '3'));
    announcer.enqueue(call('B001', '2', { repeat: 3 }));
    await settled(announcer, 2);
    expect(log).toEqual(['chime', 'speak 请A012号到3号窗口办理', 'speak 请A012号到3号窗口办理', 'chime', 'speak 请B001号到2号窗口办理', 'speak 请B001号到2号窗口办理', 'speak 请B001号到2号窗口办理']);
    expect(maxActive()).toBe(1);
    const [a, b] = announcer.records;
    expect(a).toMatchObject({ number: 'A012', status: 'done', via: 'speech' });
    expect(b).toMatchObject({ number: 'B001', status: 'done', via: 'speech' });
    expect(b!.startedAt!).toBeGreaterThanOrEqual(a!.endedAt!);
  });

  it('says a call that arrives while another is being spoken afterwards, not in between', async () => {
    const { announcer, log } = rig({ voices: ['speech'] });
    announcer.enable();
    announcer.enqueue(call('A001', '1'));
    await vi.waitFor(() => expect(log).toContain('speak 请A001号到1号窗口办理'));
    announcer.enqueue(call('A002', '4'));
    await settled(announcer, 2);
    expect(log.filter((l) => l.startsWith('speak'))).toEqual(['speak 请A001号到1号窗口办理', 'speak 请A001号到1号窗口办理', 'speak 请A002号到4号窗口办理', 'speak 请A002号到4号窗口办理']);
  });

  it('ignores a repeated delivery of the same event but announces a recall', async () => {
    const { announcer, log } = rig({ voices: ['speech'] });
    announcer.enable();
    expect(announcer.enqueue(call('A012', '3', { repeat: 1 }))).not.toBeNull();
    expect(announcer.enqueue(call('A012', '3', { repeat: 1 }))).toBeNull();
    expect(announcer.enqueue(call('A012', '3', { repeat: 1, callCount: 2, calledAt: 'later' }))).not.toBeNull();
    await settled(announcer, 2);
    expect(log.filter((l) => l.startsWith('speak'))).toHaveLength(2);
    expect(announcer.records.map((r) => r.callCount)).toEqual([1, 2]);
  });

  it('skips none of many calls arriving in a burst', async () => {
    const { announcer, log, maxActive } = rig({ voices: ['server'] });
    announcer.enable();
    const numbers = Array.from({ length: 25 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
    for (const n of numbers) announcer.enqueue(call(n, String((Number(n.slice(1)) % 6) + 1), { repeat: 1 }));
    await settled(announcer, 25);
    expect(log.filter((l) => l.startsWith('play')).map((l) => l.slice(5, 9))).toEqual(numbers);
    expect(announcer.records.every((r) => r.status === 'done' && r.via === 'server')).toBe(true);
    expect(maxActive()).toBe(1);
  });

  it('cuts off a hung utterance and goes on with the next call', async () => {
    const { announcer, log } = rig({ voices: ['speech'], speech: (text) => (text.includes('A001') ? 'hang' : 'ok') });
    announcer.enable();
    announcer.enqueue(call('A001', '1'));
    announcer.enqueue(call('A002', '1'));
    await settled(announcer, 2);
    const [hung, next] = announcer.records;
    expect(hung).toMatchObject({ status: 'failed', via: 'speech', error: 'speech: timeout' });
    expect(next).toMatchObject({ status: 'done', via: 'speech' });
    expect(log).toContain('abort speak 请A001号到1号窗口办理');
    // A failed call stops its own repeats: the hung voice was tried once.
    expect(log.filter((l) => l === 'speak 请A001号到1号窗口办理')).toHaveLength(1);
  });

  it('falls back to the server voice when speech errors, then passes speech over for a while', async () => {
    const { announcer, log } = rig({ voices: ['speech', 'server'], speech: () => 'error' });
    announcer.enable();
    announcer.enqueue(call('A001', '1'));
    announcer.enqueue(call('A002', '2'));
    await settled(announcer, 2);
    expect(announcer.records[0]).toMatchObject({ status: 'done', via: 'server', error: 'speech: synthesis-failed' });
    expect(announcer.records[1]).toMatchObject({ status: 'done', via: 'server' });
    expect(log.filter((l) => l.startsWith('speak'))).toHaveLength(1);
    expect(log.filter((l) => l.startsWith('play'))).toEqual(['play A001@1', 'play A001@1', 'play A002@2', 'play A002@2']);
  });

  it('keeps working after every voice failed', async () => {
    let broken = true;
    const { announcer } = rig({ voices: ['speech', 'server'], speech: () => (broken ? 'error' : 'ok'), server: () => (broken ? 'hang' : 'ok') });
    announcer.enable();
    announcer.enqueue(call('A001', '1'));
    await settled(announcer, 1);
    expect(announcer.records[0]).toMatchObject({ status: 'failed', via: 'server', error: 'server: timeout' });
    broken = false;
    announcer.enqueue(call('A002', '1'));
    await settled(announcer, 2);
    // Both voices failed lately, so the best one is tried again rather than none.
    expect(announcer.records[1]).toMatchObject({ status: 'done', via: 'speech' });
  });

  it('still speaks when the chime fails or hangs', async () => {
    const { announcer, log } = rig({ voices: ['speech'], chime: 'hang' });
    announcer.enable();
    announcer.enqueue(call('A001', '1', { repeat: 1 }));
    await settled(announcer, 1);
    expect(announcer.records[0]).toMatchObject({ status: 'done', via: 'speech' });
    expect(log).toEqual(['chime', 'abort chime', 'speak 请A001号到1号窗口办理']);
  });

  it('with no voice at all, chimes only', async () => {
    const { announcer, log } = rig({ voices: [] });
    announcer.enable();
    announcer.enqueue(call('A001', '1'));
    announcer.enqueue(call('A002', '2'));
    await settled(announcer, 2);
    expect(log).toEqual(['chime', 'chime']);
    expect(announcer.records.map((r) => [r.status, r.via])).toEqual([
      ['done', 'chime-only'],
      ['done', 'chime-only'],
    ]);
  });

  it('holds calls until sound is enabled, then drops those older than 30 s', async () => {
    let now = 1_000_000;
    const { announcer, log } = rig({ voices: ['speech'], now: () => now });
    announcer.enqueue(call('A001', '1', { repeat: 1 }));
    now += 20_000;
    announcer.enqueue(call('A002', '2', { repeat: 1 }));
    now += 15_000; // A001 is now 35 s old, A002 15 s
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    expect(announcer.records.map((r) => r.status)).toEqual(['queued', 'queued']);
    announcer.enable();
    await settled(announcer, 2);
    expect(announcer.records[0]).toMatchObject({ number: 'A001', status: 'failed', error: 'stale' });
    expect(announcer.records[1]).toMatchObject({ number: 'A002', status: 'done' });
    expect(log).toEqual(['chime', 'speak 请A002号到2号窗口办理']);
  });

  it('keeps the record bounded without losing calls still to be said', async () => {
    const { announcer } = rig({ voices: [], keep: 3 });
    announcer.enable();
    for (let i = 1; i <= 6; i++) announcer.enqueue(call(`D00${i}`, '5'));
    await vi.waitFor(() => expect(announcer.records.every((r) => r.status === 'done')).toBe(true));
    expect(announcer.records.map((r) => r.number)).toEqual(['D004', 'D005', 'D006']);
  });
});
