import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Shaper } from './shaper';

/** Per-step KL estimates from log π_old and log π_ref (k1 Δ, k2 ½Δ², k3 e^{−Δ}+Δ−1 clamped as verl). */
export function klValue(estimator: 'k1' | 'k2' | 'k3', logp: number, refLogp: number): number {
  const delta = logp - refLogp;
  if (estimator === 'k1') return delta;
  if (estimator === 'k2') return 0.5 * delta * delta;
  const neg = Math.min(20, Math.max(-20, -delta));
  return Math.min(10, Math.max(-10, Math.exp(neg) - neg - 1));
}

/**
 * KL to the reference in the reward (verl use_kl_in_reward / apply_kl_penalty): every step's
 * reward loses β·KL_t, and each sequence's reward loses the sum, so outcome estimators see it too.
 */
export const klRewardShaper = defineModule({
  id: 'kl-reward',
  stage: 'shape',
  label: 'KL to reference (in the reward)',
  explain: 'Subtract β·KL(π_old ‖ π_ref) from each step’s reward instead of adding a KL term to the loss.',
  formula: 'r_t \\leftarrow r_t - \\beta\\,\\mathrm{KL}_t,\\quad R_i \\leftarrow R_i - \\beta\\textstyle\\sum_t \\mathrm{KL}_{i,t}',
  paper: {
    short: 'InstructGPT',
    title: 'Training language models to follow instructions with human feedback',
    authors: 'Ouyang et al.',
    year: 2022,
    url: 'https://arxiv.org/abs/2203.02155',
  },
  schema: z.object({
    beta: z.number().min(0).max(10).default(0.001).describe('β (verl kl_ctrl.kl_coef)'),
    estimator: z.enum(['k1', 'k2', 'k3']).default('k1').describe('KL estimator (verl kl_penalty)'),
  }),
  create: (p): Shaper => ({
    needsReferenceLogp: true,
    apply(batch) {
      const ref = batch.refLogp;
      if (!ref) throw new Error('kl-reward needs reference log-probabilities');
      for (const s of batch.seqs) {
        let total = 0;
        for (let t = s.start; t < s.start + s.length; t++) {
          const pen = p.beta * klValue(p.estimator, batch.logpOld[t], ref[t]);
          batch.rewards[t] -= pen;
          total += pen;
        }
        s.reward -= total;
      }
    },
  }),
});
