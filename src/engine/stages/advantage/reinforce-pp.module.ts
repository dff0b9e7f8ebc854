import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Batch } from '../../core/batch';
import { broadcastToSteps, type AdvantageEstimator } from './advantage';
import { groupIndices, meanStd } from './group-stats';

/** verl masked_whiten: (x − mean) / sqrt(unbiased var + 1e-8) over every token of the batch. */
function whiten(xs: Float32Array): Float32Array {
  const { mean, std } = meanStd(xs);
  return xs.map((x) => (x - mean) / Math.sqrt(std * std + 1e-8));
}

/**
 * REINFORCE++ (verl compute_reinforce_plus_plus_outcome_advantage): token rewards −β·KL_t plus the
 * outcome reward on the last token, returns with γ, whitened over the whole batch.
 */
export function reinforcePlusPlus(batch: Batch, kl: ArrayLike<number> | null, beta: number, gamma: number): Float32Array {
  const out = new Float32Array(batch.n);
  for (const s of batch.seqs) {
    let g = 0;
    for (let t = s.start + s.length - 1; t >= s.start; t--) {
      const rho = (kl ? -beta * kl[t] : 0) + (t === s.start + s.length - 1 ? s.reward : 0);
      g = rho + gamma * g;
      out[t] = g;
    }
  }
  return whiten(out);
}

/** REINFORCE++-baseline: the group mean subtracted per sequence, then whitened over the batch's tokens. */
export function reinforcePlusPlusBaseline(batch: Batch): Float32Array {
  const centred = new Float64Array(batch.seqs.length);
  for (const idx of groupIndices(batch.seqs.map((s) => s.group))) {
    const mean = idx.reduce((a, i) => a + batch.seqs[i].reward, 0) / idx.length;
    idx.forEach((i) => (centred[i] = batch.seqs[i].reward - mean));
  }
  return whiten(broadcastToSteps(batch, centred));
}

export const reinforcePlusPlusAdvantage = defineModule({
  id: 'reinforce-pp',
  stage: 'advantage',
  label: 'REINFORCE++',
  explain: "PPO's tricks without a critic: KL folded into token rewards, returns as advantages, normalised over the whole batch.",
  formula: '\\rho_t = -\\beta\\,\\mathrm{KL}_t + [t=|o|]R,\\; A_t = \\mathrm{whiten}_B\\big(\\textstyle\\sum_{t\'\\ge t}\\gamma^{t\'-t}\\rho_{t\'}\\big)',
  paper: {
    short: 'REINFORCE++',
    title: 'REINFORCE++: A Simple and Efficient Approach for Aligning Large Language Models',
    authors: 'Hu',
    year: 2025,
    url: 'https://arxiv.org/abs/2501.03262',
  },
  schema: z.object({
    klCoef: z.number().min(0).max(10).default(0.001).describe('β of the per-token KL in the reward (verl kl_coef)'),
    gamma: z.number().min(0).max(1).default(1).describe('γ of the token returns'),
    baseline: z
      .boolean()
      .default(false)
      .describe('REINFORCE++-baseline: subtract the group mean first (no KL in the reward)'),
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: false,
    needsGroups: p.baseline,
    needsReferenceLogp: !p.baseline && p.klCoef > 0,
    compute(batch) {
      if (p.baseline) return { advantages: reinforcePlusPlusBaseline(batch), returns: null };
      const kl = batch.refLogp ? batch.logpOld.map((lp, i) => lp - batch.refLogp![i]) : null;
      return { advantages: reinforcePlusPlus(batch, kl, p.klCoef, p.gamma), returns: null };
    },
  }),
});
