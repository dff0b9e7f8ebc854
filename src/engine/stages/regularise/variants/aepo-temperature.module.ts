import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { stopGradient } from '../../../nn/stop-gradient';
import type { Regulariser } from '../regulariser';
import { REGULARISE_PAPERS } from './papers';
import { readMean } from './read-mean';

export interface AepoState {
  /** Mean token entropy the last call measured (NaN before the first). */
  entropy: number;
  /** Temperature T the controller chose from it. */
  temperature: number;
  /** Weight the regulariser had: α, or α/2 above the target (AEPO halves n_reg there). */
  alpha: number;
}

export interface AepoParams {
  entropyTarget: number;
  tHigh: number;
  tLow: number;
  alpha: number;
}

/** AEPO's bang-bang controller (§10): T_high and the full weight at or below the target, else T_low and half. */
export function aepoControl(entropy: number, p: AepoParams): AepoState {
  const below = entropy <= p.entropyTarget;
  return { entropy, temperature: below ? p.tHigh : p.tLow, alpha: below ? p.alpha : p.alpha / 2 };
}

/**
 * −α · Σ_t aggW_t · ŵ_t · log π_θ(a_t|s_t), with ŵ_t = sg(π(a_t|s_t))^{1/T−1} normalised so that
 * Σ aggW·ŵ = Σ aggW: a self-normalised importance weight that turns the batch's own samples
 * (drawn at T = 1) into samples of π^T, so the term is REINFORCE with reward 1 on π^T samples.
 */
export function aepoLoss(logp: tf.Tensor1D, aggWeights: tf.Tensor1D, s: AepoState): tf.Scalar {
  return tf.tidy(() => {
    const lw = tf.mul(1 / s.temperature - 1, stopGradient(logp));
    const w = tf.exp(tf.sub(lw, tf.max(lw)));
    const norm = tf.div(tf.sum(tf.mul(aggWeights, w)), tf.sum(aggWeights));
    const wHat = tf.div(w, norm);
    return tf.mul(-s.alpha, tf.sum(tf.mul(tf.mul(aggWeights, wHat), logp))) as tf.Scalar;
  });
}

export const aepoTemperature = defineModule({
  id: 'aepo-temperature',
  stage: 'regularise',
  label: 'AEPO temperature regulariser',
  explain:
    'Approximation of AEPO: holds entropy near a target by imitating a hotter (T > 1, below target) or colder (T < 1, above) version of the policy, reweighting the batch instead of drawing extra samples at T.',
  formula:
    '\\mathcal{L} \\mathrel{+}= -\\alpha_k \\sum_t \\mathrm{agg}_t\\,\\hat w_t \\log \\pi_\\theta(a_t\\mid s_t),\\; \\hat w_t \\propto \\mathrm{sg}(\\pi_\\theta(a_t\\mid s_t))^{1/T_k - 1},\\; (T_k, \\alpha_k) = \\begin{cases} (T_{\\mathrm{high}}, \\alpha) & H \\le H^\\star \\\\ (T_{\\mathrm{low}}, \\alpha/2) & \\text{otherwise} \\end{cases}',
  paper: REGULARISE_PAPERS.aepo,
  schema: z.object({
    entropyTarget: z
      .number()
      .min(0)
      .max(20)
      .default(0.5)
      .describe('H: target mean token entropy (AEPO entropy_base; 0.5 in the script, best README result at 0.75)'),
    tHigh: z.number().min(1).max(5).default(1.2).describe('T_high: temperature imitated while entropy is at or below the target (AEPO 1.2)'),
    tLow: z.number().min(0.05).max(1).default(0.8).describe('T_low: temperature imitated above the target (AEPO 0.8)'),
    alpha: z
      .number()
      .min(0)
      .max(10)
      .default(0.1)
      .describe('α: weight of the regulariser, halved above the target (AEPO sets it implicitly as n_reg/batch: up to 60 of 2560 samples ≈ 0.02; lab default 0.1)'),
  }),
  create: (p) => {
    let state: AepoState = { entropy: NaN, temperature: 1, alpha: 0 };
    const reg: Regulariser & { state(): AepoState; metrics(): Record<string, number> } = {
      needsReference: false,
      refRefreshEvery: 0,
      // The controller reads the mean entropy of the steps being trained on from a detached copy
      // (on the first epoch this is H(π_old) of the batch) and fixes T before the loss is built.
      loss({ logp, entropy, aggWeights }) {
        const h = readMean(entropy);
        state = Number.isFinite(h) ? aepoControl(h, p) : { entropy: h, temperature: 1, alpha: 0 };
        return aepoLoss(logp, aggWeights, state);
      },
      state: () => ({ ...state }),
      metrics: () => ({ 'aepo/temperature': state.temperature, 'aepo/alpha': state.alpha }),
    };
    return reg;
  },
});
