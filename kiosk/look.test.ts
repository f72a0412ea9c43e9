import { describe, expect, it } from 'vitest';
import { COLOURS, gridColumns, serviceColour } from './look.ts';

/** WCAG 2 contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('business colours', () => {
  it('do not repeat within 20 businesses', () => {
    const first20 = Array.from({ length: 20 }, (_, i) => serviceColour(i).toLowerCase());
    expect(new Set(first20).size).toBe(20);
  });

  it('all carry white text at 4.5:1 or better', () => {
    for (const c of COLOURS) expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(4.5);
  });
});

describe('tile grid', () => {
  it('fits 1 to 20 businesses without an empty row', () => {
    for (let n = 1; n <= 20; n++) {
      const { portrait, landscape } = gridColumns(n);
      for (const cols of [portrait, landscape]) {
        expect(cols).toBeGreaterThanOrEqual(1);
        expect(Math.ceil(n / cols) * cols - n, `${n} in ${cols} columns`).toBeLessThan(cols);
      }
    }
  });

  it('keeps a real hall of 16 to 2×8 upright and 4×4 across', () => {
    expect(gridColumns(16)).toEqual({ portrait: 2, landscape: 4 });
    expect(gridColumns(8)).toEqual({ portrait: 2, landscape: 4 });
    expect(gridColumns(20)).toEqual({ portrait: 3, landscape: 5 });
  });
});

