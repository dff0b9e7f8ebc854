import type { Batch } from '../../core/batch';
import type { Rng } from '../../core/rng';
import type { ControlTaskSpec } from '../../envs/env';
import type { CategoricalMlpPolicy } from '../../policy/categorical-mlp';
import { categoricalRow } from '../../policy/categorical-mlp';

export interface SampleContext {
  task: ControlTaskSpec;
  policy: CategoricalMlpPolicy;
  rng: Rng;
}

export interface Sampler {
  /** True when the sampler draws G sequences per start state (what group advantages need). */
  readonly grouped: boolean;
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
