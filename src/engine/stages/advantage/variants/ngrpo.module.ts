import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { meanStd } from '../group-stats';
import { sequenceRewards } from '../grpo.module';
import { batchGroups } from './outcome';
import { VARIANT_PAPERS } from './papers';

/**
 * NGRPO's calibrated advantage (nangongrui-ngr/NGRPO compute_ngrpo_outcome_advantage;
 * algorithms-llm.md §2): k virtual samples with the maximum reward join each group's statistics,
 * so an all-wrong group gets negative advantages instead of zeros. Only the G real samples get A.
 */
export function ngrpoAdvantages(
  rewards: ArrayLike<number>,
  groups: number[][],
  maxReward: number,
  virtualCount: number,
  eps = 1e-6,
): Float64Array {
  const out = new Float64Array(rewards.length);
  for (const idx of groups) {
    const calibrated = [...idx.map((i) => rewards[i]), ...Array.from({ length: virtualCount }, () => maxReward)];
    const { mean, std } = meanStd(calibrated);
    idx.forEach((i) => (out[i] = (rewards[i] - mean) / (std + eps)));
  }
  return out;
}

export const ngrpoAdvantage = defineModule({
  id: 'ngrpo',
  stage: 'advantage',
  label: 'NGRPO calibrated (virtual max reward)',
  explain: 'GRPO with k virtual max-reward samples added to each group’s mean/std, so all-wrong groups are pushed down too.',
  formula:
    '\\tilde R = [R_1..R_G, \\underbrace{R_{max}..R_{max}}_{k}],\\; A_i = \\frac{R_i - \\mathrm{mean}(\\tilde R)}{\\mathrm{std}(\\tilde R) + \\epsilon}',
  paper: VARIANT_PAPERS.ngrpo,
  schema: z.object({
    maxReward: z
      .number()
      .min(-1e9)
      .max(1e9)
      .default(1)
      .describe('R_max of the virtual samples (NGRPO max_reward, 1.0): the best achievable reward; 500 for CartPole (A.1)'),
    addMaxRewardNum: z.number().int().min(0).max(64).default(1).describe('k: virtual max-reward samples per group (NGRPO add_max_reward_num, 1)'),
    epsilon: z.number().min(0).max(1).default(1e-6).describe('Added to the std (verl epsilon)'),
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: true,
    compute(batch) {
      const { rewards } = sequenceRewards(batch);
      const adv = ngrpoAdvantages(rewards, batchGroups(batch), p.maxReward, p.addMaxRewardNum, p.epsilon);
      return { advantages: broadcastToSteps(batch, adv), returns: null };
    },
  }),
});
