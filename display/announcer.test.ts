// The announcement queue with fake voices: what it says, in which order, and that a
// voice that errors or hangs never stalls the calls behind it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE, displayText, spokenText } from '../shared/core/announce.ts';
import { Announcer, estimateMs, type AnnouncerDeps, type Call, type Voice } from './announcer.ts';

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
      // Like the real voices, a sound stops when aborted (a loaded machine can let a timeout fire first).
      const t = setTimeout(() => end(resolve), 3);
      signal.addEventListener('abort', () => (clearTimeout(t), end(resolve)), { once: true });
    });
  const deps: AnnouncerDeps = {
    voices: () => opts.voices ?? ['speech', 'server'],
    chime: (signal) => run('chime', opts.chime ?? 'ok', signal),
    speak: (text, signal) => run(`speak ${text}`, opts.speech?.(text, speechN++) ?? 'ok', signal),
    play: (c, signal) => run(`play ${c.number}@${c.counterId}`, opts.server?.(c, serverN++) ?? 'ok', signal),
    // Long beside the fake sounds' 3 ms, so only a hung voice reaches them, even on a loaded machine.
    utteranceTimeoutMs: () => 250,
    chimeTimeoutMs: 250,
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

/**
 * Voices that take as long as real ones, on a fake clock: the chime its 2.05 s, the
 * server's WAV its measured length (espeak-ng's pace, reported like the page reports a
 * WAV's duration), browser speech its estimated length (reporting nothing).
 */
function timedRig(voice: Voice, over: Partial<AnnouncerDeps> = {}) {
  const said: { what: string; pace: number; at: number }[] = [];
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  const announcer = new Announcer({
    voices: () => [voice],
    chime: (signal) => wait(2050, signal),
    speak: async (text, signal, pace) => {
      said.push({ what: text, pace, at: Date.now() });
      await wait(estimateMs(text, 'speech', pace), signal);
    },
    play: async (c, signal, pace) => {
      said.push({ what: c.spoken, pace, at: Date.now() });
      const length = estimateMs(c.spoken, 'server', pace);
      await wait(length, signal);
      return length;
    },
    ...over,
  });
  return { announcer, said };
}

/** Window n calls its next ticket, worded as the hall's default template says it. */
function windowCall(n: number): Call {
  const number = `${'ABCDEFGHJKLM'[n - 1]}0${String(10 + n)}`;
  const name = `${n}号窗口`;
  return { number, counterId: String(n), callCount: 1, calledAt: `2025-03-04T09:00:0${n % 10}.000+08:00`, text: displayText(DEFAULT_TEMPLATE, number, name), spoken: spokenText(DEFAULT_TEMPLATE, number, name), repeat: 2 };
}

describe('Announcer under a rush (fake clock, voices as long as real ones)', () => {
  beforeEach(() => void vi.useFakeTimers({ now: new Date('2025-03-04T01:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  async function burst(voice: Voice, over: Partial<AnnouncerDeps> = {}) {
    const { announcer, said } = timedRig(voice, over);
    announcer.enable();
    const start = Date.now();
    const calls = Array.from({ length: 12 }, (_, i) => windowCall(i + 1));
    // 12 windows call within a second.
    for (const c of calls) {
      announcer.enqueue(c);
      await vi.advanceTimersByTimeAsync(80);
    }
    await vi.advanceTimersByTimeAsync(300_000);
    return { announcer, said, start, calls };
  }

  for (const voice of ['server', 'speech'] as const) {
    it(`says each of 12 calls made within a second once, in order, all within 60 s (${voice} voice)`, async () => {
      const { announcer, said, start, calls } = await burst(voice);
      const records = announcer.records;
      expect(records.map((r) => [r.number, r.counterId, r.status, r.via])).toEqual(calls.map((c) => [c.number, c.counterId, 'done', voice]));
      // Once each, and in call order: every call's words, none skipped or read twice.
      expect(said.map((s) => s.what)).toEqual(calls.map((c) => c.spoken));
      // The first call starts as usual (its chime); the rest of the rush is brisk: read once, without a chime.
      expect(records[0]).toMatchObject({ chimed: true, brisk: true, pace: 1.3 });
      expect(records.slice(1).every((r) => r.brisk && r.pace === 1.3 && r.utteranceMs.length === 1 && !r.chimed)).toBe(true);
      // Heard within 60 s of the first call, by the clock and by the recorded lengths.
      const last = records.at(-1)!;
      expect(last.endedAt! - start).toBeLessThanOrEqual(60_000);
      const recorded = records.reduce((t, r) => t + r.speechMs, 0) + 600 * (records.length - 1);
      expect(recorded).toBeLessThanOrEqual(60_000);
      expect(recorded).toBeGreaterThan(40_000); // the lengths are real ones, not zeros
      for (const [i, r] of records.entries()) if (i > 0) expect(r.startedAt!).toBeGreaterThanOrEqual(records[i - 1]!.endedAt!);
    });
  }

  it('without the brisk rule the same rush would take minutes (what the rule is for)', async () => {
    const { announcer, start } = await burst('server', { briskAfterMs: Infinity });
    const last = announcer.records.at(-1)!;
    expect(last.status).toBe('done');
    expect(last.endedAt! - start).toBeGreaterThan(150_000);
    expect(announcer.records.every((r) => r.utteranceMs.length === 2 && r.chimed && !r.brisk)).toBe(true);
  });

  it('reads two calls made together as usual: chime, twice, unhurried', async () => {
    const { announcer, said } = timedRig('server');
    announcer.enable();
    announcer.enqueue(windowCall(3));
    announcer.enqueue(windowCall(7));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(announcer.records.map((r) => [r.status, r.brisk, r.chimed, r.utteranceMs.length])).toEqual([
      ['done', false, true, 2],
      ['done', false, true, 2],
    ]);
    expect(said.every((s) => s.pace === 1)).toBe(true);
    // The measured length of the WAV is what the record keeps: 2.05 s chime, two readings, the gap between.
    const [a] = announcer.records;
    expect(a!.utteranceMs).toEqual([estimateMs(windowCall(3).spoken, 'server'), estimateMs(windowCall(3).spoken, 'server')]);
    expect(a!.speechMs).toBe(2050 + 2 * a!.utteranceMs[0]! + 600);
  });

  it('cuts the repeats of the call being read when a rush comes in meanwhile, and marks the call being said', async () => {
    const { announcer } = timedRig('speech');
    announcer.enable();
    announcer.enqueue(windowCall(1));
    await vi.advanceTimersByTimeAsync(3000); // chime done, first reading under way
    expect(announcer.speaking?.number).toBe(windowCall(1).number);
    for (let n = 2; n <= 6; n++) announcer.enqueue(windowCall(n));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(announcer.speaking).toBeNull();
    const [first, ...rest] = announcer.records;
    // Begun unhurried, the first call is said once: the rush arrived before its repeat.
    expect(first).toMatchObject({ status: 'done', brisk: true, pace: 1 });
    expect(first!.utteranceMs).toHaveLength(1);
    expect(rest.map((r) => [r.status, r.brisk, r.utteranceMs.length])).toEqual(Array(5).fill(['done', true, 1]));
    // Once the rush is said, the next call is read as usual again.
    announcer.enqueue(windowCall(9));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(announcer.records.at(-1)).toMatchObject({ status: 'done', brisk: false, pace: 1, chimed: true });
    expect(announcer.records.at(-1)!.utteranceMs).toHaveLength(2);
  });

  it('estimates a reading from its characters at the voice\'s pace', () => {
    expect(estimateMs('请A零一二号到三号窗口办理', 'server')).toBe(4880);
    expect(estimateMs('请A零一二号到三号窗口办理', 'server', 1.3)).toBe(3754);
    expect(estimateMs('请 A012 号', 'speech')).toBe(Math.round(6000 / 3.825));
  });
});
