import { z } from 'zod';
import { defineModule } from '../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from './advantage';
import { groupIndices } from './group-stats';
import { sequenceRewards } from './grpo.module';

/** RLOO: each sample's baseline is the mean reward of the other G−1 samples of its group. */
export function rlooAdvantages(rewards: ArrayLike<number>, groups: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rewards.length);
  for (const idx of groupIndices(groups)) {
    const g = idx.length;
    const sum = idx.reduce((s, i) => s + rewards[i], 0);
    idx.forEach((i) => (out[i] = g > 1 ? rewards[i] - (sum - rewards[i]) / (g - 1) : 0));
  }
  return out;
}

export const rlooAdvantage = defineModule({
  id: 'rloo',
  stage: 'advantage',
  label: 'RLOO leave-one-out',
  explain: "Each sequence's reward minus the mean reward of the other sequences of its group.",
  formula: 'A_i = R_i - \\frac{1}{G-1}\\sum_{j\\ne i} R_j',
  paper: {
    short: 'RLOO',
    title: "Back to Basics: Revisiting REINFORCE Style Optimization for Learning from Human Feedback in LLMs",
    authors: 'Ahmadian et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.14740',
  },
  schema: z.object({}),
  create: (): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: true,
    compute(batch) {
      const { rewards, groups } = sequenceRewards(batch);
      return { advantages: broadcastToSteps(batch, rlooAdvantages(rewards, groups)), returns: null };
    },
  }),
});
