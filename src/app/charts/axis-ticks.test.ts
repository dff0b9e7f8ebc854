import { describe, expect, it } from 'vitest';
import { niceTicks, yRange } from './axis-ticks';

describe('live chart axes', () => {
  it('ticks at round steps: 0–1 by 0.2, 1–586 by 100, 0.013–0.087 by 0.01 (≈5 ticks)', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 586)).toEqual([100, 200, 300, 400, 500]);
    expect(niceTicks(0.013, 0.087).length).toBeGreaterThanOrEqual(4);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('y range: fixed ends from the spec, the data padded by 5% otherwise, NaN ignored', () => {
    expect(yRange([0.2, 0.7], [0, 1])).toEqual([0, 1]);
    const [lo, hi] = yRange([10, 20, NaN], undefined);
    expect(lo).toBeCloseTo(9.5);
    expect(hi).toBeCloseTo(20.5);
    expect(yRange([0.3], [0, (m) => m * 2])).toEqual([0, 0.6]);
    expect(yRange([], undefined)).toEqual([0, 1]);
  });
});
