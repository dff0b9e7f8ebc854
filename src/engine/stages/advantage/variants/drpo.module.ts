import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { batchGroups, isSuccess, successThresholdParam } from './outcome';
import { VARIANT_PAPERS } from './papers';

/** softmax(x) computed with the maximum subtracted. */
function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * DRPO's length weights among the correct samples of a group (algorithms-llm.md §18):
 * ω_i = exp((1 − ℓ_i)/λ), normalised to sum 1; λ = ∞ (null) gives equal weights (DisCO).
 */
export function drpoLengthWeights(lengthRatios: number[], lambda: number | null): number[] {
  if (lambda === null) return lengthRatios.map(() => 1 / lengthRatios.length);
  return softmax(lengthRatios.map((l) => (1 - l) / lambda));
}

export interface DrpoParams {
  lambda: number | null;
  tau: number;
  successThreshold: number;
}

/**
 * DRPO's discriminative objective (Optimization-AI/DRPO compute_policy_loss_drpo) as per-sequence
 * advantages. With s_i = mean_t log π(o_{i,t}) and J_q = Σ_{pos} ω̃_i (s_i − τ log Σ_{neg} e^{s_j/τ}),
 * ∂J_q/∂log π(o_{i,t}) is ω̃_i/|o_i| for a correct sample and −softmax_neg(s/τ)_j/|o_j| for an
 * incorrect one. Scaled by N/Q (N sequences, Q groups with both outcomes) these advantages make a
 * seq-mean-token-sum aggregated −A·log π (or −A·r at r = 1) have exactly the gradient of
 * −(1/Q) Σ_q J_q. The negatives' softmax uses the sampling-time scores (log π_old).
 */
export function drpoAdvantages(
  rewards: ArrayLike<number>,
  lengths: ArrayLike<number>,
  scores: ArrayLike<number>,
  groups: number[][],
  lMax: number,
  p: DrpoParams,
): Float64Array {
  const out = new Float64Array(rewards.length);
  const mixed: { pos: number[]; neg: number[] }[] = [];
  for (const idx of groups) {
    const pos = idx.filter((i) => isSuccess(rewards[i], p.successThreshold));
    const neg = idx.filter((i) => !isSuccess(rewards[i], p.successThreshold));
    if (pos.length > 0 && neg.length > 0) mixed.push({ pos, neg });
  }
  if (mixed.length === 0) return out;
  const scale = rewards.length / mixed.length;
  for (const { pos, neg } of mixed) {
    const w = drpoLengthWeights(pos.map((i) => lengths[i] / lMax), p.lambda);
    pos.forEach((i, k) => (out[i] = (scale * w[k]) / Math.max(1, lengths[i])));
    const pn = softmax(neg.map((j) => scores[j] / p.tau));
    neg.forEach((j, k) => (out[j] = (-scale * pn[k]) / Math.max(1, lengths[j])));
  }
  return out;
}

export const drpoAdvantage = defineModule({
  id: 'drpo',
  stage: 'advantage',
  label: 'DRPO decoupled length reward',
  explain:
    'Correct samples are pulled up against a log-sum-exp of the incorrect ones; the length preference only reweights correct samples, so none is pushed down (use vanilla-pg + seq-mean-token-sum).',
  formula:
    'J_q = \\sum_{i \\in +} \\tilde\\omega_i \\big(s_i - \\tau \\log \\textstyle\\sum_{j \\in -} e^{s_j/\\tau}\\big),\\; \\tilde\\omega_i \\propto e^{(1-\\ell_i)/\\lambda},\\; s_i = \\frac{1}{|o_i|}\\sum_t \\log\\pi_\\theta(o_{i,t})',
  paper: VARIANT_PAPERS.drpo,
  schema: z.object({
    lambda: z
      .number()
      .gt(0)
      .max(1e6)
      .nullable()
      .default(0.1)
      .describe('λ: strength of the preference for short correct answers (DRPO 0.1); empty = ∞, no length preference (DisCO)'),
    tau: z.number().gt(0).max(1e6).default(10).describe('τ: temperature of the log-sum-exp over incorrect samples (DRPO 10)'),
    lMax: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .nullable()
      .default(null)
      .describe('L_max of ℓ = |o|/L_max: empty = the completion budget (language) or the longest sequence of the batch (set the time limit, e.g. 500, on control)'),
    successThreshold: successThresholdParam,
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: true,
    compute(batch) {
      const rewards = batch.seqs.map((s) => s.reward);
      const lengths = batch.seqs.map((s) => s.length);
      const scores = batch.seqs.map((s) => {
        let sum = 0;
        for (let t = s.start; t < s.start + s.length; t++) sum += batch.logpOld[t];
        return s.length > 0 ? sum / s.length : 0;
      });
      const lMax = p.lMax ?? batch.lm?.steps ?? Math.max(1, ...lengths);
      const adv = drpoAdvantages(rewards, lengths, scores, batchGroups(batch), lMax, p);
      return { advantages: broadcastToSteps(batch, adv), returns: null };
    },
  }),
});
