import type { Batch } from '../../core/batch';
import type { Rng } from '../../core/rng';
import type { ControlTaskSpec } from '../../envs/env';
import { CategoricalMlpPolicy, categoricalRow } from '../../policy/categorical-mlp';
import { LanguagePolicy } from '../../policy/language-policy';
import type { LanguageTaskSpec } from '../../tasks/language/language-task';
import type { TaskSpec } from '../../tasks/task-spec';

export interface SampleContext {
  task: TaskSpec;
  policy: CategoricalMlpPolicy | LanguagePolicy;
  rng: Rng;
  /** Updates done before this one (0 at the first), and the run's total: for schedules (curricula, ReMix's reincarnation). */
  update?: number;
  totalUpdates?: number;
}

/** A control sampler's view of the context (refuses a language task clearly). */
export function controlContext(ctx: SampleContext): { task: ControlTaskSpec; policy: CategoricalMlpPolicy; rng: Rng } {
  if (ctx.task.kind !== 'control' || !(ctx.policy instanceof CategoricalMlpPolicy)) {
    throw new Error(`this sampler steps environments; task "${ctx.task.id}" is a language task (use "group-prompts")`);
  }
  return { task: ctx.task, policy: ctx.policy, rng: ctx.rng };
}

export function languageContext(ctx: SampleContext): { task: LanguageTaskSpec; policy: LanguagePolicy; rng: Rng } {
  if (ctx.task.kind !== 'language' || !(ctx.policy instanceof LanguagePolicy)) {
    throw new Error(`this sampler draws completions; task "${ctx.task.id}" is a control task`);
  }
  return { task: ctx.task, policy: ctx.policy, rng: ctx.rng };
}

export interface Sampler {
  /** True when the sampler draws G sequences per start state (what group advantages need). */
  readonly grouped: boolean;
  /** What it samples: 'control' steps environments; absent or 'language' draws completions. */
  readonly kind?: 'control' | 'language';
  collect(ctx: SampleContext): Promise<Batch>;
}

/** Draws one action per row of logits from the run's generator. */
export function sampleActions(
  logits: Float32Array,
  n: number,
  k: number,
  rng: Rng,
): { actions: Int32Array; logp: Float64Array; entropy: Float64Array } {
  const probs = new Float64Array(k);
  const actions = new Int32Array(n);
  const logp = new Float64Array(n);
  const entropy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { logZ, entropy: h } = categoricalRow(logits, i * k, k, probs);
    if (!Number.isFinite(logZ)) throw new Error(`policy produced non-finite logits (row ${i})`);
    const a = rng.categorical(probs, 0, k);
    actions[i] = a;
    logp[i] = logits[i * k + a] - logZ;
    entropy[i] = h;
  }
  return { actions, logp, entropy };
}
