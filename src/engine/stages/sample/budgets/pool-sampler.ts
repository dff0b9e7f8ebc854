import type { Batch } from '../../../core/batch';
import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { LanguageTaskSpec } from '../../../tasks/language/language-task';
import { makeGroupPromptsSampler, type GroupPromptsParams, type PromptPicker } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';

export interface PoolContext {
  task: LanguageTaskSpec;
  policy: LanguagePolicy;
  rng: Rng;
}

/** Where the run stands: updates done before this one (0 at the first) and the run's length when known. */
export interface RunPosition {
  update: number;
  totalUpdates: number | null;
}

/**
 * Work a budget sampler does with the policy before an update's rounds (scoring the pool, offline
 * tracker init). Returns the tokens it sampled.
 */
export type PoolPreparation = (ctx: PoolContext, at: RunPosition) => Promise<number>;

/**
 * GRPO's group sampler with a prompt picker, plus an optional preparation step that sees the
 * policy (a PromptPicker does not). Tokens sampled while preparing count toward the run's
 * `tokens`, so budgets compare at their true cost.
 */
export function makePoolSampler(
  p: GroupPromptsParams,
  picker: PromptPicker,
  prepare?: PoolPreparation,
): Sampler & { metrics?: () => Record<string, number> } {
  const inner = makeGroupPromptsSampler(p, picker);
  // Counts collect() calls where the context does not say which update this is.
  let calls = 0;
  return {
    grouped: true,
    ...(inner.metrics ? { metrics: inner.metrics } : {}),
    async collect(ctx): Promise<Batch> {
      const at = { update: ctx.update ?? calls, totalUpdates: ctx.totalUpdates ?? null };
      calls += 1;
      const extra = prepare ? await prepare(languageContext(ctx), at) : 0;
      const batch = await inner.collect(ctx);
      batch.envSteps += extra;
      return batch;
    },
  };
}
