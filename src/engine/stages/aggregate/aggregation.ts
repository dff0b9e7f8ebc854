import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule, type PaperRef } from '../../registry/module';

export type AggregationMode = 'token-mean' | 'seq-mean-token-mean' | 'seq-mean-token-sum' | 'seq-mean-token-sum-norm';

export interface Aggregator {
  /**
   * Per-step weights w such that the aggregated loss is Σ w·l over the steps of a minibatch.
   * Every mode of verl's agg_loss is linear in l, so a weight vector expresses each exactly.
   */
  weights(seqIdOfStep: Int32Array, lNorm: number): Float32Array;
}

/** verl agg_loss (core_algos.py) as per-step weights; algorithms-llm.md §0.4. */
export function aggregationWeights(mode: AggregationMode, seqIdOfStep: Int32Array, lNorm: number): Float32Array {
  const n = seqIdOfStep.length;
  const w = new Float32Array(n);
  const counts = new Map<number, number>();
  for (const s of seqIdOfStep) counts.set(s, (counts.get(s) ?? 0) + 1);
  const nSeq = counts.size;
  for (let i = 0; i < n; i++) {
    const c = counts.get(seqIdOfStep[i])!;
    switch (mode) {
      case 'token-mean':
        w[i] = 1 / n;
        break;
      case 'seq-mean-token-mean':
        w[i] = 1 / (nSeq * c);
        break;
      case 'seq-mean-token-sum':
        w[i] = 1 / nSeq;
        break;
      case 'seq-mean-token-sum-norm':
        w[i] = 1 / (nSeq * lNorm);
        break;
    }
  }
  return w;
}

const verlPaper: PaperRef = {
  short: 'verl',
  title: 'HybridFlow: A Flexible and Efficient RLHF Framework (verl agg_loss)',
  authors: 'Sheng et al.',
  year: 2024,
  url: 'https://arxiv.org/abs/2409.19256',
};

function aggregationModule(
  mode: AggregationMode,
  label: string,
  explain: string,
  formula: string,
  paper: PaperRef,
) {
  return defineModule({
    id: mode,
    stage: 'aggregate',
    label,
    explain,
    formula,
    paper,
    schema: z.object({}),
    create: (): Aggregator => ({ weights: (ids, lNorm) => aggregationWeights(mode, ids, lNorm) }),
  });
}

export const tokenMean = aggregationModule(
  'token-mean',
  'Token mean',
  'Average over all steps of the batch: long sequences weigh more (DAPO, verl default, PPO).',
  '\\frac{\\sum_{i,t} l_{i,t}}{\\sum_i |o_i|}',
  PAPERS.dapo,
);
export const seqMeanTokenMean = aggregationModule(
  'seq-mean-token-mean',
  'Sequence mean of token means',
  'Average within each sequence, then over sequences (the original GRPO paper).',
  '\\frac{1}{|B|}\\sum_i \\frac{1}{|o_i|}\\sum_t l_{i,t}',
  PAPERS.grpo,
);
export const seqMeanTokenSum = aggregationModule(
  'seq-mean-token-sum',
  'Sequence mean of token sums',
  'Sum within each sequence, average over sequences (BNPO recipe, DCPO).',
  '\\frac{1}{|B|}\\sum_i \\sum_t l_{i,t}',
  verlPaper,
);
export const seqMeanTokenSumNorm = aggregationModule(
  'seq-mean-token-sum-norm',
  'Constant normaliser (Dr. GRPO)',
  'Sum within each sequence, divide by a constant L (the maximum length): no length bias.',
  '\\frac{1}{|B|}\\sum_i \\frac{1}{L}\\sum_t l_{i,t}',
  { short: 'Dr. GRPO', title: 'Understanding R1-Zero-Like Training: A Critical Perspective', authors: 'Liu et al.', year: 2025, url: 'https://arxiv.org/abs/2503.20783' },
);
