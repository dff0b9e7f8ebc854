import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { meanStd } from '../group-stats';
import { sequenceRewards } from '../grpo.module';
import { betaPdf } from './beta';
import { batchGroups } from './outcome';
import { VARIANT_PAPERS } from './papers';

/**
 * BNPO's method-of-moments Beta fit over the groups' success rates (changyi7231/BNPO
 * compute_bnpo_outcome_advantage; algorithms-llm.md §4). One group: p̄ = 0, v = 1 (α = β = 1), as
 * the code does; a batch whose groups all have the same rate (v = 0, where the code divides by
 * zero) uses the same fallback.
 */
export function bnpoBetaFit(rates: ArrayLike<number>): { alpha: number; beta: number } {
  const fit = meanStd(rates);
  let pBar = fit.mean;
  let v = fit.std * fit.std;
  if (rates.length < 2 || !(v > 0)) {
    pBar = 0;
    v = 1;
  }
  const k = (pBar * (1 - pBar)) / v - 1;
  const a = k * pBar;
  const b = k * (1 - pBar);
  return { alpha: Math.max(1 + a / 3, 1), beta: Math.max(1 + b / 3, 1) };
}

export interface BnpoResult {
  advantages: Float64Array;
  alpha: number;
  beta: number;
  /** p_q of each group, in the order of `groups`. */
  rates: number[];
}

/**
 * A_i = (R̂_i − p_q) / f_Beta(p_q; α, β), R̂ = (R − min)/(max − min), 1/f clamped to [0, 1e6].
 */
export function bnpoAdvantages(
  rewards: ArrayLike<number>,
  groups: number[][],
  minValue: number,
  maxValue: number,
): BnpoResult {
  const span = maxValue - minValue;
  const scaled = Array.from(rewards, (r) => (r - minValue) / span);
  const rates = groups.map((idx) => meanStd(idx.map((i) => scaled[i])).mean);
  const { alpha, beta } = bnpoBetaFit(rates);
  const advantages = new Float64Array(scaled.length);
  groups.forEach((idx, q) => {
    const p = rates[q];
    const inv = Math.min(Math.max(1 / betaPdf(Math.min(Math.max(p, 0), 1), alpha, beta), 0), 1e6);
    idx.forEach((i) => (advantages[i] = (scaled[i] - p) * inv));
  });
  return { advantages, alpha, beta, rates };
}

export const bnpoAdvantage = defineModule({
  id: 'bnpo',
  stage: 'advantage',
  label: 'BNPO Beta-normalised',
  explain: 'Reward minus the group success rate p, divided by a Beta density of p whose α, β are refitted to the batch each update.',
  formula:
    'A_i = \\frac{R_i - p_q}{f_{Beta}(p_q;\\alpha,\\beta)},\\; \\alpha = \\max\\!\\big(1 + \\tfrac{\\bar p}{3}(\\tfrac{\\bar p(1-\\bar p)}{v} - 1), 1\\big),\\; \\beta = \\max\\!\\big(1 + \\tfrac{1-\\bar p}{3}(\\tfrac{\\bar p(1-\\bar p)}{v} - 1), 1\\big)',
  paper: VARIANT_PAPERS.bnpo,
  schema: z.object({
    minValue: z.number().min(-1e9).max(1e9).default(0).describe('Reward that maps to p = 0 (BNPO min_value; 0 for CartPole, A.1)'),
    maxValue: z.number().min(-1e9).max(1e9).default(1).describe('Reward that maps to p = 1 (BNPO max_value; 500 for CartPole, A.1)'),
  }),
  create: (p): AdvantageEstimator & { metrics(): Record<string, number> } => {
    // The Beta fitted to this batch's success rates, for the chart the paper draws.
    let fit: { alpha: number; beta: number } | null = null;
    return {
      needsCritic: false,
      needsGroups: true,
      metrics: (): Record<string, number> => (fit ? { 'bnpo/alpha': fit.alpha, 'bnpo/beta': fit.beta } : {}),
      compute(batch) {
        if (!(p.maxValue > p.minValue)) throw new Error(`bnpo: maxValue (${p.maxValue}) must exceed minValue (${p.minValue})`);
        const { rewards } = sequenceRewards(batch);
        const { advantages, alpha, beta } = bnpoAdvantages(rewards, batchGroups(batch), p.minValue, p.maxValue);
        fit = { alpha, beta };
        return { advantages: broadcastToSteps(batch, advantages), returns: null };
      },
    };
  },
});
