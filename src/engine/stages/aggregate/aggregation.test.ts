import { describe, expect, it } from 'vitest';
import { aggregationWeights, type AggregationMode } from './aggregation';

describe('loss aggregation modes (algorithms-llm.md §0.4)', () => {
  // Sequence A: 2 steps with loss +1; sequence B: 6 steps with loss −1; L_norm = 8.
  const seqIds = Int32Array.from([0, 0, 1, 1, 1, 1, 1, 1]);
  const losses = [1, 1, -1, -1, -1, -1, -1, -1];
  const agg = (mode: AggregationMode) => {
    const w = aggregationWeights(mode, seqIds, 8);
    return losses.reduce((s, l, i) => s + w[i] * l, 0);
  };
  it('token-mean = −0.5', () => expect(agg('token-mean')).toBeCloseTo(-0.5, 6));
  it('seq-mean-token-mean = 0', () => expect(agg('seq-mean-token-mean')).toBeCloseTo(0, 6));
  it('seq-mean-token-sum = −2', () => expect(agg('seq-mean-token-sum')).toBeCloseTo(-2, 6));
  it('seq-mean-token-sum-norm (Dr. GRPO) = −0.25', () => expect(agg('seq-mean-token-sum-norm')).toBeCloseTo(-0.25, 6));
});
