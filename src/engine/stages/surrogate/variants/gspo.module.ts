import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clippedLoss, clipSideMasks } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface GspoParams {
  clipRatioLow: number;
  clipRatioHigh: number;
}

/**
 * The sequence-level importance ratio s_i = exp(mean_t (logp − logp_old)) over the steps of each
 * sequence present in the minibatch, broadcast back to its steps; the gradient flows through the
 * mean. Built with a one-hot [steps × seqCount] matrix product (no segment-sum or gather gradient,
 * which the wasm backend lacks). The log is capped at 10 as verl's gspo loss does.
 */
export function sequenceRatio({ logp, logpOld, seqIds, seqCount }: SurrogateInputs): tf.Tensor1D {
  return tf.tidy(() => {
    const n = seqIds.length;
    const k = Math.max(seqCount, 1);
    const oneHot = new Float32Array(n * k);
    const counts = new Float32Array(k);
    for (let t = 0; t < n; t++) {
      oneHot[t * k + seqIds[t]] = 1;
      counts[seqIds[t]] += 1;
    }
    const invCount = counts.map((c) => (c > 0 ? 1 / c : 0));
    const m = tf.tensor2d(oneHot, [n, k]);
    const logRatio = tf.reshape(tf.sub(logp, logpOld), [n, 1]);
    const seqMean = tf.mul(tf.matMul(m, logRatio, true, false), tf.tensor2d(invCount, [k, 1]));
    const perStep = tf.reshape(tf.matMul(m, seqMean), [n]);
    return tf.exp(tf.minimum(perStep, 10)) as tf.Tensor1D;
  });
}

/**
 * GSPO (grpo-libraries.md §1.4, T2): PPO's clip applied to the sequence ratio s_i with GSPO's very
 * small ε: l_{i,t} = max(−A s_i, −A clip(s_i, 1−ε_low, 1+ε_high)). With one advantage per sequence
 * and seq-mean-token-mean aggregation this is the paper's sequence objective.
 */
export function gspo(p: GspoParams): Surrogate {
  const lo = 1 - p.clipRatioLow;
  const hi = 1 + p.clipRatioHigh;
  return {
    loss(x: SurrogateInputs) {
      return tf.tidy(() => clippedLoss(sequenceRatio(x), x.adv, lo, hi));
    },
    clipMasks(x: SurrogateInputs) {
      return tf.tidy(() => clipSideMasks(sequenceRatio(x), x.adv, lo, hi));
    },
  };
}

export const gspoSurrogate = defineModule({
  id: 'gspo',
  stage: 'surrogate',
  label: 'GSPO sequence ratio',
  explain: 'One importance ratio per sequence (geometric mean of its token ratios), clipped in a very narrow band.',
  formula:
    's_i = \\exp\\Big(\\frac{1}{|o_i|}\\sum_t \\log\\frac{\\pi_\\theta(o_{i,t}|s_{i,t})}{\\pi_{old}(o_{i,t}|s_{i,t})}\\Big),\\; l_{i,t} = \\max\\big(-A_i s_i,\\; -A_i\\,\\mathrm{clip}(s_i, 1-\\epsilon_{low}, 1+\\epsilon_{high})\\big)',
  paper: SURROGATE_PAPERS.gspo,
  schema: z.object({
    clipRatioLow: z
      .number()
      .min(0)
      .max(1)
      .default(3e-4)
      .describe('ε_low of the sequence ratio (verl clip_ratio_low, TRL epsilon); GSPO authors 3e-4. Pair with seq-mean-token-mean aggregation (verl forces it)'),
    clipRatioHigh: z
      .number()
      .min(0)
      .max(10)
      .default(4e-4)
      .describe('ε_high of the sequence ratio (verl clip_ratio_high, TRL epsilon_high); GSPO authors 4e-4'),
  }),
  create: (p): Surrogate => gspo(p),
});
