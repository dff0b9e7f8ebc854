import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { successThresholdParam } from '../../advantage/variants/outcome';
import { groupPromptsSampler, type PromptPicker } from '../group-prompts';
import type { Sampler } from '../sampler';
import { curriculumStage, difficulty, difficultyBuckets, stageLength, stagePrompts } from './curriculum-stages';
import { BUDGET_PAPERS } from './papers';
import { uniformDistinct } from './pool-draws';
import { makePoolSampler, type PoolPreparation } from './pool-sampler';
import { scoreExamples } from './pool-scoring';
import { PromptPool, poolSizeParam } from './prompt-pool';

const schema = groupPromptsSampler.schema.extend({
  poolSize: poolSizeParam,
  scoringRollouts: z.number().int().min(1).max(64).default(8).describe('n: rollouts per pool prompt when the initial policy is scored (not given by the paper; lab: 8)'),
  buckets: z.number().int().min(1).max(10).default(3).describe('Difficulty buckets, equal-size quantiles of d (lab choice: 3, easy / medium / hard)'),
  stageUpdates: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .default(null)
    .describe('N_s: updates per stage before the next bucket joins (empty = the lab’s choice, an equal share of the run: updates/K)'),
  successThreshold: successThresholdParam,
});

export const curriculumSampler = defineModule({
  id: 'curriculum',
  stage: 'sample',
  label: 'Difficulty curriculum (CRAFT-GUI)',
  explain:
    'Approximation of CRAFT-GUI: scores a fixed pool once with the initial policy (n rollouts each), cuts it into easy / medium / hard by d = 1 − p̂, and trains on the easy bucket first, adding the next every N_s updates.',
  formula:
    'd(q) = 1 - \\hat p_0(q),\\; \\mathcal{B}_b = \\{q : \\mathrm{rank}_d(q) \\in [\\tfrac{b}{K}N, \\tfrac{b+1}{K}N)\\},\\; s = \\min(K-1, \\lfloor t / N_s \\rfloor),\\; q \\sim \\mathcal{U}\\big(\\textstyle\\bigcup_{b \\le s} \\mathcal{B}_b\\big)',
  paper: BUDGET_PAPERS.craftGui,
  schema,
  create: (p: z.output<typeof schema>): Sampler => {
    const pool = new PromptPool(p.poolSize);
    let difficulties: Float64Array | null = null;
    let bucketOf: Int32Array | null = null;
    let stage = 0;
    let picked: number[] = [];

    const prepare: PoolPreparation = async ({ task, policy, rng }, { update, totalUpdates }) => {
      stage = curriculumStage(update, stageLength(p.stageUpdates, totalUpdates, p.buckets), p.buckets);
      if (bucketOf) return 0;
      const examples = pool.examples(task, rng);
      const scored = await scoreExamples(task, policy, examples, p.scoringRollouts, p, rng, p.successThreshold);
      difficulties = Float64Array.from(scored.successes, (s) => difficulty(s / p.scoringRollouts));
      bucketOf = difficultyBuckets(difficulties, p.buckets);
      return scored.sampledTokens;
    };

    const picker: PromptPicker = {
      pick(task, rng, prompts, groupSize) {
        const examples = pool.examples(task, rng);
        const eligible = bucketOf ? stagePrompts(bucketOf, stage) : examples.map((_, i) => i);
        const idx = uniformDistinct(eligible.length, prompts, rng).map((j) => eligible[j]);
        picked.push(...idx);
        return { examples: idx.map((i) => examples[i]), groupSizes: new Array<number>(prompts).fill(groupSize) };
      },
      metrics() {
        const out: Record<string, number> = { 'curriculum/stage': stage + 1 };
        if (bucketOf) out['curriculum/eligible_frac'] = stagePrompts(bucketOf, stage).length / bucketOf.length;
        if (difficulties && picked.length) out['curriculum/batch_difficulty'] = picked.reduce((a, i) => a + difficulties![i], 0) / picked.length;
        picked = [];
        return out;
      },
    };
    return makePoolSampler(p, picker, prepare);
  },
});
