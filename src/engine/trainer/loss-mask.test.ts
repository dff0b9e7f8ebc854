import { describe, expect, it } from 'vitest';
import { applyFixedAdvantages, combineMasks, maskedAggregation } from './loss-mask';
import { aggregationWeights } from '../stages/aggregate/aggregation';
import type { Batch } from '../core/batch';

const agg = (mode: Parameters<typeof aggregationWeights>[0]) => ({ weights: (ids: Int32Array, l: number) => aggregationWeights(mode, ids, l) });

describe('loss masks and sampler-fixed advantages', () => {
  it('token-mean over 5 steps with 2 masked: the 3 kept steps weigh 1/3 each, the masked 0', () => {
    const w = maskedAggregation(agg('token-mean'), Int32Array.from([0, 0, 0, 1, 1]), Float32Array.from([1, 0, 1, 0, 1]), 4);
    expect(Array.from(w).map((x) => +x.toFixed(6))).toEqual([0.333333, 0, 0.333333, 0, 0.333333]);
  });

  it('seq-mean-token-mean: a fully masked sequence leaves the sequence count (2 of 3 sequences remain)', () => {
    const w = maskedAggregation(agg('seq-mean-token-mean'), Int32Array.from([0, 0, 1, 1, 2]), Float32Array.from([1, 1, 0, 0, 1]), 4);
    expect(Array.from(w)).toEqual([0.25, 0.25, 0, 0, 0.5]);
  });

  it('an all-masked minibatch has zero weights (no NaN)', () => {
    expect(Array.from(maskedAggregation(agg('token-mean'), Int32Array.from([0, 1]), new Float32Array(2), 4))).toEqual([0, 0]);
  });

  it('a sequence with a fixed advantage overrides the estimator on its steps only', () => {
    const batch = { seqs: [{ start: 0, length: 2 }, { start: 2, length: 3, advantage: 1.5 }] } as unknown as Batch;
    const adv = Float32Array.from([0.1, 0.2, -1, -1, -1]);
    applyFixedAdvantages(batch, adv);
    expect(Array.from(adv)).toEqual([Math.fround(0.1), Math.fround(0.2), 1.5, 1.5, 1.5]);
  });
});

describe('steps dropped by a selecting weight module', () => {
  it('join the loss mask: 0 where dropped, the mask elsewhere', () => {
    expect(Array.from(combineMasks(Float32Array.from([1, 0, 1, 1]), Uint8Array.from([0, 0, 1, 0]))!)).toEqual([1, 0, 0, 1]);
    expect(Array.from(combineMasks(null, Uint8Array.from([1, 0]))!)).toEqual([0, 1]);
    expect(combineMasks(null, null)).toBeNull();
  });
});
