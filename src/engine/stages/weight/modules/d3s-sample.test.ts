import { describe, expect, it } from 'vitest';
import { grpoAdvantages } from '../../advantage/grpo.module';
import { d3sSample, maxVarianceSubset } from './d3s-sample.module';
import { fixtureBatch, perStep } from './fixtures';

const popVar = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length;
};

describe('D³S sample level: max-Var(A) subset (algorithms-llm.md §14, Appendix C)', () => {
  // G = 8, R = [1,1,0,0,0,0,0,0] → A = [1.6202 ×2, −0.5401 ×6].
  const R = [1, 1, 0, 0, 0, 0, 0, 0];
  const A = [...grpoAdvantages(R, R.map(() => 0), 'group')];

  it('m = 4 keeps both positives and two negatives, Var = 1.1667 (four negatives would give 0)', () => {
    const pick = maxVarianceSubset(A, 4);
    expect(pick).toHaveLength(4);
    expect(pick.filter((i) => R[i] === 1)).toEqual([0, 1]);
    expect(popVar(pick.map((i) => A[i]))).toBeCloseTo(1.1667, 4);
  });

  it('as a weighter: 0/1 per step, m/G = 0.5 at the start, the whole group once the ramp ends', () => {
    const b = fixtureBatch(R.map((r) => ({ entropy: [0.5, 0.5], group: 0, reward: r })));
    const adv = perStep(b, A);
    const mod = d3sSample.create(d3sSample.schema.parse({}));
    const start = mod.weights(b, adv, { progress: 0, random: () => 0 });
    expect([...start]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // progress 0.25 → m/G = 0.75 → m = 6: both positives and four negatives.
    const mid = mod.weights(b, adv, { progress: 0.25, random: () => 0 });
    expect(mid.reduce((a, x) => a + x, 0)).toBe(12);
    expect([...mod.weights(b, adv, { progress: 0.5, random: () => 0 })].every((x) => x === 1)).toBe(true);
  });

  it("'batch' scope chooses across groups", () => {
    // Two groups of 2; A = [1, −1] and [0.1, −0.1]; m = 2 of 4 → the first group's pair.
    const b = fixtureBatch([0, 0, 1, 1].map((g) => ({ entropy: [0], group: g })));
    const adv = perStep(b, [1, -1, 0.1, -0.1]);
    const mod = d3sSample.create(d3sSample.schema.parse({ scope: 'batch' }));
    expect([...mod.weights(b, adv, { progress: 0, random: () => 0 })]).toEqual([1, 1, 0, 0]);
    const perGroup = d3sSample.create(d3sSample.schema.parse({}));
    expect([...perGroup.weights(b, adv, { progress: 0, random: () => 0 })]).toEqual([1, 1, 1, 1]);
  });
});
