import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Regulariser } from './regulariser';
import { klPerStep } from './kl-estimators';

export const klToReference = defineModule({
  id: 'kl-ref',
  stage: 'regularise',
  label: 'KL to reference (in the loss)',
  explain: 'Penalise drifting from a frozen copy of the starting policy, as GRPO does with β·k3.',
  formula: '\\mathcal{L} \\mathrel{+}= \\beta\\cdot \\mathrm{agg}\\big(e^{-\\Delta}+\\Delta-1\\big),\\; \\Delta = \\log\\pi_\\theta - \\log\\pi_{ref}',
  paper: PAPERS.grpo,
  schema: z.object({
    beta: z.number().min(0).max(10).default(0.04).describe('β (TRL beta, verl kl_loss_coef)'),
    estimator: z.enum(['k1', 'k2', 'k3']).default('k3').describe('KL estimator (verl kl_loss_type: k3 = low_var_kl)'),
    refRefreshEvery: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(0)
      .describe('Copy the policy into the reference every N updates (TRL ref_model_sync_steps; 0 = never)'),
  }),
  create: (p): Regulariser => ({
    needsReference: true,
    refRefreshEvery: p.refRefreshEvery,
    loss: ({ logp, refLogp, aggWeights }) =>
      tf.tidy(() => {
        if (!refLogp) throw new Error('kl-ref needs reference log-probabilities');
        return tf.mul(p.beta, tf.sum(tf.mul(aggWeights, klPerStep(p.estimator, logp, refLogp)))) as tf.Scalar;
      }),
  }),
});
