import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Batch } from '../../core/batch';
import { broadcastToSteps, type AdvantageEstimator } from './advantage';
import { groupIndices, meanStd } from './group-stats';

export type ScaleRewards = 'group' | 'batch' | 'none';

/**
 * GRPO's outcome advantage (verl compute_grpo_outcome_advantage; TRL scale_rewards):
 * A_i = (R_i − mean_group) / (std + ε), std over the group, the batch, or not at all (Dr. GRPO).
 * A group of one uses mean 0 and std 1, as verl does.
 */
export function grpoAdvantages(
  rewards: ArrayLike<number>,
  groups: ArrayLike<number>,
  scale: ScaleRewards,
  eps = 1e-6,
): Float64Array {
  const out = new Float64Array(rewards.length);
  const batchStd = meanStd(rewards).std;
  for (const idx of groupIndices(groups)) {
    const r = idx.map((i) => rewards[i]);
    const single = idx.length === 1;
    const { mean, std } = single ? { mean: 0, std: 1 } : meanStd(r);
    const denom = scale === 'none' ? 1 : (scale === 'group' ? std : batchStd) + eps;
    idx.forEach((i) => (out[i] = (rewards[i] - mean) / denom));
  }
  return out;
}

export function sequenceRewards(batch: Batch): { rewards: Float64Array; groups: Int32Array } {
  return {
    rewards: Float64Array.from(batch.seqs, (s) => s.reward),
    groups: Int32Array.from(batch.seqs, (s) => s.group),
  };
}

export const grpoAdvantage = defineModule({
  id: 'grpo',
  stage: 'advantage',
  label: 'GRPO group-normalised',
  explain: "Each sequence's reward minus its group's mean, divided by the group's std: no critic needed.",
  formula: 'A_i = \\frac{R_i - \\mathrm{mean}(R_{1..G})}{\\mathrm{std}(R_{1..G}) + \\epsilon}',
  paper: PAPERS.grpo,
  schema: z.object({
    scaleRewards: z
      .enum(['group', 'batch', 'none'])
      .default('group')
      .describe("Divide by the group's std, the batch's std, or not at all (TRL scale_rewards; 'none' = Dr. GRPO)"),
    epsilon: z.number().min(0).max(1).default(1e-6).describe('Added to the std'),
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: true,
    compute(batch) {
      const { rewards, groups } = sequenceRewards(batch);
      return { advantages: broadcastToSteps(batch, grpoAdvantages(rewards, groups, p.scaleRewards, p.epsilon)), returns: null };
    },
  }),
});
