import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import { Mlp } from '../nn/mlp';
import type { PolicyConfig } from './policy-config';
import type { Batch } from '../core/batch';
import type { StepScores, TrainablePolicy } from './policy';

/**
 * Categorical MLP policy with an optional separate value network (CleanRL ppo.py layout:
 * hidden gain √2, actor head gain 0.01, critic head gain 1).
 */
export class CategoricalMlpPolicy implements TrainablePolicy {
  readonly minibatchUnit = 'step' as const;
  readonly actor: Mlp;
  readonly critic: Mlp | null;

  constructor(
    readonly obsDim: number,
    readonly nActions: number,
    readonly config: PolicyConfig,
    withCritic: boolean,
    rng: Rng,
    name = 'policy',
  ) {
    const sizes = [obsDim, ...config.hidden];
    const hiddenGains = config.hidden.map(() => Math.SQRT2);
    this.actor = new Mlp([...sizes, nActions], config.activation, [...hiddenGains, 0.01], rng, `${name}/actor`);
    this.critic = withCritic
      ? new Mlp([...sizes, 1], config.activation, [...hiddenGains, 1.0], rng, `${name}/critic`)
      : null;
  }

  logits(obs: tf.Tensor2D): tf.Tensor2D {
    return this.actor.forward(obs);
  }

  value(obs: tf.Tensor2D): tf.Tensor1D {
    if (!this.critic) throw new Error('this policy has no critic');
    const critic = this.critic;
    return tf.tidy(() => critic.forward(obs).reshape([-1]) as tf.Tensor1D);
  }

  /**
   * One batched call for n observations: logits (n × nActions) and, with a critic, values (n).
   * A single read-back per call.
   */
  async act(obs: Float32Array, n: number): Promise<{ logits: Float32Array; values: Float32Array | null }> {
    const k = this.nActions;
    const out = tf.tidy(() => {
      const x = tf.tensor2d(obs.subarray(0, n * this.obsDim), [n, this.obsDim]);
      const logits = this.actor.forward(x);
      return this.critic ? tf.concat([logits, this.critic.forward(x)], 1) : logits;
    });
    const flat = (await out.data()) as Float32Array;
    out.dispose();
    const width = this.critic ? k + 1 : k;
    if (!this.critic) return { logits: flat, values: null };
    const logits = new Float32Array(n * k);
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < k; a++) logits[i * k + a] = flat[i * width + a];
      values[i] = flat[i * width + k];
    }
    return { logits, values };
  }

  score(batch: Batch, steps: Int32Array): StepScores {
    const d = this.obsDim;
    const m = steps.length;
    const obs = new Float32Array(m * d);
    const actions = new Int32Array(m);
    steps.forEach((j, i) => {
      obs.set(batch.obs.subarray(j * d, j * d + d), i * d);
      actions[i] = batch.actions[j];
    });
    const x = tf.tensor2d(obs, [m, d]);
    const logAll = tf.logSoftmax(this.actor.forward(x));
    const logp = tf.sum(tf.mul(logAll, tf.oneHot(tf.tensor1d(actions, 'int32'), this.nActions)), 1) as tf.Tensor1D;
    const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logAll), logAll), 1)) as tf.Tensor1D;
    const value = this.critic ? (this.critic.forward(x).reshape([-1]) as tf.Tensor1D) : null;
    return { logp, entropy, value };
  }

  /** Copies the actor's weights into another policy of the same shape (a reference refresh). */
  copyActorTo(other: CategoricalMlpPolicy): void {
    this.actor.copyTo(other.actor);
  }

  variables(): tf.Variable[] {
    return [...this.actor.variables(), ...(this.critic ? this.critic.variables() : [])];
  }

  dispose(): void {
    this.actor.dispose();
    this.critic?.dispose();
  }
}

/** Softmax of one row of logits, in float64, with log-probabilities and entropy. */
export function categoricalRow(
  logits: Float32Array,
  offset: number,
  k: number,
  probs: Float64Array,
): { logZ: number; entropy: number } {
  let max = -Infinity;
  for (let a = 0; a < k; a++) max = Math.max(max, logits[offset + a]);
  let sum = 0;
  for (let a = 0; a < k; a++) {
    probs[a] = Math.exp(logits[offset + a] - max);
    sum += probs[a];
  }
  const logZ = max + Math.log(sum);
  let entropy = 0;
  for (let a = 0; a < k; a++) {
    probs[a] /= sum;
    if (probs[a] > 0) entropy -= probs[a] * (logits[offset + a] - logZ);
  }
  return { logZ, entropy };
}
