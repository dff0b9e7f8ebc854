import { z } from 'zod';
import type { Batch } from '../../../core/batch';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { meanStd } from '../group-stats';
import { grpoAdvantages, sequenceRewards } from '../grpo.module';
import { batchGroups } from './outcome';
import { VARIANT_PAPERS } from './papers';

export type CopoMode = 'soft-with-forced' | 'only-soft' | 'only-global' | 'no-global';

/** H = −Σ_a f_a log₂ f_a over the shares f_a of equal answers in a group. */
export function answerEntropy(answers: string[]): number {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const f = c / answers.length;
    h -= f * Math.log2(f);
  }
  return h;
}

/** The blend weight of the local (GRPO) loss: w = σ(k (H − b)). */
export function copoWeight(h: number, k: number, b: number): number {
  return 1 / (1 + Math.exp(-k * (h - b)));
}

/** (R^g − mean_batch R^g) / (std_batch R^g + ε) over the groups' global rewards (unbiased std). */
export function copoGlobalAdvantages(globalRewards: number[], eps = 1e-6): number[] {
  const { mean, std } = meanStd(globalRewards);
  return globalRewards.map((r) => (r - mean) / (std + eps));
}

/**
 * The final answer of each sequence: its completion tokens (language) or its return (control,
 * or when asked), as a string so that equal answers compare equal.
 */
export function sequenceAnswers(batch: Batch, source: 'completion' | 'reward'): string[] {
  const lm = batch.lm;
  if (source === 'reward' || !lm) return batch.seqs.map((s) => String(s.reward));
  return batch.seqs.map((s, i) => Array.from(lm.completions.subarray(i * lm.steps, i * lm.steps + s.length)).join(' '));
}

export interface CopoParams {
  mode: CopoMode;
  k: number;
  b: number;
  rewardCoef: boolean;
  epsilon: number;
}

/**
 * COPO (hijih/copo-code compute_score_global, compute_grpo_outcome_advantage_with_global,
 * compute_policy_loss_with_global; algorithms-llm.md §17) folded into one advantage:
 * A = w·A_local + (1 − w)·A_global. COPO blends two PPO losses instead; the two agree exactly
 * whenever A_local and A_global have the same sign or the ratio is not clipped (the clipped
 * loss is linear in A on each sign).
 */
export function copoAdvantages(
  rewards: ArrayLike<number>,
  groups: number[][],
  answers: string[],
  p: CopoParams,
): { advantages: Float64Array; weights: number[]; entropies: number[]; globalAdv: number[] } {
  const groupOf = new Int32Array(rewards.length);
  groups.forEach((idx, q) => idx.forEach((i) => (groupOf[i] = q)));
  const local = grpoAdvantages(rewards, groupOf, 'group', p.epsilon);
  const entropies = groups.map((idx) => answerEntropy(idx.map((i) => answers[i])));
  const globalRewards = groups.map((idx, q) => {
    const g = idx.length;
    const lambda = g > 1 ? (1 - 1 / g) / Math.log2(g) : 0;
    const c = p.rewardCoef ? 1 - lambda * entropies[q] : 1;
    return meanStd(idx.map((i) => rewards[i])).mean * c;
  });
  const globalAdv = copoGlobalAdvantages(globalRewards, p.epsilon);
  const weights = entropies.map((h) => copoWeight(h, p.k, p.b));
  const advantages = new Float64Array(rewards.length);
  groups.forEach((idx, q) => {
    for (const i of idx) {
      let w = weights[q];
      if (p.mode === 'only-global') w = 0;
      else if (p.mode === 'no-global') w = 1;
      else if (p.mode === 'soft-with-forced' && Math.abs(local[i]) < 1e-9) w = 0;
      advantages[i] = w * local[i] + (1 - w) * globalAdv[q];
    }
  });
  return { advantages, weights, entropies, globalAdv };
}

export const copoAdvantage = defineModule({
  id: 'copo',
  stage: 'advantage',
  label: 'COPO local + global',
  explain:
    "GRPO's group advantage blended with a batch-normalised prompt-level advantage, by a sigmoid of the group's answer entropy (one PPO loss; COPO's two-loss blend when both share a sign).",
  formula:
    'A_i = w_q A^{local}_i + (1 - w_q) A^{g}_q,\\; w_q = \\sigma\\big(k(H_q - b)\\big),\\; A^g_q = \\frac{R^g_q - \\mathrm{mean}_B R^g}{\\mathrm{std}_B R^g + \\epsilon}',
  paper: VARIANT_PAPERS.copo,
  schema: z.object({
    mode: z
      .enum(['soft-with-forced', 'only-soft', 'only-global', 'no-global'])
      .default('soft-with-forced')
      .describe("COPO global_flg: soft blend, zero-variance groups global only (lab default, the paper's choice is not stated); soft; global only; plain GRPO"),
    k: z.number().min(0).max(1000).default(20).describe('k: sigmoid steepness of the blend weight (7B scripts 20, 3B scripts 5)'),
    b: z.number().min(-100).max(100).default(0.5).describe('b: answer entropy (bits) where the blend is half and half (7B scripts 0.5, 3B scripts 1)'),
    rewardCoef: z.boolean().default(false).describe('Discount the global reward by answer disagreement, c = 1 − λH (COPO reward_coef_flg)'),
    answer: z
      .enum(['completion', 'reward'])
      .default('completion')
      .describe('What counts as the final answer for H: the completion tokens, or the reward value (always the return on control tasks)'),
    epsilon: z.number().min(0).max(1).default(1e-6).describe('Added to both stds'),
  }),
  create: (p): AdvantageEstimator & { metrics(): Record<string, number> } => {
    // Mean blend weight of the local term and mean answer entropy over this batch's groups.
    let last: { weight: number; entropy: number } | null = null;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
    return {
      needsCritic: false,
      needsGroups: true,
      metrics: (): Record<string, number> => (last ? { 'copo/local_weight': last.weight, 'copo/answer_entropy': last.entropy } : {}),
      compute(batch) {
        const { rewards } = sequenceRewards(batch);
        const { advantages, weights, entropies } = copoAdvantages(rewards, batchGroups(batch), sequenceAnswers(batch, p.answer), p);
        last = { weight: mean(weights), entropy: mean(entropies) };
        return { advantages: broadcastToSteps(batch, advantages), returns: null };
      },
    };
  },
});
