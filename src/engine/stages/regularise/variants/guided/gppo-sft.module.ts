import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../../registry/module';
import { successThresholdParam } from '../../../advantage/variants/outcome';
import { SURROGATE_PAPERS } from '../../../surrogate/variants/papers';
import type { Regulariser } from '../../regulariser';

export type SftNormalise = 'correct' | 'all';

export interface GppoSftParams {
  alpha: number;
  successThreshold: number;
  normalise: SftNormalise;
}

/**
 * Klear-Reasoner's NLL term on correct rollouts (algorithms-llm.md §7): with c_t = 1[R ≥ threshold]
 * of the step's sequence and aggW the policy loss's aggregation weights,
 *   'correct': α · Σ aggW·c·(−log π) / Σ aggW·c   (the aggregation over correct samples only; with
 *              token-mean, the token mean of −log π over correct samples as the paper states; 0 if none)
 *   'all':     α · Σ aggW·c·(−log π)              (the same weights as the policy loss)
 */
export function gppoSftLoss(logp: tf.Tensor1D, aggWeights: tf.Tensor1D, reward: tf.Tensor1D, p: GppoSftParams): tf.Scalar {
  return tf.tidy(() => {
    const w = tf.mul(aggWeights, tf.cast(tf.greaterEqual(reward, p.successThreshold), 'float32'));
    const sum = tf.sum(tf.mul(w, tf.neg(logp)));
    if (p.normalise === 'all') return tf.mul(p.alpha, sum) as tf.Scalar;
    // Σ w is a constant; where no step is correct the sum is 0 and the term vanishes.
    const denom = tf.maximum(tf.sum(w), 1e-12);
    return tf.mul(p.alpha, tf.div(sum, denom)) as tf.Scalar;
  });
}

export const gppoSft = defineModule({
  id: 'gppo-sft',
  stage: 'regularise',
  label: 'GPPO SFT on correct rollouts',
  explain: "Klear-Reasoner's extra NLL term: raise the log-probability of every token of the batch's correct rollouts, weighted by α.",
  formula: '\\mathcal{L} \\mathrel{+}= \\alpha \\,\\frac{\\sum_t \\mathrm{agg}_t\\, \\mathbb{1}[R_t \\ge \\tau]\\,(-\\log \\pi_\\theta(a_t\\mid s_t))}{\\sum_t \\mathrm{agg}_t\\, \\mathbb{1}[R_t \\ge \\tau]}',
  paper: SURROGATE_PAPERS.gppo,
  schema: z.object({
    alpha: z.number().min(0).max(10).default(0.1).describe('α: weight of the NLL term (Klear-Reasoner 0.1)'),
    successThreshold: successThresholdParam,
    normalise: z
      .enum(['correct', 'all'])
      .default('correct')
      .describe("'correct': the loss aggregation over correct samples only (Klear-Reasoner: token-mean of −log π over correct rollouts); 'all': the policy loss's own weights, so the term shrinks with the share of correct tokens"),
  }),
  create: (p): Regulariser => ({
    needsReference: false,
    refRefreshEvery: 0,
    loss: ({ logp, aggWeights, reward }) => gppoSftLoss(logp, aggWeights, reward, p),
  }),
});
