import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { successThresholdParam } from '../../advantage/variants/outcome';
import { groupPromptsSampler, type PromptPicker } from '../group-prompts';
import type { Sampler } from '../sampler';
import { allocateBudget } from './knapsack-allocation';
import { BUDGET_PAPERS } from './papers';
import { EpochCursor } from './pool-draws';
import { makePoolSampler } from './pool-sampler';
import { countSuccesses } from './pool-scoring';
import { PromptPool, poolSizeParam } from './prompt-pool';

const schema = groupPromptsSampler.schema.extend({
  poolSize: poolSizeParam,
  budgetLow: z.number().int().min(1).max(1024).default(2).describe('N_low: fewest rollouts a prompt gets (paper reimplementation: 2)'),
  budgetHigh: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(32)
    .describe('N_up: most rollouts a prompt gets (reimplementation: 128, paper up to 93; lab: 4·G), clamped to what the round’s budget Q·G allows'),
  prior: z.number().min(0).max(1).default(0.5).describe('p of a prompt not seen yet (paper: a prior, e.g. 0.5)'),
  successThreshold: successThresholdParam,
});

export type KnapsackParams = z.output<typeof schema>;

export const knapsackSampler = defineModule({
  id: 'knapsack',
  stage: 'sample',
  label: 'Knapsack rollout budget',
  explain:
    'Spends the round’s Q·G rollouts where they teach most: a knapsack gives more completions to prompts whose last visit (passes over a fixed pool) looked learnable, the minimum to solved or hopeless ones; mixed group sizes score with the plain forward.',
  formula:
    '\\max_{N_i} \\sum_i \\big(1 - p_i^{N_i} - (1-p_i)^{N_i}\\big)\\,p_i(1-p_i)^2 \\;\\text{s.t.}\\; \\sum_i N_i \\le Q\\,G,\\; N_{low} \\le N_i \\le N_{up}',
  paper: BUDGET_PAPERS.knapsack,
  schema,
  create: (p: KnapsackParams): Sampler => makePoolSampler(p, makeKnapsackPicker(p)),
});

/**
 * Rounds as passes over a fixed pool; each round's budget Q·G split by the knapsack over the
 * success rates its prompts showed at their last visit.
 */
export function makeKnapsackPicker(p: KnapsackParams): PromptPicker & { metrics(): Record<string, number> } {
  const pool = new PromptPool(p.poolSize);
  const cursor = new EpochCursor();
  // Success rate of each pool prompt at its last visit (NaN until it is drawn).
  let lastRate: Float64Array | null = null;
  let seen = { groups: 0, mixed: 0, rollouts: 0, budget: 0, maxN: 0 };

  return {
    pick(task, rng, prompts, groupSize) {
      const examples = pool.examples(task, rng);
      lastRate ??= new Float64Array(examples.length).fill(NaN);
      const idx = cursor.next(examples.length, prompts, rng);
      const ps = idx.map((i) => (Number.isNaN(lastRate![i]) ? p.prior : lastRate![i]));
      const groupSizes = allocateBudget(ps, prompts * groupSize, p.budgetLow, p.budgetHigh);
      seen.rollouts += groupSizes.reduce((a, n) => a + n, 0);
      seen.budget += prompts * groupSize;
      seen.maxN = Math.max(seen.maxN, ...groupSizes);
      return { examples: idx.map((i) => examples[i]), groupSizes };
    },
    observe(groups) {
      const tally = new Map<number, { s: number; n: number }>();
      for (const g of groups) {
        seen.groups += 1;
        if (Math.max(...g.rewards) !== Math.min(...g.rewards)) seen.mixed += 1;
        const i = pool.indexOf(g.example.id);
        const t = tally.get(i) ?? { s: 0, n: 0 };
        tally.set(i, { s: t.s + countSuccesses(g.rewards, p.successThreshold), n: t.n + g.rewards.length });
      }
      for (const [i, t] of tally) if (i >= 0 && t.n > 0) lastRate![i] = t.s / t.n;
    },
    metrics() {
      const out = {
        'knapsack/max_n': seen.maxN,
        'knapsack/effective_frac': seen.groups ? seen.mixed / seen.groups : 0,
        'knapsack/budget_used': seen.budget ? seen.rollouts / seen.budget : 0,
      };
      seen = { groups: 0, mixed: 0, rollouts: 0, budget: 0, maxN: 0 };
      return out;
    },
  };
}
