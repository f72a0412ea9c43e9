// The merge behind a period's waits: ascending runs (one per stored day) become the one
// ascending order the hall's `summary` would sort them into.
import { describe, expect, it } from 'vitest';
import { mergeRuns } from './reports.ts';

describe('mergeRuns', () => {
  it('merges any number of ascending runs, empty ones and ties included', () => {
    let s = 7;
    const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const k of [0, 1, 2, 3, 5, 8, 90]) {
      const runs = Array.from({ length: k }, () => Array.from({ length: Math.floor(rand() * 6) }, () => Math.floor(rand() * 10)).sort((a, b) => a - b));
      const bounds = [0];
      for (const r of runs) bounds.push(bounds.at(-1)! + r.length);
      const got = [...mergeRuns(Int32Array.from(runs.flat()), bounds)];
      expect(got, `${k} runs`).toEqual(runs.flat().sort((a, b) => a - b));
    }
  });
});
