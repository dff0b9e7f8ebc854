import { z } from 'zod';
import { defineModule } from '../../registry/module';
import { gae } from './returns';
import type { AdvantageEstimator } from './advantage';

export const gaeAdvantage = defineModule({
  id: 'gae',
  stage: 'advantage',
  label: 'GAE (critic)',
  explain: 'A learned value function supplies the baseline; λ trades bias (λ=0, TD) for variance (λ=1, Monte Carlo).',
  formula: '\\delta_t = r_t + \\gamma V(s_{t+1}) - V(s_t),\\quad A_t = \\sum_{l\\ge0} (\\gamma\\lambda)^l \\delta_{t+l}',
  paper: {
    short: 'GAE',
    title: 'High-Dimensional Continuous Control Using Generalized Advantage Estimation',
    authors: 'Schulman, Moritz, Levine, Jordan, Abbeel',
    year: 2016,
    url: 'https://arxiv.org/abs/1506.02438',
  },
  schema: z.object({
    gamma: z.number().min(0).max(1).default(0.99).describe('Discount γ'),
    lambda: z.number().min(0).max(1).default(0.95).describe('GAE λ (gae_lambda)'),
    bootstrapTruncated: z
      .boolean()
      .default(false)
      .describe('Bootstrap V(s) at a time-limit cut (SB3 does; CleanRL does not)'),
  }),
  create: (p): AdvantageEstimator => ({
    needsCritic: true,
    needsGroups: false,
    compute(batch) {
      if (!batch.values) throw new Error('GAE needs critic values');
      return gae(batch, batch.values, p.gamma, p.lambda, p.bootstrapTruncated);
    },
  }),
});
