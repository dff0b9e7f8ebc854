import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { drawVasBatch, outcomeVariance, vasMomentum, vasSlotProbabilities, weightedSlots } from './vas-weights';

const close = (xs: ArrayLike<number>, ys: number[], digits = 4) => Array.from(xs).forEach((x, i) => expect(x).toBeCloseTo(ys[i], digits));

describe('MMR1 variance-aware sampling (algorithms-llm.md §16, Appendix C)', () => {
  const passRates = [0, 0.25, 0.5, 1];
  const ovs = passRates.map(outcomeVariance);

  it('pass rates [0, 0.25, 0.5, 1] → OVS [0, 0.1875, 0.25, 0]', () => close(ovs, [0, 0.1875, 0.25, 0]));

  it('weighted part [0, 0.4286, 0.5714, 0]; per slot with λ = 0.5: [0.125, 0.3393, 0.4107, 0.125]', () => {
    close(vasSlotProbabilities(ovs, 1), [0, 0.4286, 0.5714, 0]);
    close(vasSlotProbabilities(ovs, 0.5), [0.125, 0.3393, 0.4107, 0.125]);
  });

  it('momentum: w ← μ·w_old + (1 − μ)·VPS; the first refresh takes VPS', () => {
    const first = vasMomentum(null, Float64Array.from(ovs), 0.5);
    close(first, ovs);
    close(vasMomentum(first, Float64Array.from([0.25, 0, 0, 0.25]), 0.5), [0.125, 0.09375, 0.125, 0.125]);
  });

  it('a batch of 4 with λ = 0.5: 2 weighted slots, 2 distinct uniform ones, slot frequencies as computed', () => {
    expect(weightedSlots(4, 0.5)).toBe(2);
    expect(weightedSlots(5, 0.5)).toBe(2);
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0];
    const batches = 20_000;
    let repeatedUniform = 0;
    for (let b = 0; b < batches; b++) {
      const idx = drawVasBatch(ovs, 4, 0.5, rng);
      if (idx[2] === idx[3]) repeatedUniform += 1;
      idx.forEach((i) => (counts[i] += 1));
    }
    expect(repeatedUniform).toBe(0);
    close(counts.map((c) => c / (4 * batches)), [0.125, 0.3393, 0.4107, 0.125], 2);
  });
});
