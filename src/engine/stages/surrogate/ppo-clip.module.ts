import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Surrogate, SurrogateInputs } from './surrogate';

export interface PpoClipParams {
  clipRatioLow: number;
  clipRatioHigh: number;
  /** Dual-clip bound c for negative advantages (null: off). */
  clipRatioC: number | null;
  /** 'linear' shrinks both widths to 0 over the run (SB3 Zoo's clip_range schedule). */
  clipSchedule: 'constant' | 'linear';
}

/**
 * PPO's clipped surrogate as verl's compute_policy_loss_vanilla writes it (algorithms-llm.md §0.3):
 * l = max(−A r, −A clip(r, 1−ε_low, 1+ε_high)); with dual clip, l = min(l, −A c) where A < 0.
 */
export function ppoClip(p: PpoClipParams): Surrogate {
  const widths = (progress: number) => {
    const f = p.clipSchedule === 'linear' ? 1 - progress : 1;
    return { lo: 1 - p.clipRatioLow * f, hi: 1 + p.clipRatioHigh * f };
  };
  return {
    loss({ ratio, adv, progress }: SurrogateInputs) {
      return tf.tidy(() => {
        const { lo, hi } = widths(progress);
        const l1 = tf.neg(tf.mul(adv, ratio));
        const l2 = tf.neg(tf.mul(adv, tf.clipByValue(ratio, lo, hi)));
        const l = tf.maximum(l1, l2);
        if (p.clipRatioC === null) return l as tf.Tensor1D;
        const dual = tf.minimum(l, tf.mul(tf.neg(adv), p.clipRatioC));
        return tf.where(tf.less(adv, 0), dual, l) as tf.Tensor1D;
      });
    },
    clipMasks({ ratio, adv, progress }: SurrogateInputs) {
      return tf.tidy(() => {
        const { lo, hi } = widths(progress);
        const low = tf.logicalAnd(tf.less(adv, 0), tf.less(ratio, lo)).toFloat() as tf.Tensor1D;
        const high = tf.logicalAnd(tf.greater(adv, 0), tf.greater(ratio, hi)).toFloat() as tf.Tensor1D;
        return { low, high };
      });
    },
  };
}

export const ppoClipSurrogate = defineModule({
  id: 'ppo-clip',
  stage: 'surrogate',
  label: 'PPO clipped ratio',
  explain: 'Reuse a batch for several epochs; the ratio is clipped so one update cannot move the policy far.',
  formula:
    'l_t = \\max\\big(-A_t r_t,\\; -A_t\\,\\mathrm{clip}(r_t, 1-\\epsilon_{low}, 1+\\epsilon_{high})\\big),\\; r_t = \\frac{\\pi_\\theta(a_t|s_t)}{\\pi_{old}(a_t|s_t)}',
  paper: PAPERS.ppo,
  schema: z.object({
    clipRatioLow: z.number().min(0).max(1).default(0.2).describe('ε_low: ratio floor 1−ε_low (verl clip_ratio_low, TRL epsilon)'),
    clipRatioHigh: z.number().min(0).max(10).default(0.2).describe('ε_high: ratio ceiling 1+ε_high (verl clip_ratio_high, TRL epsilon_high)'),
    clipRatioC: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .describe('Dual-clip bound c for A<0 (verl clip_ratio_c, 3.0); empty = off'),
    clipSchedule: z.enum(['constant', 'linear']).default('constant').describe('Linear: widths shrink to 0 over the run (SB3 Zoo)'),
  }),
  create: (p): Surrogate => ppoClip(p),
});
