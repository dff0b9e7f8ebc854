import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { defineModule } from '../../../../registry/module';
import type { Regulariser } from '../../regulariser';
import { klPerStep } from '../../kl-estimators';
import { reincarnationStep } from '../../../sample/offpolicy/reincarnation';
import { OFFPOLICY_PAPERS } from '../../../sample/offpolicy/papers';

export interface KlConvexParams {
  beta: number;
  lambda: number;
  reincarnateAt: number | null;
}

/**
 * ReMix's KL-Convex constraint (algorithms-llm.md §24, [inferred]), k3 per step:
 *   β · Σ_t aggW_t · [λ·k3(logp_t, logp^base_t) + (1 − λ)·k3(logp_t, logp^old_t)].
 * π_base is the run's reference policy; π_{k−1} is approximated by the behaviour policy of each
 * step (logpOld): the previous policy for fresh steps, an older one for replayed steps.
 */
export function klConvexLoss(
  x: { logp: tf.Tensor1D; refLogp: tf.Tensor1D; logpOld: tf.Tensor1D; aggWeights: tf.Tensor1D },
  p: Pick<KlConvexParams, 'beta' | 'lambda'>,
): tf.Scalar {
  return tf.tidy(() => {
    const toBase = klPerStep('k3', x.logp, x.refLogp);
    const toOld = klPerStep('k3', x.logp, x.logpOld);
    const mixed = tf.add(tf.mul(p.lambda, toBase), tf.mul(1 - p.lambda, toOld));
    return tf.mul(p.beta, tf.sum(tf.mul(x.aggWeights, mixed))) as tf.Scalar;
  });
}

export const klConvex = defineModule({
  id: 'kl-convex',
  stage: 'regularise',
  label: 'ReMix KL-Convex',
  explain:
    'Approximation of ReMix: β times a convex mix of k3 KL to the base model and to the previous policy (approximated by the behaviour policy of each token); at T_r the base becomes the current policy (reincarnation).',
  formula:
    '\\mathcal{L} \\mathrel{+}= \\beta\\,\\mathrm{agg}\\big(\\lambda\\,k_3(\\pi_\\theta\\,\\|\\,\\pi_{base}) + (1-\\lambda)\\,k_3(\\pi_\\theta\\,\\|\\,\\mu)\\big),\\; k_3 = e^{-\\Delta}+\\Delta-1;\\; \\text{at } T_r:\\ \\pi_{base} \\leftarrow \\pi_\\theta',
  paper: OFFPOLICY_PAPERS.remix,
  schema: z.object({
    beta: z.number().min(0).max(10).default(1e-3).describe('β_KL: weight of the KL-Convex term (ReMix [inferred]; lab default 1e-3)'),
    lambda: z.number().min(0).max(1).default(0.5).describe('λ: share of the KL to the base model, 1 − λ to the previous policy (ReMix [inferred]; lab default 0.5)'),
    reincarnateAt: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(0.5)
      .describe('T_r as a share of the run: after update round(T_r·N) the base becomes the current policy (ReMix [inferred]; lab default 0.5; empty = never). Give the remix sampler the same value'),
  }),
  create: (p): Regulariser => ({
    needsReference: true,
    refRefreshEvery: 0,
    refreshReferenceAfter: (step, totalUpdates) => step === reincarnationStep(p.reincarnateAt, totalUpdates),
    loss: ({ logp, refLogp, logpOld, aggWeights }) => {
      if (!refLogp) throw new Error('kl-convex needs reference log-probabilities');
      return klConvexLoss({ logp, refLogp, logpOld, aggWeights }, p);
    },
  }),
});
