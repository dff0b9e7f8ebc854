import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { ramp, topKMask } from './weight-utils';

export const d3sToken = defineModule({
  id: 'd3s-token',
  stage: 'weight',
  label: 'D³S token down-sampling',
  explain:
    'Approximation of D³S (token level): only the tokens with the largest |A|·H (impactful and uncertain) keep their gradient; the kept share grows to all tokens over training.',
  formula:
    'w_{i,t} = \\big[\\,|A_{i,t}|\\,H_{i,t} \\text{ is among the top } \\lceil \\kappa(\\text{progress})\\,N \\rceil \\text{ of the batch}\\,\\big]',
  paper: WEIGHT_PAPERS.d3s,
  schema: z.object({
    keepStart: z.number().min(0.01).max(1).default(0.2).describe('κ_tok: share of tokens kept at the start of training (lab choice)'),
    keepEnd: z.number().min(0.01).max(1).default(1).describe('κ_tok at the end of the ramp'),
    rampEnd: z.number().min(0).max(1).default(0.5).describe('Fraction of the run over which κ_tok moves from start to end'),
    schedule: z.enum(['linear', 'cosine', 'constant']).default('linear').describe("Shape of the ramp ('constant' stays at the start value)"),
  }),
  create: (p): Weighter => ({
    weights(batch, advantages, ctx) {
      const keep = ramp(p.schedule, p.keepStart, p.keepEnd, p.rampEnd, ctx.progress);
      if (keep >= 1) return new Float32Array(batch.n).fill(1);
      const score = Float64Array.from(advantages, (a, t) => Math.abs(a) * batch.entropy[t]);
      return topKMask(score, Math.ceil(keep * batch.n - 1e-9));
    },
  }),
});
