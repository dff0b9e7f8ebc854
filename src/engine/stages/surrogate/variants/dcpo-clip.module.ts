import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Surrogate, SurrogateInputs } from '../surrogate';
import { clippedLoss, clipSideMasks, dualClip } from './clip-util';
import { SURROGATE_PAPERS } from './papers';

export interface DcpoClipParams {
  clipRatioLow: number;
  clipRatioHigh: number;
  clipRatioC: number | null;
}

/**
 * DCPO's dynamic-adaptive bounds for one old probability q (lime-RL/DCPO get_clip_low_high):
 * r_low = 0.5 + 0.5·sqrt(max(1 − 4ε_low/q, 0)), r_high = min(0.5 + 0.5·sqrt(1 + 4ε_high/q), max(c, 10)).
 */
export function dcpoBounds(q: number, p: DcpoClipParams): { low: number; high: number } {
  const cap = Math.max(p.clipRatioC ?? 10, 10);
  return {
    low: 0.5 + 0.5 * Math.sqrt(Math.max(1 - (4 * p.clipRatioLow) / q, 0)),
    high: Math.min(0.5 + 0.5 * Math.sqrt(1 + (4 * p.clipRatioHigh) / q), cap),
  };
}

/** The same bounds per step, from logp_old (a constant, so the bounds carry no gradient). */
function boundTensors(logpOld: tf.Tensor1D, p: DcpoClipParams): { low: tf.Tensor1D; high: tf.Tensor1D } {
  const cap = Math.max(p.clipRatioC ?? 10, 10);
  const q = tf.exp(logpOld);
  const low = tf.add(0.5, tf.mul(0.5, tf.sqrt(tf.relu(tf.sub(1, tf.div(4 * p.clipRatioLow, q))))));
  const high = tf.minimum(tf.add(0.5, tf.mul(0.5, tf.sqrt(tf.add(1, tf.div(4 * p.clipRatioHigh, q))))), cap);
  return { low: low as tf.Tensor1D, high: high as tf.Tensor1D };
}

/**
 * DCPO's clipped loss (algorithms-llm.md §6): §0.3 with the probability-dependent band
 * [r_low(q), r_high(q)], q = π_old(token), so rare tokens may move further; dual clip c for A < 0.
 */
export function dcpoClip(p: DcpoClipParams): Surrogate {
  return {
    loss({ ratio, adv, logpOld }: SurrogateInputs) {
      return tf.tidy(() => {
        const b = boundTensors(logpOld, p);
        return dualClip(clippedLoss(ratio, adv, b.low, b.high), adv, p.clipRatioC);
      });
    },
    clipMasks({ ratio, adv, logpOld }: SurrogateInputs) {
      return tf.tidy(() => {
        const b = boundTensors(logpOld, p);
        return clipSideMasks(ratio, adv, b.low, b.high);
      });
    },
  };
}

export const dcpoClipSurrogate = defineModule({
  id: 'dcpo-clip',
  stage: 'surrogate',
  label: 'DCPO dynamic clip',
  explain: "The clip band depends on the token's old probability: rare tokens may move much further than common ones.",
  formula:
    'l_t = \\max\\big(-A_t r_t, -A_t\\,\\mathrm{clip}(r_t, r_{low}(q_t), r_{high}(q_t))\\big),\\; r_{low}=\\tfrac12+\\tfrac12\\sqrt{\\max(1-\\tfrac{4\\epsilon_{low}}{q},0)},\\; r_{high}=\\min\\big(\\tfrac12+\\tfrac12\\sqrt{1+\\tfrac{4\\epsilon_{high}}{q}},\\,\\max(c,10)\\big),\\; q_t=\\pi_{old}(a_t|s_t)',
  paper: SURROGATE_PAPERS.dcpo,
  schema: z.object({
    clipRatioLow: z
      .number()
      .min(0)
      .max(1)
      .default(0.16)
      .describe('ε_low of the dynamic floor (verl clip_ratio_low); paper 0.16, released run script 0.2'),
    clipRatioHigh: z
      .number()
      .min(0)
      .max(10)
      .default(0.2)
      .describe('ε_high of the dynamic ceiling (verl clip_ratio_high); paper 0.2, released run script 0.28'),
    clipRatioC: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .default(10)
      .describe('Dual-clip bound c for A<0 (verl clip_ratio_c; DCPO script 10); the ceiling is also capped at max(c, 10); empty = no dual clip'),
  }),
  create: (p): Surrogate => dcpoClip(p),
});
