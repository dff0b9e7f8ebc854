import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../core/batch';
import type { Rng } from '../core/rng';
import type { StepScores, TrainablePolicy } from './policy';
import { Transformer, gatherRows } from './transformer/transformer';
import type { TransformerConfig } from './transformer/transformer-config';
import { completionLogits, type PrefixMode } from './transformer/completion-logits';
import { PAD } from '../tasks/language/vocab';

/**
 * A transformer policy over tokens. Scores come from one forward over whole completions per
 * minibatch, plain or with each group's prompt encoded once (Prefix Grouper).
 */
export class LanguagePolicy implements TrainablePolicy {
  readonly minibatchUnit = 'group' as const;
  readonly model: Transformer;
  /**
   * The sampling temperature: scores divide the logits by it, as the sampler's log-probs do
   * (verl's actor and reference do the same), so that the first ratio of an update is 1.
   */
  temperature = 1;

  constructor(
    config: TransformerConfig,
    vocabSize: number,
    readonly prefixMode: PrefixMode,
    rng: Rng,
    name = 'lm',
  ) {
    this.model = new Transformer(config, vocabSize, rng, name);
  }

  score(batch: Batch, steps: Int32Array): StepScores {
    const lm = batch.lm;
    if (!lm) throw new Error('a language policy needs a language batch');
    const S = lm.steps;
    // The sequences the steps belong to, in order of first appearance, and each step's cell.
    const seqOrder: number[] = [];
    const rowOf = new Map<number, number>();
    const cells = new Int32Array(steps.length);
    steps.forEach((t, i) => {
      const s = batch.seqId[t];
      let row = rowOf.get(s);
      if (row === undefined) {
        row = seqOrder.length;
        rowOf.set(s, row);
        seqOrder.push(s);
      }
      cells[i] = row * S + (t - batch.seqs[s].start);
    });
    const { prompts, groupSize, mode } = this.promptsFor(batch, seqOrder);
    const completions = new Int32Array(seqOrder.length * S);
    seqOrder.forEach((s, row) => completions.set(lm.completions.subarray(s * S, (s + 1) * S), row * S));
    const logits = completionLogits(this.model, prompts, completions, groupSize, S, PAD, mode);
    const v = this.model.vocabSize;
    const scaled = this.temperature === 1 ? logits : tf.div(logits, this.temperature);
    const logAll = tf.logSoftmax(scaled).reshape([seqOrder.length * S, v]);
    const picked = gatherRows(logAll, tf.tensor1d(cells, 'int32')) as tf.Tensor2D; // [m, V]
    const actions = tf.oneHot(tf.tensor1d(Int32Array.from(steps, (t) => batch.actions[t]), 'int32'), v);
    const logp = tf.sum(tf.mul(picked, actions), 1) as tf.Tensor1D;
    const entropy = tf.neg(tf.sum(tf.mul(tf.exp(picked), picked), 1)) as tf.Tensor1D;
    return { logp, entropy, value: null };
  }

  /**
   * One prompt per group when every group is whole, contiguous and of one size (what the shared
   * prefix needs); otherwise one prompt per sequence and the plain forward (same loss: groups of
   * several sizes come from budgeted samplers, demonstrations and replay).
   */
  private promptsFor(batch: Batch, seqOrder: number[]): { prompts: number[][]; groupSize: number; mode: PrefixMode } {
    const lm = batch.lm!;
    const sizes = new Map<number, number>();
    for (const s of seqOrder) sizes.set(batch.seqs[s].group, (sizes.get(batch.seqs[s].group) ?? 0) + 1);
    const g = sizes.values().next().value ?? 1;
    const contiguous = seqOrder.every((s, i) => i % g !== 0 || seqOrder.slice(i, i + g).every((x) => batch.seqs[x].group === batch.seqs[s].group));
    const uniform = [...sizes.values()].every((n) => n === g) && contiguous;
    if (uniform) {
      const prompts: number[][] = [];
      for (let i = 0; i < seqOrder.length; i += g) prompts.push(lm.prompts[seqOrder[i]]);
      return { prompts, groupSize: g, mode: this.prefixMode };
    }
    return { prompts: seqOrder.map((s) => lm.prompts[s]), groupSize: 1, mode: 'plain' };
  }

  copyTo(other: LanguagePolicy): void {
    const mine = this.variables();
    other.variables().forEach((v, i) => v.assign(mine[i]));
  }

  variables(): tf.Variable[] {
    return this.model.variables();
  }

  dispose(): void {
    this.model.dispose();
  }
}
