import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Regulariser } from '../regulariser';
import { REGULARISE_PAPERS } from './papers';
import { readMean } from './read-mean';

export interface AdaptiveEntropyState {
  /** Coefficient c for the next optimiser step. */
  coef: number;
  /** Mean token entropy measured at the last step (+∞ before the first). */
  lastEntropy: number;
}

export interface AdaptiveEntropyParams {
  initCoef: number;
  coefMin: number;
  coefMax: number;
  delta: number;
  target: number;
}

/**
 * The adaptive-coefficient controller (Skywork-OR1; TRL use_adaptive_entropy), one optimiser step:
 * the bonus applied now is c if the last measured entropy is ≤ target (none before the first
 * measurement); then c ← min(c + δ, c_max) if the entropy H measured now is ≤ target, else
 * max(c − δ, c_min).
 */
export function adaptiveEntropyStep(s: AdaptiveEntropyState, measured: number, p: AdaptiveEntropyParams): { applied: number; next: AdaptiveEntropyState } {
  const applied = s.lastEntropy <= p.target ? s.coef : 0;
  if (!Number.isFinite(measured)) return { applied, next: s };
  const coef = measured <= p.target ? Math.min(s.coef + p.delta, p.coefMax) : Math.max(s.coef - p.delta, p.coefMin);
  return { applied, next: { coef, lastEntropy: measured } };
}

export const adaptiveEntropy = defineModule({
  id: 'adaptive-entropy',
  stage: 'regularise',
  label: 'Adaptive entropy bonus',
  explain:
    'An entropy bonus whose coefficient rises while entropy sits below a target and falls above it, switched on only while entropy is below the target.',
  formula:
    '\\mathcal{L} \\mathrel{-}= c_k\\,[H_{k-1} \\le H^\\star]\\,\\mathrm{agg}(H),\\quad c_{k+1} = \\begin{cases} \\min(c_k + \\delta, c_{\\max}) & H_k \\le H^\\star \\\\ \\max(c_k - \\delta, c_{\\min}) & \\text{otherwise} \\end{cases}',
  paper: REGULARISE_PAPERS.skywork,
  schema: z.object({
    initCoef: z.number().min(0).max(10).default(0).describe('Starting coefficient c (TRL entropy_coef, default 0)'),
    coefMin: z.number().min(0).max(10).default(0).describe('Lowest c (TRL entropy_coef_min)'),
    coefMax: z.number().min(0).max(10).default(1).describe('Highest c (TRL entropy_coef_max)'),
    delta: z.number().min(0).max(1).default(0.005).describe('Change of c per optimiser step (TRL entropy_coef_delta)'),
    target: z.number().min(0).max(20).default(0.2).describe('Target mean token entropy in nats (TRL entropy_target)'),
  }),
  create: (p) => {
    let state: AdaptiveEntropyState = { coef: Math.min(Math.max(p.initCoef, p.coefMin), p.coefMax), lastEntropy: Infinity };
    const reg: Regulariser & { state(): AdaptiveEntropyState; metrics(): Record<string, number> } = {
      needsReference: false,
      refRefreshEvery: 0,
      // Called once per optimiser step (minibatch). The coefficient is a number fixed before the
      // loss is built; the entropy it reacts to is read from a detached copy and only sets the
      // state for the next step.
      loss({ entropy, aggWeights }) {
        const { applied, next } = adaptiveEntropyStep(state, readMean(entropy), p);
        state = next;
        return tf.tidy(() => tf.mul(-applied, tf.sum(tf.mul(aggWeights, entropy))) as tf.Scalar);
      },
      state: () => ({ ...state }),
      metrics: () => ({ 'entropy/coef': state.coef }),
    };
    return reg;
  },
});
