import { describe, expect, it } from 'vitest';
import type { QueueView } from '../shared/types.ts';
import { allIds, batches, movable, pruneSelection, waitingKey } from './queueControl.ts';

const t = (id: string) => ({ id, number: id.toUpperCase(), priority: false, takenAt: '2026-11-26T09:00:00+08:00' });
const queue: QueueView = { services: [{ serviceId: 'a', name: '社保', prefix: 'A', waiting: [t('a1'), t('a2')], noShows: [t('a0')] }] };

describe('cancel selection', () => {
  it('covers waiting tickets and no-shows of a business', () => {
    expect(allIds(queue.services[0]!)).toEqual(['a1', 'a2', 'a0']);
  });
  it('moves only the waiting tickets selected, and counts the no-shows left behind', () => {
    expect(movable(new Set(['a2', 'a0', 'gone']), queue)).toEqual({ ids: ['a2'], noShows: 1 });
  });
  it('drops tickets that left the list, and keeps the same set when nothing did', () => {
    const same = new Set(['a1', 'a0']);
    expect(pruneSelection(same, queue)).toBe(same);
    expect([...pruneSelection(new Set(['a1', 'gone']), queue)]).toEqual(['a1']);
  });
  it('splits a flood into the server’s batches', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches(Array.from({ length: 2500 }, (_, i) => i), 1000).map((b) => b.length)).toEqual([1000, 1000, 500]);
  });
  it('keys the list on the waiting counts', () => {
    expect(waitingKey([{ id: 'a', waiting: 3 }, { id: 'b', waiting: 0 }])).toBe('a:3,b:0');
  });
});
