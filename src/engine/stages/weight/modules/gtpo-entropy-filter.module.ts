import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { ratioWeight, sequenceEntropies } from './weight-utils';

export const gtpoEntropyFilter = defineModule({
  id: 'gtpo-entropy-filter',
  stage: 'weight',
  label: 'GTPO entropy filter',
  explain:
    'Completions whose mean token entropy exceeds H_max get no update; the others have their advantage lowered by κ·H̄ (a small entropy penalty).',
  formula:
    "w_{i,t} = \\begin{cases} \\dfrac{A_{i,t} - \\kappa \\bar H_i}{A_{i,t}} & \\bar H_i \\le H_{\\max} \\\\ 0 & \\text{otherwise} \\end{cases},\\quad \\bar H_i = \\frac{1}{|o_i|}\\sum_t H_{i,t}",
  paper: WEIGHT_PAPERS.gtpo,
  schema: z.object({
    entropyMax: z
      .number()
      .min(0)
      .max(20)
      .default(0.7)
      .describe('H_max: completions with a higher mean token entropy are dropped from the loss (GTPO ENT_THRESHOLD = 0.7 ≈ ln 2)'),
    kappa: z
      .number()
      .min(0)
      .max(10)
      .default(0.1)
      .describe('κ: the kept completions get A − κ·H̄ (GTPO ENT_SCALE = 0.1; 0 = filter only)'),
  }),
  create: (p): Weighter => ({
    dropsZeroSteps: true,
    weights(batch, advantages) {
      const hBar = sequenceEntropies(batch);
      const out = new Float32Array(batch.n);
      batch.seqs.forEach((s, i) => {
        for (let t = s.start; t < s.start + s.length; t++) {
          // A zero advantage stays 0: its −κ·H̄ cannot be carried by a weight.
          out[t] = hBar[i] <= p.entropyMax ? ratioWeight(advantages[t] - p.kappa * hBar[i], advantages[t]) : 0;
        }
      });
      return out;
    },
  }),
});
