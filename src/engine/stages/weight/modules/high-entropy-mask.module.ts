import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { quantile } from './weight-utils';

export const highEntropyMask = defineModule({
  id: 'high-entropy-mask',
  stage: 'weight',
  label: '80/20 high-entropy token mask',
  explain:
    'Only the highest-entropy tokens (the "forks" where the policy hesitates, 20% by default) keep their policy gradient; the rest are masked.',
  formula: 'w_{i,t} = \\big[\\,H_{i,t} \\ge Q_{1-\\rho}(H)\\,\\big]\\quad(Q: \\text{quantile over the batch\'s tokens, linear interpolation})',
  paper: WEIGHT_PAPERS.highEntropy,
  schema: z.object({
    topEntropyQuantile: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('ρ: share of highest-entropy tokens that keep their gradient (TRL top_entropy_quantile; the paper uses 0.2; 1 keeps all)'),
  }),
  create: (p): Weighter => ({
    weights(batch) {
      if (batch.n === 0) return new Float32Array(0);
      const threshold = quantile(batch.entropy, 1 - p.topEntropyQuantile);
      return Float32Array.from(batch.entropy, (h) => (h >= threshold ? 1 : 0));
    },
  }),
});
