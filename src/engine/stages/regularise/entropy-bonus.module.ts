import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Regulariser } from './regulariser';

export const entropyBonus = defineModule({
  id: 'entropy-bonus',
  stage: 'regularise',
  label: 'Entropy bonus',
  explain: 'Subtract c·H from the loss, keeping the policy from collapsing onto one action too early.',
  formula: '\\mathcal{L} \\mathrel{-}= c_H \\cdot \\mathrm{agg}\\big(H[\\pi_\\theta(\\cdot\\mid s_t)]\\big)',
  paper: {
    short: 'A3C',
    title: 'Asynchronous Methods for Deep Reinforcement Learning',
    authors: 'Mnih et al.',
    year: 2016,
    url: 'https://arxiv.org/abs/1602.01783',
  },
  schema: z.object({
    coef: z.number().min(0).max(10).default(0.01).describe('c_H (CleanRL ent_coef, verl entropy_coeff)'),
  }),
  create: (p): Regulariser => ({
    needsReference: false,
    refRefreshEvery: 0,
    loss: ({ entropy, aggWeights }) =>
      tf.tidy(() => tf.mul(-p.coef, tf.sum(tf.mul(aggWeights, entropy))) as tf.Scalar),
  }),
});
