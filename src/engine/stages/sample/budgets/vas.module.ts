import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { successThresholdParam } from '../../advantage/variants/outcome';
import { groupPromptsSampler, type PromptPicker } from '../group-prompts';
import type { Sampler } from '../sampler';
import { BUDGET_PAPERS } from './papers';
import { makePoolSampler, type PoolPreparation } from './pool-sampler';
import { countSuccesses, scoreExamples } from './pool-scoring';
import { PromptPool, poolSizeParam } from './prompt-pool';
import { drawVasBatch, outcomeVariance, vasMomentum, weightedSlots } from './vas-weights';

const schema = groupPromptsSampler.schema.extend({
  poolSize: poolSizeParam,
  updateEvery: z.number().int().min(1).max(10_000).default(4).describe('T_update: updates between two scorings of the pool (MMR1: 4)'),
  scoring: z
    .enum(['rescore', 'seen'])
    .default('rescore')
    .describe('rescore: n fresh rollouts of every pool prompt at each scoring, as MMR1 (their tokens count); seen: pass rates of the rollouts training drew since the last scoring, free'),
  scoringRollouts: z.number().int().min(1).max(64).default(8).describe('n: rollouts per prompt at a rescoring (MMR1 curriculum_rollout_n: 8)'),
  momentum: z.number().min(0).max(1).default(0).describe('μ: w ← μ·w_old + (1 − μ)·VPS (MMR1: 0)'),
  mixture: z.number().min(0).max(1).default(0.5).describe('λ: share of the batch drawn ∝ w with replacement; the rest uniform without replacement (MMR1: 0.5)'),
  prior: z.number().min(0).max(1).default(0.5).describe('seen scoring: pass rate of a prompt no rollout has visited yet'),
  successThreshold: successThresholdParam,
});

export const vasSampler = defineModule({
  id: 'vas',
  stage: 'sample',
  label: 'Variance-aware sampling (VAS)',
  explain:
    'Every T_update updates, scores each prompt of a fixed pool by its reward variance p(1 − p) — from n fresh rollouts (MMR1) or from the rollouts training already drew — and draws a share λ of each batch in proportion to it, the rest uniformly.',
  formula:
    '\\mathrm{VPS}(x) = p_x(1 - p_x),\\; w \\leftarrow \\mu w + (1-\\mu)\\,\\mathrm{VPS},\\; P(\\text{slot} = x) = \\lambda \\frac{w_x}{\\sum w} + \\frac{1-\\lambda}{N}',
  paper: BUDGET_PAPERS.mmr1,
  schema,
  create: (p: z.output<typeof schema>): Sampler => {
    const pool = new PromptPool(p.poolSize);
    let weights: Float64Array | null = null;
    let vps: Float64Array | null = null;
    let passRate: Float64Array | null = null;
    // Rollouts training drew per pool prompt since the last scoring (the 'seen' estimate).
    let seenS: Float64Array | null = null;
    let seenN: Float64Array | null = null;
    let batchOvs: number[] = [];

    const prepare: PoolPreparation = async ({ task, policy, rng }, { update }) => {
      if (update % p.updateEvery !== 0) return 0;
      const examples = pool.examples(task, rng);
      const n = examples.length;
      passRate ??= new Float64Array(n).fill(p.prior);
      let tokens = 0;
      if (p.scoring === 'rescore') {
        const scored = await scoreExamples(task, policy, examples, p.scoringRollouts, p, rng, p.successThreshold);
        passRate = Float64Array.from(scored.successes, (s) => s / p.scoringRollouts);
        tokens = scored.sampledTokens;
      } else if (seenS && seenN) {
        const s = seenS;
        const c = seenN;
        passRate = passRate.map((old, i) => (c[i] > 0 ? s[i] / c[i] : old));
      }
      seenS = new Float64Array(n);
      seenN = new Float64Array(n);
      vps = passRate.map(outcomeVariance);
      weights = vasMomentum(weights, vps, p.momentum);
      return tokens;
    };

    const picker: PromptPicker = {
      pick(task, rng, prompts, groupSize) {
        const examples = pool.examples(task, rng);
        const w = weights ?? new Float64Array(examples.length).fill(1);
        const idx = drawVasBatch(w, prompts, p.mixture, rng);
        if (vps) batchOvs.push(...idx.map((i) => vps![i]));
        return { examples: idx.map((i) => examples[i]), groupSizes: new Array<number>(prompts).fill(groupSize) };
      },
      observe(groups) {
        for (const g of groups) {
          const i = pool.indexOf(g.example.id);
          if (i < 0 || !seenS || !seenN) continue;
          seenS[i] += countSuccesses(g.rewards, p.successThreshold);
          seenN[i] += g.rewards.length;
        }
      },
      metrics() {
        const out: Record<string, number> = { 'vas/weighted_frac': weightedSlots(p.prompts, p.mixture) / p.prompts };
        if (vps) {
          out['vas/vps_mean'] = vps.reduce((a, v) => a + v, 0) / Math.max(vps.length, 1);
          out['vas/live_frac'] = vps.reduce((a, v) => a + (v > 0 ? 1 : 0), 0) / Math.max(vps.length, 1);
        }
        if (batchOvs.length) out['vas/batch_ovs'] = batchOvs.reduce((a, v) => a + v, 0) / batchOvs.length;
        batchOvs = [];
        return out;
      },
    };
    return makePoolSampler(p, picker, prepare);
  },
});
