import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../config/schema';
import type { Batch } from '../core/batch';
import { Rng } from '../core/rng';
import { subsetBatch } from '../core/subset-batch';
import { CategoricalMlpPolicy } from '../policy/categorical-mlp';
import { Adam } from '../nn/adam';
import { clipGradNorm } from '../nn/clip-grad-norm';
import { meanStd, groupIndices } from '../stages/advantage/group-stats';
import { EpisodeWindow } from '../metrics/episode-window';
import { covariance, explainedVariance, minMax } from '../metrics/batch-stats';
import type { MetricRow } from '../metrics/keys';
import { buildPipeline, type Pipeline } from './pipeline';
import { PipelineError } from './pipeline-error';

/** Per-minibatch diagnostics, stacked into one tensor so an update reads back once. */
const MB_METRICS = ['loss/policy', 'loss/value', 'loss/total', 'ratio/mean', 'ratio/max', 'clip/frac_low', 'clip/frac_high', 'kl/old', 'kl/ref', 'grad/norm'] as const;

/**
 * The training loop: sample → select → advantage → (weight) → update, each stage a registry
 * module named by the config. One call to step() is one update.
 */
export class Trainer {
  readonly pipeline: Pipeline;
  readonly policy: CategoricalMlpPolicy;
  private readonly reference: CategoricalMlpPolicy | null;
  private readonly optimizer: Adam;
  private readonly sampleRng: Rng;
  private readonly updateRng: Rng;
  private readonly episodes = new EpisodeWindow(20);
  private readonly startTime = performance.now();
  private envSteps = 0;
  stepIndex = 0;

  constructor(readonly config: RunConfig) {
    this.pipeline = buildPipeline(config);
    const root = new Rng(config.seed);
    const initRng = root.fork();
    this.sampleRng = root.fork();
    this.updateRng = root.fork();
    const { task, advantage, regularisers } = this.pipeline;
    this.policy = new CategoricalMlpPolicy(task.obsDim, task.nActions, config.policy, advantage.needsCritic, initRng);
    this.reference = regularisers.some((r) => r.needsReference)
      ? new CategoricalMlpPolicy(task.obsDim, task.nActions, config.policy, false, root.fork(), 'reference')
      : null;
    if (this.reference) this.policy.actor.copyTo(this.reference.actor);
    this.optimizer = new Adam(this.policy.variables(), 0.9, 0.999, this.pipeline.update.adamEps);
  }

  get totalUpdates(): number {
    return this.config.schedule.updates;
  }

  get done(): boolean {
    return this.stepIndex >= this.totalUpdates;
  }

