import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import type { Rng } from '../../../core/rng';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { SamplingSchema, assembleLanguageBatch, drawGroups, type DrawnGroup } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { buildOfflineDataset, drawOffline, type OfflineDataset } from './offline-dataset';
import { OFFPOLICY_PAPERS } from './papers';

export const alolOfflineSchema = z.object({
  poolPrompts: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(32)
    .describe('Prompts in the offline dataset (A-LoL: the whole task training set; lab default 32)'),
  k: z
    .number()
    .int()
    .min(2)
    .max(64)
    .default(8)
    .describe('Samples of π_ref per prompt; V(x) is their mean reward (lab substitute for A-LoL’s value head; lab default 8)'),
  batchSize: z.number().int().min(1).max(256).default(16).describe('B: dataset responses trained on per update (lab default 16)'),
  priority: z
    .enum(['advantage', 'uniform'])
    .default('advantage')
    .describe('Draw responses ∝ A⁺ (LoL-RL good_priority, the paper’s default) or uniformly among A > 0 (good_random)'),
  ...SamplingSchema,
});

export type AlolOfflineParams = z.output<typeof alolOfflineSchema>;

/** Rows per drawGroups call when the dataset is built (bounds one KV-cached pass). */
const ROWS_PER_DRAW = 256;

/** Up to n distinct training prompts (a small task may have fewer). */
function distinctPrompts(task: LanguageTaskSpec, rng: Rng, n: number): LanguageExample[] {
  const seen = new Map<string, LanguageExample>();
  for (let tries = 0; seen.size < n && tries < 20 * n; tries++) {
    const ex = task.sample(rng);
    if (!seen.has(ex.id)) seen.set(ex.id, ex);
  }
  return [...seen.values()];
}

/**
 * A-LoL's offline data (algorithms-llm.md §25): on the first collect the current policy, which is
 * then the base checkpoint π_ref, draws k responses to each of `poolPrompts` prompts; the verifier
 * scores them; V(x) = their mean reward; only A = R − V > 0 is kept. Every update then draws B
 * responses from that fixed dataset, each a sequence of its own carrying π_ref's log-probs as
 * logpOld (so the trainer's ratio is π_θ/π_ref) and A⁺ as its fixed advantage. After the first
 * collect nothing is sampled again.
 */
export function makeAlolOfflineSampler(p: AlolOfflineParams): Sampler & { metrics(): Record<string, number> } {
  let dataset: OfflineDataset | null = null;
  return {
    grouped: false,
    metrics: () => ({ 'alol/leftover_frac': dataset && dataset.size ? dataset.leftover.length / dataset.size : 0 }),
    async collect(ctx): Promise<Batch> {
      const { task, policy, rng } = languageContext(ctx);
      const S = task.maxCompletionLength;
      let sampledTokens = 0;
      if (!dataset) {
        const prompts = distinctPrompts(task, rng, p.poolPrompts);
        const perDraw = Math.max(1, Math.floor(ROWS_PER_DRAW / p.k));
        const groups: DrawnGroup[] = [];
        for (let at = 0; at < prompts.length; at += perDraw) {
          const chunk = prompts.slice(at, at + perDraw);
          const drawn = await drawGroups(task, policy, chunk, chunk.map(() => p.k), p, rng);
          groups.push(...drawn.groups);
          sampledTokens += drawn.sampledTokens;
        }
        dataset = buildOfflineDataset(groups);
      }
      const picked = drawOffline(dataset.leftover, p.batchSize, p.priority, rng).map((i) => dataset!.leftover[i]);
      const groups: DrawnGroup[] = picked.map((e) => ({
        example: e.example,
        rewards: [e.reward],
        rows: [{ ...e.row, advantage: e.advantage }],
      }));
      return assembleLanguageBatch(groups, S, policy.model.vocabSize, sampledTokens, sampledTokens > 0 ? 1 : 0);
    },
  };
}

export const alolOfflineSampler = defineModule({
  id: 'alol-offline',
  stage: 'sample',
  label: 'A-LoL offline dataset',
  explain:
    'Approximation of A-LoL’s data: once, the base model answers each prompt k times; V(x) is the mean reward of those k answers (a toy stand-in for the value head); only answers with A = R − V > 0 are kept and replayed, ∝ A⁺, for every update with A⁺ as their advantage (keep advantage normalisation off); nothing is sampled again.',
  formula:
    'V(x) = \\tfrac{1}{k}\\textstyle\\sum_{j=1}^{k} R(x, y_j),\\; y_j \\sim \\pi_{ref};\\; A^{+} = \\max(R - V(x), 0);\\; P(x, y) \\propto A^{+}',
  paper: OFFPOLICY_PAPERS.alol,
  schema: alolOfflineSchema,
  create: (p) => makeAlolOfflineSampler(p),
});
