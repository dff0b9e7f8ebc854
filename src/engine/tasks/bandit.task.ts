import { z } from 'zod';
import { defineModule } from '../registry/module';
import { Bandit } from '../envs/bandit';
import type { ControlTaskSpec } from '../envs/env';

export const banditTask = defineModule({
  id: 'bandit',
  stage: 'task',
  label: 'K-armed bandit',
  explain: 'Pick one of K arms; each pays its mean reward plus Gaussian noise. One step per episode.',
  formula: 'r \\sim \\mathcal{N}(\\mu_a, \\sigma^2)',
  paper: {
    short: 'Bandit',
    title: 'Reinforcement Learning: An Introduction (ch. 2)',
    authors: 'Sutton, Barto',
    year: 2018,
  },
  schema: z.object({
    means: z
      .array(z.number().min(-100).max(100))
      .min(2)
      .max(32)
      .default([0.2, 0.5, 0.1, 0.8, 0.3])
      .describe('Mean reward of each arm'),
    noise: z.number().min(0).max(10).default(0.1).describe('Standard deviation of the reward noise'),
  }),
  create: (p): ControlTaskSpec => ({
    kind: 'control',
    id: 'bandit',
    obsDim: 1,
    nActions: p.means.length,
    maxSteps: 1,
    rewardThreshold: Math.max(...p.means) - 0.05 * (Math.max(...p.means) - Math.min(...p.means)),
    actionLabels: p.means.map((_, i) => `arm ${i}`),
    make: () => new Bandit(p.means, p.noise),
  }),
});