  async step(): Promise<MetricRow> {
    const t0 = performance.now();
    const { sampler, selectors, advantage, task } = this.pipeline;
    const progress = this.stepIndex / this.totalUpdates;

    const sampled = await this.stage('sample', () => sampler.collect({ task, policy: this.policy, rng: this.sampleRng }));
    this.envSteps += sampled.envSteps;
    for (const ep of sampled.finishedEpisodes) this.episodes.push(ep.ret, ep.len);

    let batch = sampled;
    for (const sel of selectors) {
      const keep = await this.stage('select', () => sel.keep(batch));
      batch = subsetBatch(batch, keep);
    }
    const keepFrac = sampled.seqs.length ? batch.seqs.length / sampled.seqs.length : 1;

    const row: MetricRow = { step: this.stepIndex + 1 };
    const rewards = sampled.seqs.filter((s) => s.terminated || s.truncated).map((s) => s.reward);
    if (rewards.length) {
      const { mean, std } = meanStd(rewards);
      row['reward/mean'] = mean;
      row['reward/std'] = std;
    }
    row['select/keep_frac'] = keepFrac;
    row['policy/entropy'] = meanStd(sampled.entropy).mean;

    if (batch.n > 0) {
      const adv = await this.stage('advantage', () => advantage.compute(batch));
      this.checkFinite('advantage', adv.advantages);
      const { mean, std } = meanStd(adv.advantages);
      const mm = minMax(adv.advantages);
      Object.assign(row, { 'adv/mean': mean, 'adv/std': std, 'adv/min': mm.min, 'adv/max': mm.max });
      row['group/zero_adv_frac'] = zeroAdvGroupFrac(batch, adv.advantages);
      row['cov/logp_adv'] = covariance(batch.logpOld, adv.advantages);
      if (batch.values && adv.returns) row['value/explained_variance'] = explainedVariance(batch.values, adv.returns);
      const lr = this.learningRate(progress);
      row.lr = lr;
      Object.assign(row, await this.stage('update', () => this.update(batch, adv.advantages, adv.returns, lr, progress)));
    } else {
      row['group/zero_adv_frac'] = 1;
    }

    this.stepIndex += 1;
    for (const reg of this.pipeline.regularisers) {
      if (this.reference && reg.refRefreshEvery > 0 && this.stepIndex % reg.refRefreshEvery === 0) {
        this.policy.actor.copyTo(this.reference.actor);
      }
    }
    if (this.episodes.count) {
      row['episode/return_mean'] = this.episodes.returnMean();
      row['episode/length_mean'] = this.episodes.lengthMean();
    }
    const seconds = (performance.now() - t0) / 1000;
    row.env_steps = this.envSteps;
    row.wall_s = (performance.now() - this.startTime) / 1000;
    row['speed/env_steps_per_s'] = sampled.envSteps / Math.max(seconds, 1e-9);
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'number' && Number.isNaN(v) && k !== 'value/explained_variance') {
        throw new PipelineError('measure', this.stepIndex, `metric ${k} is NaN`);
      }
    }
    return row;
  }

  private learningRate(progress: number): number {
    const u = this.pipeline.update;
    return u.lrSchedule === 'linear' ? u.lr * (1 - progress) : u.lr;
  }

  private async update(
    batch: Batch,
    advantages: Float32Array,
    returns: Float32Array | null,
    lr: number,
    progress: number,
  ): Promise<Partial<MetricRow>> {
    const u = this.pipeline.update;
    const { surrogate, aggregator, regularisers, task } = this.pipeline;
    const critic = this.policy.critic;
    const n = batch.n;
    const d = batch.obsDim;
    const adv = advantages.slice();
    if (u.normAdvantages === 'batch') standardise(adv);
    const mbSize = Math.max(1, Math.ceil(n / u.minibatches));
    const collected: tf.Tensor[] = [];
    const vars = this.policy.variables();

    for (let epoch = 0; epoch < u.epochs; epoch++) {
      const perm = this.updateRng.permutation(n);
      for (let start = 0; start < n; start += mbSize) {
        const idx = perm.subarray(start, Math.min(n, start + mbSize));
        const m = idx.length;
        const obs = new Float32Array(m * d);
        const act = new Int32Array(m);
        const oldLogp = new Float32Array(m);
        const mbAdv = new Float32Array(m);
        const seqIds = new Int32Array(m);
        const ret = new Float32Array(m);
        const oldV = new Float32Array(m);
        idx.forEach((j, i) => {
          obs.set(batch.obs.subarray(j * d, j * d + d), i * d);
          act[i] = batch.actions[j];
          oldLogp[i] = batch.logpOld[j];
          mbAdv[i] = adv[j];
          seqIds[i] = batch.seqId[j];
          if (returns) ret[i] = returns[j];
          if (batch.values) oldV[i] = batch.values[j];
        });
        if (u.normAdvantages === 'minibatch' && m > 1) standardise(mbAdv);
        const aggW = aggregator.weights(seqIds, task.maxSteps);

        const metrics = tf.tidy(() => {
          const obsT = tf.tensor2d(obs, [m, d]);
          const actHot = tf.oneHot(tf.tensor1d(act, 'int32'), task.nActions);
          const oldLogpT = tf.tensor1d(oldLogp);
          const advT = tf.tensor1d(mbAdv);
          const aggT = tf.tensor1d(aggW);
          const retT = tf.tensor1d(ret);
          const oldVT = tf.tensor1d(oldV);
          const refLogp = this.reference
            ? (tf.sum(tf.mul(tf.logSoftmax(this.reference.logits(obsT)), actHot), 1) as tf.Tensor1D)
            : null;
          let kept: tf.Tensor1D | null = null;
          const { value, grads } = tf.variableGrads(() => {
            const logAll = tf.logSoftmax(this.policy.logits(obsT));
            const logp = tf.sum(tf.mul(logAll, actHot), 1) as tf.Tensor1D;
            const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logAll), logAll), 1)) as tf.Tensor1D;
            const ratio = tf.exp(tf.clipByValue(tf.sub(logp, oldLogpT), -20, 20)) as tf.Tensor1D;
            const x = { logp, ratio, adv: advT, progress };
            const perStep = surrogate.loss(x);
            const pgLoss = tf.sum(tf.mul(aggT, perStep)) as tf.Scalar;
            let total: tf.Scalar = pgLoss;
            for (const reg of regularisers) {
              total = tf.add(total, reg.loss({ logp, refLogp, entropy, aggWeights: aggT }));
            }
            let vLoss: tf.Scalar = tf.scalar(0);
            if (critic && returns) {
              const v = critic.forward(obsT).reshape([-1]);
              const unclipped = tf.square(tf.sub(v, retT));
              vLoss = u.clipVloss
                ? tf.mul(0.5, tf.mean(tf.maximum(unclipped, tf.square(tf.sub(tf.add(oldVT, tf.clipByValue(tf.sub(v, oldVT), -u.vfClip, u.vfClip)), retT)))))
                : tf.mul(0.5, tf.mean(unclipped));
              total = tf.add(total, tf.mul(u.vfCoef, vLoss));
            }
            const masks = surrogate.clipMasks(x);
            const klRef = refLogp ? tf.mean(tf.exp(tf.sub(refLogp, logp)).sub(tf.sub(refLogp, logp)).sub(1)) : tf.scalar(NaN);
            kept = tf.keep(
              tf.stack([
                pgLoss,
                vLoss,
                total,
                tf.mean(ratio),
                tf.max(ratio),
                masks ? tf.mean(masks.low) : tf.scalar(0),
                masks ? tf.mean(masks.high) : tf.scalar(0),
                tf.mean(tf.sub(oldLogpT, logp)),
                klRef,
              ]) as tf.Tensor1D,
            );
            return total;
          }, vars);
          const { clipped, norm } = clipGradNorm(vars.map((v) => grads[v.name]), u.maxGradNorm);
          this.optimizer.step(clipped, lr);
          void value;
          const out = tf.concat([kept!, norm.reshape([1])]);
          kept!.dispose();
          return out;
        });
        collected.push(metrics);
      }
    }
    const stacked = tf.stack(collected);
    const flat = await stacked.data();
    stacked.dispose();
    collected.forEach((t) => t.dispose());
    return summarise(flat, collected.length, critic !== null && returns !== null, this.reference !== null);
  }

  private async stage<T>(stage: string, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof PipelineError) throw e;
      throw new PipelineError(stage, this.stepIndex + 1, e instanceof Error ? e.message : String(e));
    }
  }

  private checkFinite(stage: string, xs: Float32Array): void {
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i])) throw new PipelineError(stage, this.stepIndex + 1, `non-finite value at step ${i}`);
    }
  }

  dispose(): void {
    this.policy.dispose();
    this.reference?.dispose();
    this.optimizer.dispose();
  }
}

