import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Weighter } from '../weighter';
import { WEIGHT_PAPERS } from './papers';
import { ramp, sequenceAdvantages, sequenceGroups } from './weight-utils';

/** Population variance (the example in algorithms-llm.md §14 uses it). */
function variance(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length;
}

/**
 * The m of `values` whose variance is largest (PODS lemma: after sorting, the optimum takes the j
 * largest and the m − j smallest for some j; all j = 0..m are tried, the first best wins). Returns
 * positions into `values`; ties in value go to the earlier position.
 */
export function maxVarianceSubset(values: number[], m: number): number[] {
  const n = values.length;
  if (m >= n) return values.map((_, i) => i);
  const asc = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let best: number[] = [];
  let bestVar = -Infinity;
  for (let j = 0; j <= m; j++) {
    const pick = [...asc.slice(n - j), ...asc.slice(0, m - j)];
    const v = variance(pick.map((i) => values[i]));
    if (v > bestVar + 1e-12) {
      bestVar = v;
      best = pick;
    }
  }
  return best.sort((a, b) => a - b);
}

export const d3sSample = defineModule({
  id: 'd3s-sample',
  stage: 'weight',
  label: 'D³S sample down-sampling',
  explain:
    "Approximation of D³S (sample level): keeps the m rollouts of each group whose advantages vary most and zeroes the rest; m grows to the whole group over training.",
  formula:
    'S^\\star = \\arg\\max_{|S| = m} \\mathrm{Var}(\\{A_i\\}_{i \\in S}),\\quad w_{i,t} = [i \\in S^\\star],\\quad m = \\mathrm{round}(\\rho(\\text{progress})\\,G)',
  paper: WEIGHT_PAPERS.d3s,
  schema: z.object({
    keepStart: z.number().min(0.05).max(1).default(0.5).describe('m/G at the start of training (lab choice: the paper\'s schedule is not published)'),
    keepEnd: z.number().min(0.05).max(1).default(1).describe('m/G at the end of the ramp'),
    rampEnd: z.number().min(0).max(1).default(0.5).describe('Fraction of the run over which m/G moves from start to end'),
    schedule: z.enum(['linear', 'cosine', 'constant']).default('linear').describe("Shape of the ramp ('constant' stays at the start value)"),
    scope: z
      .enum(['group', 'batch'])
      .default('group')
      .describe("'group': choose m of each group's G rollouts (D³S-I, intra-group); 'batch': choose across all groups (cross-group)"),
  }),
  create: (p): Weighter => ({
    dropsZeroSteps: true,
    weights(batch, advantages, ctx) {
      const ratio = ramp(p.schedule, p.keepStart, p.keepEnd, p.rampEnd, ctx.progress);
      const seqAdv = sequenceAdvantages(batch, advantages);
      const pools = p.scope === 'group' ? sequenceGroups(batch) : [batch.seqs.map((_, i) => i)];
      const out = new Float32Array(batch.n);
      for (const pool of pools) {
        const m = Math.min(pool.length, Math.max(2, Math.round(ratio * pool.length)));
        for (const k of maxVarianceSubset(pool.map((i) => seqAdv[i]), m)) {
          const s = batch.seqs[pool[k]];
          out.fill(1, s.start, s.start + s.length);
        }
      }
      return out;
    },
  }),
});
