import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../config/schema';
import type { Batch } from '../core/batch';
import { Rng } from '../core/rng';
import { subsetBatch } from '../core/subset-batch';
import { makePolicy, copyPolicy, type AnyPolicy } from '../policy/make-policy';
import { LanguagePolicy } from '../policy/language-policy';
import { evaluateLanguageWithTools } from '../stages/sample/tools/evaluate-with-tools';
import { inspectGroup, type RolloutGroupSample } from './inspect-group';
import { loadWeights, type CheckpointSource } from '../policy/checkpoint';
import { checkCheckpoint } from './check-checkpoint';
import { moduleMetrics } from '../registry/module-metrics';
import { maxSequenceLength } from '../tasks/task-spec';
import type { LanguageExample } from '../tasks/language/language-task';
import { Adam } from '../nn/adam';
import { clipFlatGradNorm } from '../nn/clip-grad-norm';
import { meanStd, groupIndices } from '../stages/advantage/group-stats';
import { EpisodeWindow } from '../metrics/episode-window';
import { covariance, explainedVariance, minMax } from '../metrics/batch-stats';
import type { MetricRow } from '../metrics/keys';
import { buildPipeline, type Pipeline } from './pipeline';
import { PipelineError } from './pipeline-error';
import { applyFixedAdvantages, combineMasks, maskedAggregation } from './loss-mask';

/** Per-minibatch diagnostics, stacked into one tensor so an update reads back once. */
const MB_METRICS = ['loss/policy', 'loss/value', 'loss/total', 'ratio/mean', 'ratio/max', 'clip/frac_low', 'clip/frac_high', 'kl/old', 'kl/ref', 'grad/norm'] as const;

/**
 * The training loop: sample → select → advantage → (weight) → update, each stage a registry
 * module named by the config. One call to step() is one update.
 */
