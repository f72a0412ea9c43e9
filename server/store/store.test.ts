// The data directory: one server at a time, never re-seeded unless empty, private.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Hall } from '../hall.ts';
import { seedDemoHall } from '../seed.ts';
import { fileStore } from './index.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'store-'));
const t0 = Date.parse('2026-11-26T09:00:00+08:00');
const seed = async () => (await seedDemoHall(t0, 'pw-123456')).data;

describe('the data directory', () => {
  it('is held by one server: a second one refuses at once, and may start once the first has closed', async () => {
    const d = dir();
    const first = await fileStore(d);
    await expect(fileStore(d)).rejects.toThrow(/pid \d+/);
    await first.close();
    const second = await fileStore(d);
    await second.close();
  });

  it('takes over the lock of a server that is gone', async () => {
    const d = dir();
    // A process that ran and ended: its pid is free (or another process's now).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(d, 'hall.lock'), JSON.stringify({ pid: Number(gone.stdout), start: 1 }));
    const store = await fileStore(d);
    await store.close();
    // And a lock cut short by a power cut.
    writeFileSync(path.join(d, 'hall.lock'), '{"pi');
    await (await fileStore(d)).close();
  });

  it('seeds only an empty directory and refuses one that holds a hall without its snapshot', async () => {
    const withJournal = dir();
    writeFileSync(path.join(withJournal, 'journal-000000000001.ndjson'), '{"s":1,"f":[]}\n');
    await expect(Hall.open({ store: await fileStore(withJournal), clock: () => t0, seed })).rejects.toThrow(/journal-000000000001\.ndjson.*snapshot\.json/);

    const withArchive = dir();
    mkdirSync(path.join(withArchive, 'archive'));
    writeFileSync(path.join(withArchive, 'archive', '2026-11-25.json'), '{}');
    writeFileSync(path.join(withArchive, 'snapshot.json'), 'null');
    await expect(Hall.open({ store: await fileStore(withArchive), clock: () => t0, seed })).rejects.toThrow(/archive\/2026-11-25\.json/);

    const empty = dir();
    const hall = await Hall.open({ store: await fileStore(empty), clock: () => t0, seed });
    expect(hall.seeded).toBe(true);
    await hall.close();
  });

  it('keeps its files to the server’s user', async () => {
    const d = path.join(dir(), 'data');
    const hall = await Hall.open({ store: await fileStore(d), clock: () => t0, seed });
    await hall.run({ type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk' });
    await hall.close();
    expect(statSync(d).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(d)) {
      const st = statSync(path.join(d, f));
      expect([f, st.mode & 0o777]).toEqual([f, st.isDirectory() ? 0o700 : 0o600]);
    }
  });
});
