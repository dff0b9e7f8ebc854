import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Surrogate } from './surrogate';

/** The plain score-function estimator: l = −A · log π(a|s). One pass per batch. */
export const vanillaPgSurrogate = defineModule({
  id: 'vanilla-pg',
  stage: 'surrogate',
  label: 'Policy gradient (no ratio)',
  explain: 'Raise the log-probability of each action in proportion to its advantage; no clipping.',
  formula: 'l_t = -A_t \\log \\pi_\\theta(a_t\\mid s_t)',
  paper: PAPERS.reinforce,
  schema: z.object({}),
  create: (): Surrogate => ({
    loss: ({ logp, adv }) => tf.neg(tf.mul(adv, logp)),
    clipMasks: () => null,
  }),
});
