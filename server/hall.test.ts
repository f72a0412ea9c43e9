import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Hall } from './hall.ts';
import { seedDemoHall } from './seed.ts';
import { fileStore, type Store } from './store/index.ts';

/** A store whose journal writes finish only when the test says so. */
function heldStore() {
  const held: (() => void)[] = [];
  const store = {
    dir: '/nonexistent',
    load: async () => ({ data: null, seq: 0, entries: [] }),
    openJournal: async () => {},
    append: () => new Promise<void>((resolve) => held.push(resolve)),
    barrier: async () => {},
    recover: async () => {},
    snapshot: async () => {},
    archive: {} as Store['archive'],
    close: async () => {},
  } satisfies Store;
  return { store, release: () => held.splice(0).forEach((r) => r()), heldCount: () => held.length };
}

describe('Hall.whenDurable', () => {
  it('waits while a command is applied but not yet on disk, then runs once all are', async () => {
    const t0 = Date.parse('2026-11-26T09:00:00+08:00');
    const { store, release, heldCount } = heldStore();
    const hall = await Hall.open({ store, clock: () => t0, seed: async () => (await seedDemoHall(t0, 'pw-123456')).data });
    release(); // anything the opening wrote
    const ran: string[] = [];
    hall.whenDurable(() => ran.push('idle'));
    expect(ran).toEqual(['idle']);

    const first = hall.run({ type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk' });
    const second = hall.run({ type: 'take', id: 'b', serviceId: 'social', priority: false, channel: 'kiosk' });
    expect(hall.view((s) => s.tickets.a)).toBeDefined(); // applied at once, not yet durable
    hall.whenDurable(() => ran.push('both on disk'));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['idle']);
    expect(heldCount()).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(ran).toEqual(['idle', 'both on disk']);
  });
});

describe('the journal', () => {
  const t0 = Date.parse('2026-11-26T09:00:00+08:00');
  const seed = async () => (await seedDemoHall(t0, 'pw-123456')).data;

  it('holds each command as its versioned facts, which a restart folds back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-journal-'));
    const hall = await Hall.open({ store: await fileStore(dir), clock: () => t0, seed });
    await hall.run({ type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk' });
    await hall.run({ type: 'next', counterId: '1', userId: 'u-clerk1' });
    const lines = readdirSync(dir).filter((f) => f.startsWith('journal-')).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { s: 1, f: [expect.objectContaining({ type: 'TicketTaken', v: 1 })] },
      { s: 2, f: [{ type: 'TicketCalled', v: 1, ticketId: 'a', counterId: '1', clerkId: 'u-clerk1', at: '2026-11-26T09:00:00.000+08:00' }] },
    ]);
    const live = hall.view((s) => JSON.stringify(s));
    // A crash: no closing snapshot, so the next start must replay the facts. The lock
    // of a crashed server belongs to a dead process; this one is still alive, so it
    // lets go of the lock by hand.
    rmSync(path.join(dir, 'hall.lock'));
    const again = await Hall.open({ store: await fileStore(dir), clock: () => t0, seed });
    expect(again.view((s) => JSON.stringify(s))).toBe(live);
    await again.close();
  });

  it('still replays a journal of commands written before facts existed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-legacy-'));
    const data = await seed();
    writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify({ format: 1, seq: 0, savedAt: '', data }));
    const cmds = [
      { type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk', at: t0 },
      { type: 'next', counterId: '1', userId: 'u-clerk1', at: t0 + 60_000 },
      { type: 'complete', counterId: '1', userId: 'u-clerk1', outcome: 'committed', at: t0 + 600_000 },
    ];
    writeFileSync(path.join(dir, 'journal-000000000001.ndjson'), cmds.map((c, i) => JSON.stringify({ s: i + 1, c }) + '\n').join(''));
    const hall = await Hall.open({ store: await fileStore(dir), clock: () => t0 + 700_000, seed });
    expect(hall.view((s) => s.tickets.a)).toMatchObject({ number: 'A001', status: 'done', outcome: 'committed', dueDate: '2026-12-01' });
    expect(hall.view((s) => s.commitments)).toHaveLength(1);
    await hall.close();
    // Opening took a snapshot: the command journal is gone, the state stays.
    expect(readdirSync(dir).filter((f) => f.startsWith('journal-')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('')).toBe('');
    const reopened = await Hall.open({ store: await fileStore(dir), clock: () => t0 + 700_000, seed });
    expect(reopened.view((s) => s.tickets.a?.status)).toBe('done');
    await reopened.close();
  });
});

