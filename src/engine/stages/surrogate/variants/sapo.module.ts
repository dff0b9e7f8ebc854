import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { SURROGATE_PAPERS } from './papers';

export interface SapoParams {
  tauPos: number;
  tauNeg: number;
}

/**
 * SAPO's soft gate (grpo-libraries.md §1.4, T2): f(r) = sigmoid(τ(r−1))·4/τ with τ = τ_pos if A > 0
 * else τ_neg; l = −f(r)·A. f(1) = 2/τ and f'(1) = 1, so on-policy tokens get the plain policy
 * gradient, and the gradient decays smoothly as r leaves 1 instead of being cut.
 */
export function sapo(p: SapoParams): Surrogate {
  return {
    loss({ ratio, adv }: SurrogateInputs) {
      return tf.tidy(() => {
        const tau = tf.where(tf.greater(adv, 0), tf.fill(adv.shape, p.tauPos), tf.fill(adv.shape, p.tauNeg));
        const gate = tf.div(tf.mul(tf.sigmoid(tf.mul(tau, tf.sub(ratio, 1))), 4), tau);
        return tf.neg(tf.mul(gate, adv)) as tf.Tensor1D;
      });
    },
    clipMasks: () => null,
  };
}

export const sapoSurrogate = defineModule({
  id: 'sapo',
  stage: 'surrogate',
  label: 'SAPO soft gate',
  explain: 'A smooth sigmoid gate replaces the hard clip: the gradient fades as the ratio leaves 1 instead of stopping.',
  formula: 'l_t = -A_t\\,\\frac{4}{\\tau}\\,\\sigma\\big(\\tau (r_t - 1)\\big),\\; \\tau = \\tau_{pos} \\text{ if } A_t>0 \\text{ else } \\tau_{neg}',
  paper: SURROGATE_PAPERS.sapo,
  schema: z.object({
    tauPos: z.number().min(0.01).max(100).default(1).describe('τ for A>0 (TRL sapo_temperature_pos, verl tau_pos; 1.0)'),
    tauNeg: z
      .number()
      .min(0.01)
      .max(100)
      .default(1.05)
      .describe('τ for A≤0 (TRL sapo_temperature_neg, verl tau_neg; 1.05). verl forces seq-mean-token-mean aggregation with SAPO'),
  }),
  create: (p): Surrogate => sapo(p),
});
