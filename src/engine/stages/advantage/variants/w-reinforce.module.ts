import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { sequenceRewards } from '../grpo.module';
import { isSuccess, successThresholdParam } from './outcome';
import { VARIANT_PAPERS } from './papers';

export type PsrNsrMode = 'psr' | 'nsr' | 'w-reinforce';

/**
 * PSR / NSR / W-REINFORCE advantages (TianHongZXY/RLVR-Decomposed compute_psr_nsr_outcome_advantage;
 * algorithms-llm.md §3): no baseline, no normalisation. W-REINFORCE: λ for a success, −1 for a
 * failure. PSR keeps only successes (+1), NSR only failures (−1); the other samples get 0 here,
 * and the `psr-nsr-subset` select module removes them from the batch as the reference code does.
 */
export function psrNsrAdvantages(rewards: ArrayLike<number>, mode: PsrNsrMode, lambda: number, threshold: number): Float64Array {
  const out = new Float64Array(rewards.length);
  for (let i = 0; i < rewards.length; i++) {
    const ok = isSuccess(rewards[i], threshold);
    if (mode === 'w-reinforce') out[i] = ok ? lambda : -1;
    else if (mode === 'psr') out[i] = ok ? 1 : 0;
    else out[i] = ok ? 0 : -1;
  }
  return out;
}

export const wReinforceAdvantage = defineModule({
  id: 'w-reinforce',
  stage: 'advantage',
  label: 'W-REINFORCE / PSR / NSR',
  explain: 'No baseline: successes get +λ (W-REINFORCE) or +1 (PSR), failures −1 (NSR); negatives alone keep entropy and pass@k up.',
  formula: 'A_i = \\begin{cases} \\lambda & R_i \\text{ success} \\\\ -1 & \\text{otherwise} \\end{cases}\\quad(\\text{PSR}: +1/0,\\ \\text{NSR}: 0/-1)',
  paper: VARIANT_PAPERS.psrNsr,
  schema: z.object({
    mode: z
      .enum(['w-reinforce', 'psr', 'nsr'])
      .default('w-reinforce')
      .describe('W-REINFORCE: λ·PSR + NSR; PSR: successes only; NSR: failures only (pair PSR/NSR with the psr-nsr-subset select)'),
    lambda: z.number().min(0).max(10).default(0.1).describe('λ: weight of the positive term in W-REINFORCE (paper: 0.1)'),
    successThreshold: successThresholdParam,
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: false,
    compute(batch) {
      const { rewards } = sequenceRewards(batch);
      return { advantages: broadcastToSteps(batch, psrNsrAdvantages(rewards, p.mode, p.lambda, p.successThreshold)), returns: null };
    },
  }),
});