describe('a closed day whose archive cannot be written', () => {
  it('stays in the state and its snapshots, is shown as a problem, and is archived once the disk allows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-archive-'));
    let now = Date.parse('2026-11-26T16:00:00+08:00');
    const seed = async () => (await seedDemoHall(now, 'pw-123456')).data;
    const files = await fileStore(dir);
    let diskFull = true;
    const write = files.archive.write.bind(files.archive);
    files.archive.write = async (day) => (diskFull ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) : write(day));
    const hall = await Hall.open({ store: files, clock: () => now, seed });
    await hall.run({ type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk' });
    now = Date.parse('2026-11-27T08:00:00+08:00');
    await hall.run({ type: 'take', id: 'b', serviceId: 'social', priority: false, channel: 'kiosk' });
    await hall.archiveClosedDays();
    expect(hall.problems()).toEqual([expect.objectContaining({ code: 'archive_failed', message: expect.stringContaining('2026-11-26') })]);
    expect(hall.view((s) => s.closing?.map((d) => [d.day, d.tickets.map((t) => t.status)]))).toEqual([['2026-11-26', ['cancelled']]]);
    expect(hall.view((s) => s.today.day)).toBe('2026-11-27');

    // A restart while the disk is still full: the day comes back from the snapshot.
    await hall.close();
    expect(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')).data.closing).toHaveLength(1);
    const again = await Hall.open({ store: await reopen(dir), clock: () => now, seed });
    expect(again.view((s) => s.closing?.[0]?.tickets[0]?.id)).toBe('a');
    await again.close();

    // Space is freed: the next start archives it, and it leaves the state.
    diskFull = false;
    const freed = await Hall.open({ store: await fileStore(dir), clock: () => now, seed });
    expect(freed.problems()).toEqual([]);
    expect(freed.view((s) => s.closing)).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'archive', '2026-11-26.json'), 'utf8')).tickets.map((t: { id: string }) => t.id)).toEqual(['a']);
    await freed.close();

    async function reopen(d: string) {
      const s = await fileStore(d);
      s.archive.write = async () => Promise.reject(new Error('ENOSPC: no space left on device'));
      return s;
    }
  });
});

describe('a clock that jumps', () => {
  it('never moves the hall’s day on one reading, and does at a steady midnight', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-clock-'));
    let wall = Date.parse('2026-11-26T10:00:00+08:00');
    let mono = 0;
    const tick = (ms: number) => {
      wall += ms;
      mono += ms;
    };
    const logged: string[] = [];
    const seed = async () => (await seedDemoHall(wall, 'pw-123456')).data;
    const hall = await Hall.open({ store: await fileStore(dir), clock: () => wall, monotonic: () => mono, seed, log: (m) => logged.push(m) });
    const take = async (id: string) => (await hall.run({ type: 'take', id, serviceId: 'social', priority: false, channel: 'kiosk' })).ticket!;
    expect((await take('a')).number).toBe('A001');

    wall += 365 * 24 * 3_600_000; // someone sets the clock a year ahead
    tick(1000);
    expect((await take('b')).number).toBe('A002');
    expect(hall.today()).not.toBe('2026-11-26'); // the clock says so…
    expect(hall.view((s) => s.today.day)).toBe('2026-11-26'); // …the hall does not follow
    expect(logged.join('\n')).toMatch(/clock jumped ahead by 525600 min/);

    wall -= 365 * 24 * 3_600_000; // and puts it back a minute later
    tick(60_000);
    expect((await take('c')).number).toBe('A003');
    expect(hall.view((s) => s.today.day)).toBe('2026-11-26');

    // A real midnight, the clock running steadily: the day turns at once.
    tick(Date.parse('2026-11-27T00:00:05+08:00') - wall);
    const d = await take('d');
    expect([d.number, d.day]).toEqual(['A001', '2026-11-27']);
    await hall.close();
  });
});
