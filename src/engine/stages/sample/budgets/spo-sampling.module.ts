import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { isSuccess, successThresholdParam } from '../../advantage/variants/outcome';
import { spoOfflineInit, spoTrackerUpdate } from '../../advantage/variants/spo.module';
import { groupPromptsSampler, type PromptPicker } from '../group-prompts';
import type { Sampler } from '../sampler';
import { BUDGET_PAPERS } from './papers';
import { weightedWithoutReplacement } from './pool-draws';
import { makePoolSampler, type PoolPreparation } from './pool-sampler';
import { scoreExamples } from './pool-scoring';
import { PromptPool, poolSizeParam } from './prompt-pool';
import { spoPriority, trackerMean } from './spo-priority';

const schema = groupPromptsSampler.schema.extend({
  prompts: z.number().int().min(1).max(256).default(64).describe('Q: prompts per update (SPO: 1024, one response each; lab: 64)'),
  groupSize: z.number().int().min(1).max(64).default(1).describe('Responses per prompt (SPO rollout.n: 1, no groups)'),
  poolSize: poolSizeParam,
  offlineSamples: z
    .number()
    .int()
    .min(0)
    .max(64)
    .default(8)
    .describe('n₀: rollouts per pool prompt that initialise its tracker before training, and count as sampled tokens (SPO: 8; 0 = Beta(0.5, 0.5))'),
  rho: z.number().min(0).max(1).default(0.875).describe("ρ: the tracker's forgetting factor per visit (SPO's constant-ρ mode, ρ_min = 0.875; also sets N_init = 1/(1 − ρ))"),
  exploration: z.number().min(0).max(1).default(0.05).describe('ε: priority floor, w = √(p̂(1 − p̂)) + ε (SPO: 0.05)'),
  successThreshold: successThresholdParam,
});

type Tracker = { alpha: number; beta: number };

export const spoSampler = defineModule({
  id: 'spo-sampling',
  stage: 'sample',
  label: 'SPO prioritised prompts',
  explain:
    'Keeps a Beta(α, β) tracker of each pool prompt’s success rate (initialised from n₀ offline rollouts) and draws the batch in proportion to √(p̂(1 − p̂)) + ε, one response per prompt; pair it with the "spo" advantage.',
  formula: 'P(x) \\propto \\sqrt{\\hat p(x)\\,(1 - \\hat p(x))} + \\epsilon,\\; \\hat p = \\frac{\\alpha}{\\alpha + \\beta},\\; \\alpha \\leftarrow \\rho\\alpha + R,\\; \\beta \\leftarrow \\rho\\beta + 1 - R',
  paper: BUDGET_PAPERS.spo,
  schema,
  create: (p: z.output<typeof schema>): Sampler => {
    const pool = new PromptPool(p.poolSize);
    let trackers: Tracker[] | null = null;
    let drawnPHat: number[] = [];

    const prepare: PoolPreparation = async ({ task, policy, rng }) => {
      if (trackers) return 0;
      const examples = pool.examples(task, rng);
      if (p.offlineSamples === 0) {
        trackers = examples.map(() => spoOfflineInit(0, 0, p.rho));
        return 0;
      }
      const scored = await scoreExamples(task, policy, examples, p.offlineSamples, p, rng, p.successThreshold);
      trackers = scored.successes.map((s) => spoOfflineInit(p.offlineSamples, s, p.rho));
      return scored.sampledTokens;
    };

    const picker: PromptPicker = {
      pick(task, rng, prompts, groupSize) {
        const examples = pool.examples(task, rng);
        trackers ??= examples.map(() => spoOfflineInit(0, 0, p.rho));
        const pHat = trackers.map(trackerMean);
        const idx = weightedWithoutReplacement(
          pHat.map((q) => spoPriority(q, p.exploration)),
          prompts,
          rng,
        );
        drawnPHat.push(...idx.map((i) => pHat[i]));
        return { examples: idx.map((i) => examples[i]), groupSizes: new Array<number>(prompts).fill(groupSize) };
      },
      observe(groups) {
        for (const g of groups) {
          const i = pool.indexOf(g.example.id);
          if (i < 0 || !trackers) continue;
          trackers[i] = spoTrackerUpdate(trackers[i], p.rho, g.rewards.map((r) => (isSuccess(r, p.successThreshold) ? 1 : 0)));
        }
      },
      metrics() {
        const out: Record<string, number> = {};
        if (trackers?.length) out['spo/pool_p_hat'] = trackers.reduce((a, t) => a + trackerMean(t), 0) / trackers.length;
        if (drawnPHat.length) out['spo/batch_p_hat'] = drawnPHat.reduce((a, q) => a + q, 0) / drawnPHat.length;
        drawnPHat = [];
        return out;
      },
    };
    return makePoolSampler(p, picker, prepare);
  },
});