export class Trainer {
  readonly pipeline: Pipeline;
  readonly policy: AnyPolicy;
  private readonly reference: AnyPolicy | null;
  private evalSet: LanguageExample[] | null = null;
  /** The last trained batch and its advantages, for the rollout inspector. */
  private last: { batch: Batch; advantages: Float32Array } | null = null;
  private tokens = 0;
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
    this.policy = makePolicy(task, config.policy, advantage.needsCritic, initRng);
    this.reference =
      regularisers.some((r) => r.needsReference) || advantage.needsReferenceLogp || this.pipeline.shapers.some((s) => s.needsReferenceLogp)
      ? makePolicy(task, config.policy, false, root.fork(), 'reference')
      : null;
    if (this.reference) copyPolicy(this.policy, this.reference);
    const temperature = (config.stages.sample.params as { temperature?: number }).temperature;
    for (const p of [this.policy, this.reference]) if (p instanceof LanguagePolicy && temperature !== undefined) p.temperature = temperature;
    this.optimizer = new Adam(this.policy.variables(), 0.9, 0.999, this.pipeline.update.adamEps);
  }

  /**
   * A trainer ready to run: language policies start from their task's base checkpoint unless the
   * config asks for random weights.
   */
  static async create(config: RunConfig, opts: { checkpoints?: CheckpointSource } = {}): Promise<Trainer> {
    const trainer = new Trainer(config);
    try {
      const { task } = trainer.pipeline;
      if (task.kind === 'language' && config.policy.init === 'checkpoint') {
        if (!opts.checkpoints) throw new Error('no checkpoint source: set policy.init to "random" or provide base checkpoints');
        const raw = await opts.checkpoints(config.task.id);
        const checkpoint = checkCheckpoint(raw, config);
        loadWeights(trainer.policy.variables(), checkpoint.weights);
        if (trainer.reference) copyPolicy(trainer.policy, trainer.reference);
      }
    } catch (e) {
      trainer.dispose();
      throw e instanceof PipelineError ? e : new PipelineError('init', 0, e instanceof Error ? e.message : String(e));
    }
    return trainer;
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

    // The first row's evaluation is of the starting policy (the base checkpoint), before any update.
    const baseEval =
      task.kind === 'language' && this.stepIndex === 0 && this.config.schedule.evalEvery > 0
        ? await this.stage('measure', () => this.evaluate())
        : null;
    const sampled = await this.stage('sample', () => sampler.collect({ task, policy: this.policy, rng: this.sampleRng, update: this.stepIndex, totalUpdates: this.totalUpdates }));
    this.envSteps += sampled.envSteps;
    if (task.kind === 'control') for (const ep of sampled.finishedEpisodes) this.episodes.push(ep.ret, ep.len);
    else this.tokens += sampled.envSteps;

    const wantsRef = advantage.needsReferenceLogp || this.pipeline.shapers.some((s) => s.needsReferenceLogp);
    if (wantsRef && this.reference) sampled.refLogp = await this.referenceLogp(sampled);
    for (const shaper of this.pipeline.shapers) await this.stage('shape', () => shaper.apply(sampled, maxSequenceLength(task)));
    let batch = sampled;
    for (const sel of selectors) {
      const keep = await this.stage('select', () => sel.keep(batch));
      batch = subsetBatch(batch, keep);
    }
    const keepFrac = sampled.seqs.length ? batch.seqs.length / sampled.seqs.length : 1;

    const row: MetricRow = { step: this.stepIndex + 1, ...baseEval };
    const rewards = sampled.seqs.filter((s) => s.terminated || s.truncated).map((s) => s.reward);
    if (rewards.length) {
      const { mean, std } = meanStd(rewards);
      row['reward/mean'] = mean;
      row['reward/std'] = std;
    }
    row['select/keep_frac'] = keepFrac;
    if (sampled.genRounds !== undefined) row['select/gen_rounds'] = sampled.genRounds;
    row['policy/entropy'] = meanStd(sampled.entropy).mean;

    if (batch.n > 0) {
      const adv = await this.stage('advantage', () => advantage.compute(batch));
      applyFixedAdvantages(batch, adv.advantages);
      this.checkFinite('advantage', adv.advantages);
      this.last = { batch, advantages: adv.advantages };
      const { mean, std } = meanStd(adv.advantages);
      const mm = minMax(adv.advantages);
      Object.assign(row, { 'adv/mean': mean, 'adv/std': std, 'adv/min': mm.min, 'adv/max': mm.max });
      row['group/zero_adv_frac'] = zeroAdvGroupFrac(batch, adv.advantages);
      row['adv/nonzero_frac'] = adv.advantages.reduce((n, a) => n + (Math.abs(a) > 1e-8 ? 1 : 0), 0) / adv.advantages.length;
      row['cov/logp_adv'] = covariance(batch.logpOld, adv.advantages);
      if (batch.values && adv.returns) row['value/explained_variance'] = explainedVariance(batch.values, adv.returns);
      const lr = this.learningRate(progress);
      row.lr = lr;
      const weighted = await this.stage('weight', () => this.stepWeights(batch, adv.advantages, progress));
      const stepWeights = weighted?.weights ?? null;
      if (stepWeights) row['weight/mean'] = meanStd(stepWeights).mean;
      const stepMask = combineMasks(batch.lossMask ?? null, weighted?.dropped ?? null);
      const tUpdate = performance.now();
      Object.assign(row, await this.stage('update', () => this.update(batch, adv.advantages, adv.returns, stepWeights, stepMask, lr, progress)));
      row['time/update_s'] = (performance.now() - tUpdate) / 1000;
    }

    const p = this.pipeline;
    Object.assign(row, moduleMetrics([p.sampler, ...p.shapers, ...p.selectors, p.advantage, ...p.weighters, p.surrogate, p.aggregator, ...p.regularisers]));
    this.stepIndex += 1;
    for (const reg of this.pipeline.regularisers) {
      const every = reg.refRefreshEvery > 0 && this.stepIndex % reg.refRefreshEvery === 0;
      if (this.reference && (every || reg.refreshReferenceAfter?.(this.stepIndex, this.totalUpdates))) {
        copyPolicy(this.policy, this.reference);
      }
    }
    if (this.episodes.count) {
      row['episode/return_mean'] = this.episodes.returnMean();
      row['episode/length_mean'] = this.episodes.lengthMean();
    }
    if (task.kind === 'language') {
      row['completion/length_mean'] = meanStd(sampled.seqs.map((s) => s.length)).mean;
      const every = this.config.schedule.evalEvery;
      if (every > 0 && (this.stepIndex % every === 0 || this.done) && this.stepIndex > 1) {
        Object.assign(row, await this.stage('measure', () => this.evaluate()));
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    if (task.kind === 'language') {
      row.tokens = this.tokens;
      row['speed/tokens_per_s'] = sampled.n / Math.max(seconds, 1e-9);
    }
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

  /** Held-out pass@1 and pass@k of the current policy (language tasks). */
  async evaluate(): Promise<Partial<MetricRow>> {
    const { task } = this.pipeline;
    if (task.kind !== 'language' || !(this.policy instanceof LanguagePolicy)) return {};
    const s = this.config.schedule;
    this.evalSet ??= task.evalSet(this.config.seed, s.evalPrompts);
    const sampling = { temperature: 1, topK: 0, topP: 1, minP: 0, ...(this.config.stages.sample.params as object) };
    const r = await evaluateLanguageWithTools(task, this.policy, this.evalSet, s.evalSamples, s.evalK, sampling, this.config.seed ^ 0xe7a1);
    return { 'eval/pass@1': r.passAt1, 'eval/pass@k': r.passAtK, 'eval/k': r.k };
  }

  /** log π_ref of every step of the batch (for a KL in the reward), one read-back. */
  private async referenceLogp(batch: Batch): Promise<Float32Array> {
    const all = Int32Array.from({ length: batch.n }, (_, i) => i);
    const t = tf.tidy(() => this.reference!.score(batch, all).logp);
    const out = (await t.data()) as Float32Array;
    t.dispose();
    return Float32Array.from(out);
  }

  /** One group of the last batch, token by token (language runs). */
  async inspect(): Promise<RolloutGroupSample | null> {
    if (!this.last || !(this.policy instanceof LanguagePolicy)) return null;
    const { batch, advantages } = this.last;
    return inspectGroup(this.policy, batch, advantages, batch.seqs[0]?.group ?? 0, this.stepIndex);
  }

  private learningRate(progress: number): number {
    const u = this.pipeline.update;
    return u.lrSchedule === 'linear' ? u.lr * (1 - progress) : u.lr;
  }

  /**
   * The product of the weight stage's per-step weights (null when the stage is empty), and the
   * steps a selecting module dropped (they leave the aggregation denominators too).
   */
  private stepWeights(batch: Batch, advantages: Float32Array, progress: number): { weights: Float32Array; dropped: Uint8Array | null } | null {
    const { weighters } = this.pipeline;
    if (weighters.length === 0) return null;
    const out = new Float32Array(batch.n).fill(1);
    let dropped: Uint8Array | null = null;
    const ctx = { progress, random: () => this.updateRng.next() };
    for (const w of weighters) {
      const ws = w.weights(batch, advantages, ctx);
      for (let i = 0; i < out.length; i++) out[i] *= ws[i];
      if (w.dropsZeroSteps) {
        dropped ??= new Uint8Array(batch.n);
        for (let i = 0; i < ws.length; i++) if (ws[i] === 0) dropped[i] = 1;
      }
    }
    this.checkFinite('weight', out);
    return { weights: out, dropped };
  }

  private async update(
    batch: Batch,
    advantages: Float32Array,
    returns: Float32Array | null,
    stepWeights: Float32Array | null,
    stepMask: Float32Array | null,
    lr: number,
    progress: number,
  ): Promise<Partial<MetricRow>> {
    const u = this.pipeline.update;
    const { surrogate, aggregator, regularisers, task } = this.pipeline;
    const policy = this.policy;
    const hasValue = returns !== null && batch.values !== null;
    const adv = advantages.slice();
    if (u.normAdvantages === 'batch') standardise(adv);
    const collected: tf.Tensor[] = [];
    const vars = policy.variables();

    for (let epoch = 0; epoch < u.epochs; epoch++) {
      for (const idx of minibatches(batch, policy.minibatchUnit, u.minibatches, this.updateRng)) {
        const m = idx.length;
        const oldLogp = new Float32Array(m);
        const mbAdv = new Float32Array(m);
        const seqIds = new Int32Array(m);
        const ret = new Float32Array(m);
        const oldV = new Float32Array(m);
        const stepReward = new Float32Array(m);
        const mask = stepMask ? new Float32Array(m) : null;
        const seqOfStep = batch.seqId;
        idx.forEach((j, i) => {
          stepReward[i] = batch.seqs[seqOfStep[j]].reward;
          if (mask) mask[i] = stepMask![j];
          oldLogp[i] = batch.logpOld[j];
          mbAdv[i] = adv[j];
          seqIds[i] = batch.seqId[j];
          if (hasValue) {
            ret[i] = returns![j];
            oldV[i] = batch.values![j];
          }
        });
        if (u.normAdvantages === 'minibatch' && m > 1) standardise(mbAdv);
        const aggW = mask ? maskedAggregation(aggregator, seqIds, mask, maxSequenceLength(task)) : aggregator.weights(seqIds, maxSequenceLength(task));
        const localSeq = localIds(seqIds);
        const lossW = aggW.slice();
        if (stepWeights) idx.forEach((j, i) => (lossW[i] *= stepWeights[j]));

        const metrics = tf.tidy(() => {
          const oldLogpT = tf.tensor1d(oldLogp);
          const advT = tf.tensor1d(mbAdv);
          const aggT = tf.tensor1d(aggW);
          const lossWT = stepWeights ? tf.tensor1d(lossW) : aggT;
          const retT = tf.tensor1d(ret);
          const oldVT = tf.tensor1d(oldV);
          const rewardT = tf.tensor1d(stepReward);
          const refLogp = this.reference ? this.reference.score(batch, idx).logp : null;
          let kept: tf.Tensor1D | null = null;
          const { value, grads } = tf.variableGrads(() => {
            const { logp, entropy, value: v } = policy.score(batch, idx);
            const ratio = tf.exp(tf.clipByValue(tf.sub(logp, oldLogpT), -20, 20)) as tf.Tensor1D;
            const x = { logp, ratio, adv: advT, logpOld: oldLogpT, entropy, progress, seqIds: localSeq.ids, seqCount: localSeq.count };
            const pgLoss = tf.sum(tf.mul(lossWT, surrogate.loss(x))) as tf.Scalar;
            let total: tf.Scalar = pgLoss;
            for (const reg of regularisers) {
              total = tf.add(total, reg.loss({ logp, refLogp, entropy, aggWeights: aggT, logpOld: oldLogpT, adv: advT, reward: rewardT, progress }));
            }
            let vLoss: tf.Scalar = tf.scalar(0);
            if (v && hasValue) {
              const unclipped = tf.square(tf.sub(v, retT));
              const clippedV = tf.add(oldVT, tf.clipByValue(tf.sub(v, oldVT), -u.vfClip, u.vfClip));
              vLoss = u.clipVloss
                ? tf.mul(0.5, tf.mean(tf.maximum(unclipped, tf.square(tf.sub(clippedV, retT)))))
                : tf.mul(0.5, tf.mean(unclipped));
              total = tf.add(total, tf.mul(u.vfCoef, vLoss));
            }
            const masks = surrogate.clipMasks(x);
            // k3 estimate of KL(π_θ ‖ π_ref), reported whether or not it is in the loss.
            const klRef = refLogp ? tf.mean(tf.sub(tf.sub(tf.exp(tf.sub(refLogp, logp)), tf.sub(refLogp, logp)), 1)) : tf.scalar(NaN);
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
          const { clipped, norm } = clipFlatGradNorm(vars.map((v) => grads[v.name]), u.maxGradNorm);
          this.optimizer.stepFlat(clipped, lr);
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
    return summarise(flat, collected.length, hasValue, this.reference !== null);
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

/**
 * Shuffled minibatches of step indices: steps split freely, or whole groups kept together (a
 * language policy scores a group's completions against one shared prompt).
 */
function minibatches(batch: Batch, unit: 'step' | 'group', count: number, rng: Rng): Int32Array[] {
  if (unit === 'step') {
    const perm = rng.permutation(batch.n);
    const size = Math.max(1, Math.ceil(batch.n / count));
    const out: Int32Array[] = [];
    for (let start = 0; start < batch.n; start += size) out.push(perm.subarray(start, Math.min(batch.n, start + size)));
    return out;
  }
  const groups = groupIndices(batch.seqs.map((s, i) => (s.group < 0 ? -1 - i : s.group)));
  const perm = rng.permutation(groups.length);
  const size = Math.max(1, Math.ceil(groups.length / count));
  const out: Int32Array[] = [];
  for (let start = 0; start < groups.length; start += size) {
    const steps: number[] = [];
    for (const gi of perm.subarray(start, Math.min(groups.length, start + size))) {
      for (const si of groups[gi]) {
        const s = batch.seqs[si];
        for (let t = s.start; t < s.start + s.length; t++) steps.push(t);
      }
    }
    out.push(Int32Array.from(steps));
  }
  return out;
}

/** Renumbers sequence ids 0..count−1 in order of first appearance. */
function localIds(ids: Int32Array): { ids: Int32Array; count: number } {
  const map = new Map<number, number>();
  const out = ids.map((id) => {
    let k = map.get(id);
    if (k === undefined) {
      k = map.size;
      map.set(id, k);
    }
    return k;
  });
  return { ids: out, count: map.size };
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
