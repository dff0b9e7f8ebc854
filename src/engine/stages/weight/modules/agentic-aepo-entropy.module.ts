import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { meanStd } from '../../advantage/group-stats';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';

export const agenticAepoEntropy = defineModule({
  id: 'agentic-aepo-entropy',
  stage: 'weight',
  label: 'Agentic AEPO entropy scaling',
  explain:
    "Scales each step's advantage by 1 + α·(standardised entropy): uncertain steps learn more, confident ones less (Agentic AEPO's entropy-aware advantage).",
  formula: "w_{i,t} = 1 + \\alpha\\,\\frac{H_{i,t} - \\mathrm{mean}\\,H}{\\mathrm{std}\\,H},\\quad A'_{i,t} = w_{i,t} A_{i,t}",
  paper: WEIGHT_PAPERS.agenticAepo,
  schema: z.object({
    alpha: z.number().min(0).max(5).default(0.2).describe('α: strength of the entropy scaling (hard-coded 0.2 in the released loss)'),
  }),
  create: (p): Weighter => ({
    weights(batch) {
      // Standardised over the batch's steps (the released loss uses the mini-batch), unbiased std.
      const { mean, std } = meanStd(batch.entropy);
      return Float32Array.from(batch.entropy, (h) => (std > 0 ? 1 + (p.alpha * (h - mean)) / std : 1));
    },
  }),
});
