import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { stopGradient } from '../../../nn/stop-gradient';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clipSideMasks } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface CispoParams {
  /** 'trl': w = min(r, epsilonMax) (an absolute cap); 'verl': w = clip(r, 1−ε_low, 1+ε_high). */
  convention: 'trl' | 'verl';
  epsilonMax: number;
  clipRatioLow: number;
  clipRatioHigh: number;
}

function bounds(p: CispoParams): { lo: number; hi: number } {
  return p.convention === 'trl' ? { lo: 0, hi: p.epsilonMax } : { lo: 1 - p.clipRatioLow, hi: 1 + p.clipRatioHigh };
}

/**
 * CISPO (grpo-libraries.md §1.4): REINFORCE with a clipped importance weight that carries no
 * gradient, l = −sg(w)·A·log π, so every token keeps a gradient −w·A·∇log π (none is cut).
 */
export function cispo(p: CispoParams): Surrogate {
  const { lo, hi } = bounds(p);
  return {
    loss({ logp, ratio, adv }: SurrogateInputs) {
      return tf.tidy(() => {
        const w = stopGradient(tf.clipByValue(ratio, lo, hi));
        return tf.neg(tf.mul(tf.mul(w, adv), logp)) as tf.Tensor1D;
      });
    },
    clipMasks({ ratio, adv }: SurrogateInputs) {
      // Tokens whose weight was capped (TRL's cispo_clip_ratio counts r > cap with A > 0); they keep a gradient.
      return clipSideMasks(ratio, adv, lo, hi);
    },
  };
}

export const cispoSurrogate = defineModule({
  id: 'cispo',
  stage: 'surrogate',
  label: 'CISPO clipped IS weight',
  explain: 'Policy gradient weighted by a clipped, gradient-free importance ratio: no token ever loses its gradient.',
  formula: 'l_t = -\\mathrm{sg}\\big(\\mathrm{clip}(r_t, 1-\\epsilon_{low}, 1+\\epsilon_{high})\\big)\\,A_t\\,\\log\\pi_\\theta(a_t|s_t)',
  paper: SURROGATE_PAPERS.cispo,
  schema: z.object({
    convention: z
      .enum(['trl', 'verl'])
      .default('trl')
      .describe("'trl': weight min(r, cap), no floor (TRL loss_type=\"cispo\"); 'verl': weight clip(r, 1−ε_low, 1+ε_high) (verl loss_mode cispo)"),
    epsilonMax: z.number().min(1).max(100).default(5).describe("Absolute cap on r under 'trl' (TRL epsilon_high for cispo; ScaleRL suggests 5.0)"),
    clipRatioLow: z.number().min(0).max(1).default(0.2).describe("ε_low under 'verl' (verl clip_ratio_low, 0.2)"),
    clipRatioHigh: z.number().min(0).max(10).default(0.28).describe("ε_high under 'verl' (verl clip_ratio_high)"),
  }),
  create: (p): Surrogate => cispo(p),
});
