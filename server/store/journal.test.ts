import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, journalName, readJournal } from './journal.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'journal-'));
const line = (s: number) => JSON.stringify({ s, c: { type: 'take', id: `t${s}` } });

describe('journal after a crash mid-write', () => {
  it('cuts away a torn last line before appending, so the next start reads every entry', async () => {
    const d = dir();
    const file = path.join(d, journalName(1));
    // A kill -9 during the first write after a rotation: the file holds only a fragment.
    writeFileSync(file, line(1).slice(0, 10));
    expect(await readJournal(d, 0)).toEqual([]);
    const j = await Journal.open(d, 1);
    await j.append(line(1));
    await j.append(line(2));
    await j.close();
    expect((await readJournal<{ s: number }>(d, 0)).map((e) => e.s)).toEqual([1, 2]);
    expect(readFileSync(file, 'utf8')).toBe(`${line(1)}\n${line(2)}\n`);
  });

  it('keeps every whole line before the fragment', async () => {
    const d = dir();
    const file = path.join(d, journalName(1));
    writeFileSync(file, `${line(1)}\n${line(2)}\n`);
    appendFileSync(file, line(3).slice(0, 7));
    const j = await Journal.open(d, 1);
    await j.append(line(3));
    await j.close();
    expect((await readJournal(d, 0)).map((e) => e.s)).toEqual([1, 2, 3]);
    expect(readdirSync(d)).toEqual([journalName(1)]);
  });

  it('writes each batch whole and in order, durable when append resolves', async () => {
    const d = dir();
    const j = await Journal.open(d, 1);
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.append(line(i + 1))));
    await j.close();
    expect((await readJournal(d, 0)).map((e) => e.s)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
