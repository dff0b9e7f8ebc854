import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clipSideMasks, dualClip } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface GppoParams {
  clipRatioLow: number;
  clipRatioHigh: number;
  beta1: number;
  beta2: number;
  clipRatioC: number | null;
}

/**
 * GPPO (algorithms-llm.md §7, Kwai-Klear compute_gppo_loss_general_beta): outside the band the
 * constant clip bound b is replaced by (b / sg(r))·r, whose value is b but whose gradient is
 * b·∇log π, so clipped tokens still send a bounded gradient:
 *   l = −β1(1−ε_low)/sg(r)·r·A  if r < 1−ε_low and A < 0
 *   l = −β2(1+ε_high)/sg(r)·r·A if r > 1+ε_high and A > 0
 *   l = −r·A otherwise;  dual clip c for A < 0 kept.
 * With β1 = β2 = 1 the forward value equals PPO's clipped value; the gradient factor F in
 * ∇l = −F·A·∇log π is β1(1−ε_low), β2(1+ε_high) or r.
 */
export function gppo(p: GppoParams): Surrogate {
  const lo = 1 - p.clipRatioLow;
  const hi = 1 + p.clipRatioHigh;
  return {
    loss({ ratio, adv }: SurrogateInputs) {
      // Coefficient k = β·bound/sg(r) on the clipped sides, 1 inside the band. It is built from the
      // ratio's values (a constant, which is what sg means), so no comparison op sits on the
      // gradient tape (tfjs has no gradient for LogicalAnd).
      const r = ratio.dataSync();
      const a = adv.dataSync();
      const k = new Float32Array(r.length);
      for (let i = 0; i < r.length; i++) {
        if (a[i] < 0 && r[i] < lo) k[i] = (p.beta1 * lo) / r[i];
        else if (a[i] > 0 && r[i] > hi) k[i] = (p.beta2 * hi) / r[i];
        else k[i] = 1;
      }
      return tf.tidy(() => dualClip(tf.neg(tf.mul(adv, tf.mul(tf.tensor1d(k), ratio))) as tf.Tensor1D, adv, p.clipRatioC));
    },
    clipMasks({ ratio, adv }: SurrogateInputs) {
      // Steps whose value is clipped; under GPPO they still carry a gradient.
      return clipSideMasks(ratio, adv, lo, hi);
    },
  };
}

export const gppoSurrogate = defineModule({
  id: 'gppo',
  stage: 'surrogate',
  label: 'GPPO gradient-preserving clip',
  explain: "PPO's clipped value, but clipped tokens keep a bounded gradient (bound/sg(r)·r) instead of none.",
  formula:
    'l_t = -A_t\\,\\frac{\\beta_1(1-\\epsilon_{low})}{\\mathrm{sg}(r_t)}r_t \\;[r_t<1-\\epsilon_{low}, A_t<0],\\; -A_t\\,\\frac{\\beta_2(1+\\epsilon_{high})}{\\mathrm{sg}(r_t)}r_t \\;[r_t>1+\\epsilon_{high}, A_t>0],\\; -A_t r_t \\text{ otherwise}',
  paper: SURROGATE_PAPERS.gppo,
  schema: z.object({
    clipRatioLow: z.number().min(0).max(1).default(0.2).describe('ε_low: band floor 1−ε_low (verl clip_ratio_low; Klear-Reasoner 0.2)'),
    clipRatioHigh: z.number().min(0).max(10).default(0.28).describe('ε_high: band ceiling 1+ε_high (verl clip_ratio_high; Klear-Reasoner 0.28)'),
    beta1: z
      .number()
      .min(0)
      .max(2)
      .default(1)
      .describe('β1: gradient scale of tokens below the floor (A<0); paper base GPPO 1, README advice 0.25–0.5 against entropy collapse'),
    beta2: z.number().min(0).max(2).default(1).describe('β2: gradient scale of tokens above the ceiling (A>0); paper 1'),
    clipRatioC: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .default(10)
      .describe('Dual-clip bound c for A<0 (verl clip_ratio_c; Klear-Reasoner recipes 10); empty = off'),
  }),
  create: (p): Surrogate => gppo(p),
});