function standardise(xs: Float32Array): void {
  const { mean, std } = meanStd(xs);
  for (let i = 0; i < xs.length; i++) xs[i] = (xs[i] - mean) / (std + 1e-8);
}

/** Share of groups (ungrouped sequences count alone) whose advantages are all zero. */
function zeroAdvGroupFrac(batch: Batch, adv: Float32Array): number {
  const groups = batch.seqs.map((s, i) => (s.group < 0 ? -1 - i : s.group));
  const idx = groupIndices(groups);
  let zero = 0;
  for (const g of idx) {
    const allZero = g.every((si) => {
      const s = batch.seqs[si];
      for (let t = s.start; t < s.start + s.length; t++) if (Math.abs(adv[t]) > 1e-8) return false;
      return true;
    });
    if (allZero) zero += 1;
  }
  return idx.length ? zero / idx.length : 0;
}

function summarise(flat: Float32Array | Int32Array | Uint8Array, count: number, hasValue: boolean, hasRef: boolean): Partial<MetricRow> {
  const width = MB_METRICS.length;
  const out: Partial<MetricRow> = {};
  MB_METRICS.forEach((key, k) => {
    if (key === 'loss/value' && !hasValue) return;
    if (key === 'kl/ref' && !hasRef) return;
    let acc = key === 'ratio/max' ? -Infinity : 0;
    for (let i = 0; i < count; i++) {
      const v = flat[i * width + k];
      acc = key === 'ratio/max' ? Math.max(acc, v) : acc + v / count;
    }
    out[key] = acc;
  });
  return out;
}
