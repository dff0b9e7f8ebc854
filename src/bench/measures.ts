/**
 * Engine measurements for the benchmark suite (`npm run bench`). Pure engine code, no DOM and no
 * Node: the same functions run in Node (bench/node-figures.ts) and in a browser worker
 * (src/bench/bench.worker.ts). The caller chooses the backend first (initBackend).
 */
import * as tf from '@tensorflow/tfjs';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../engine/config/schema';
import type { Batch } from '../engine/core/batch';
import { Rng } from '../engine/core/rng';
import type { CheckpointSource } from '../engine/policy/checkpoint';
import { LanguagePolicy } from '../engine/policy/language-policy';
import { sampleWithKvCache } from '../engine/policy/transformer/kv-sampler';
import { completionLogits, type PrefixMode } from '../engine/policy/transformer/completion-logits';
import { drawFromProbs, samplingProbs, type SamplingParams } from '../engine/policy/transformer/sampling-filters';
import { Transformer } from '../engine/policy/transformer/transformer';
import { TransformerConfigSchema, type TransformerConfig } from '../engine/policy/transformer/transformer-config';
import { EOS, FIRST_CHAR_ID, PAD, VOCAB_SIZE } from '../engine/tasks/language/vocab';
import { Trainer } from '../engine/trainer/trainer';

const now = () => performance.now();

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function validConfig(input: RunConfigInput | unknown): RunConfig {
  const parsed = parseRunConfig(input);
  if (!parsed.ok) throw new Error(`bench config refused: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.config;
}

// ---------------------------------------------------------------------------------------------
// 1. matmul

export interface MatmulResult {
  backend: string;
  size: number;
  gflops: number;
  /** Median milliseconds per matmul (the result read back). */
  msPerMatmul: number;
  reps: number;
}

/**
 * n×n fp32 matmul on the current backend. Each repetition queues `inner` independent products
 * and reads the last one back (a GPU queue runs in order, so that waits for all of them); the
 * figure is the median repetition, after `warmup` untimed ones.
 */
export async function matmulGflops(
  size: number,
  opts: { warmup: number; minReps: number; maxReps: number; minMs: number; inner: number },
): Promise<MatmulResult> {
  const a = tf.randomNormal([size, size], 0, 1, 'float32', 1);
  const b = tf.randomNormal([size, size], 0, 1, 'float32', 2);
  const once = async () => {
    const t0 = now();
    const outs: tf.Tensor[] = [];
    for (let i = 0; i < opts.inner; i++) outs.push(tf.matMul(a, b));
    await outs[outs.length - 1].data();
    const ms = (now() - t0) / opts.inner;
    outs.forEach((t) => t.dispose());
    return ms;
  };
  for (let i = 0; i < opts.warmup; i++) await once(); // kernel compilation, first allocations
  const times: number[] = [];
  const start = now();
  while (times.length < Math.max(1, opts.minReps) || (now() - start < opts.minMs && times.length < opts.maxReps)) times.push(await once());
  a.dispose();
  b.dispose();
  const ms = median(times);
  return { backend: tf.getBackend(), size, gflops: (2 * size ** 3) / (ms / 1000) / 1e9, msPerMatmul: ms, reps: times.length };
}

// ---------------------------------------------------------------------------------------------
// 4. GRPO on a language task: tokens per second and the update's achieved FLOP/s

export interface LmGrpoResult {
  backend: string;
  params: number;
  transformer: TransformerConfig;
  prompts: number;
  groupSize: number;
  updates: number;
  /** Sampled (and then trained) tokens per second of whole updates. */
  tokensPerS: number;
  tokensPerUpdate: number;
  msPerUpdate: number;
  msSamplePerUpdate: number;
  msTrainPerUpdate: number;
  /** Analytic model FLOPs of the training part of one update (forward+backward, reference forward). */
  trainFlopsPerUpdate: number;
  trainFlopsPerS: number;
  /** Forward positions the training part runs per update. */
  trainPositionsPerUpdate: number;
  prefixMode: string;
  reference: boolean;
}

/**
 * Model FLOPs of one forward position: 2 per parameter (every weight is used in a matmul, the
 * embeddings too: gatherRows is a one-hot matmul) plus attention, 4·d per key per layer (QKᵀ and
 * attention·V, over every key the mask is applied to).
 */
export function forwardFlopsPerPosition(params: number, cfg: TransformerConfig, keys: number): number {
  return 2 * params + 4 * cfg.layers * cfg.dModel * keys;
}

/**
 * Forward positions and their FLOPs of one scoring call (completionLogits) on a language batch:
 * 'shared-prefix' runs each group's prompt once (P keys) and the completions after it
 * (P+S−1 keys); 'plain' runs every row in full (P+S−1 keys).
 */
export function scoringFlops(batch: Batch, steps: Int32Array, params: number, cfg: TransformerConfig, mode: PrefixMode): { positions: number; flops: number } {
  const lm = batch.lm!;
  const S = lm.steps;
  const seqs = [...new Set(Array.from(steps, (t) => batch.seqId[t]))];
  const groups = new Set(seqs.map((s) => batch.seqs[s].group)).size;
  const P = Math.max(...seqs.map((s) => lm.prompts[s].length));
  const n = seqs.length;
  if (mode === 'plain') {
    const positions = n * (P + S - 1);
    return { positions, flops: positions * forwardFlopsPerPosition(params, cfg, P + S - 1) };
  }
  const promptPos = groups * P;
  const complPos = n * (S - 1);
  return {
    positions: promptPos + complPos,
    flops: promptPos * forwardFlopsPerPosition(params, cfg, P) + complPos * forwardFlopsPerPosition(params, cfg, P + S - 1),
  };
}

/**
 * Runs a language GRPO config for `warmup` + `updates` updates and times the measured ones. The
 * trainer is instrumented from outside (its sampler's collect and its policy's score are wrapped)
 * to split sampling from training and to count the positions the training forward runs.
 */
export async function lmGrpo(input: RunConfigInput, checkpoints: CheckpointSource, warmup: number, updates: number): Promise<LmGrpoResult> {
  const config = validConfig({ ...input, schedule: { ...input.schedule, updates: warmup + updates, evalEvery: 0 } });
  const trainer = await Trainer.create(config, { checkpoints });
  try {
    const policy = trainer.policy;
    if (!(policy instanceof LanguagePolicy)) throw new Error('lmGrpo needs a language config');
    const cfg = policy.model.config;
    const params = policy.model.parameterCount();
    const reference = trainer.pipeline.regularisers.some((r) => r.needsReference);
    let sampleMs = 0;
    let trainFlops = 0;
    let trainPositions = 0;
    const sampler = trainer.pipeline.sampler;
    const collect = sampler.collect.bind(sampler);
    sampler.collect = async (ctx) => {
      const t0 = now();
      try {
        return await collect(ctx);
      } finally {
        sampleMs += now() - t0;
      }
    };
    const score = policy.score.bind(policy);
    policy.score = (batch, steps) => {
      const f = scoringFlops(batch, steps, params, cfg, policy.prefixMode);
      // forward + backward ≈ 3 forwards; the reference model scores the same minibatch forward only.
      trainFlops += f.flops * (3 + (reference ? 1 : 0));
      trainPositions += f.positions * (1 + (reference ? 1 : 0));
      return score(batch, steps);
    };
    let tokensBefore = 0;
    for (let i = 0; i < warmup; i++) tokensBefore = (await trainer.step()).tokens ?? 0;
    sampleMs = 0;
    trainFlops = 0;
    trainPositions = 0;
    let tokensAfter = tokensBefore;
    const t0 = now();
    for (let i = 0; i < updates; i++) tokensAfter = (await trainer.step()).tokens ?? 0;
    const ms = now() - t0;
    const tokens = tokensAfter - tokensBefore;
    const trainMs = ms - sampleMs;
    const sample = config.stages.sample.params as { prompts?: number; groupSize?: number };
    return {
      backend: tf.getBackend(),
      params,
      transformer: cfg,
      prompts: sample.prompts ?? 0,
      groupSize: sample.groupSize ?? 0,
      updates,
      tokensPerS: tokens / (ms / 1000),
      tokensPerUpdate: tokens / updates,
      msPerUpdate: ms / updates,
      msSamplePerUpdate: sampleMs / updates,
      msTrainPerUpdate: trainMs / updates,
      trainFlopsPerUpdate: trainFlops / updates,
      trainFlopsPerS: trainFlops / (trainMs / 1000),
      trainPositionsPerUpdate: trainPositions / updates,
      prefixMode: policy.prefixMode,
      reference,
    };
  } finally {
    trainer.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. KV-cached sampling vs recomputing the prefix

const PLAIN_SAMPLING: SamplingParams = { temperature: 1, topK: 0, topP: 1, minP: 0 };

/** Random character prompts of one length (no padding), `rows` of them. */
function randomPrompts(rows: number, length: number, rng: Rng): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length }, () => FIRST_CHAR_ID + rng.int(VOCAB_SIZE - FIRST_CHAR_ID)));
}

/**
 * The baseline the KV cache is measured against: the same draws as sampleWithKvCache (same
 * uniforms, the same <eos>/<pad> handling, the same log-prob and entropy per step, one read-back at
 * the end) but each step runs a plain causal forward over the whole sequence so far.
 */
export async function sampleByRecompute(
  model: Transformer,
  prompts: number[][],
  maxNew: number,
  sampling: SamplingParams,
  rng: Rng,
): Promise<Int32Array> {
  const rows = prompts.length;
  const width = prompts[0].length;
  const uniforms = new Float32Array(rows * maxNew);
  for (let i = 0; i < uniforms.length; i++) uniforms[i] = rng.next();
  const uniT = tf.tensor2d(uniforms, [rows, maxNew]);
  let seq = tf.tensor2d(Int32Array.from(prompts.flat()), [rows, width], 'int32');
  let done = tf.zeros([rows], 'bool') as tf.Tensor1D;
  const record: tf.Tensor[] = [];
  for (let s = 0; s < maxNew; s++) {
    const next = tf.tidy(() => {
      const t = seq.shape[1];
      const logits = model.forward(seq);
      const last = logits.slice([0, t - 1, 0], [rows, 1, -1]).reshape([rows, -1]) as tf.Tensor2D;
      const probs = samplingProbs(last, sampling);
      const u = uniT.slice([0, s], [rows, 1]).reshape([rows]) as tf.Tensor1D;
      const drawn = drawFromProbs(probs, u);
      const token = tf.where(done, tf.fill([rows], PAD, 'int32'), drawn) as tf.Tensor1D;
      const logAll = tf.logSoftmax(tf.div(last, sampling.temperature));
      const logp = tf.sum(tf.mul(logAll, tf.oneHot(token, model.vocabSize)), 1);
      const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logAll), logAll), 1));
      const nowDone = tf.logicalOr(done, tf.equal(token, EOS)) as tf.Tensor1D;
      return { token, logp, entropy, nowDone, seq: tf.concat([seq, token.reshape([rows, 1])], 1) as tf.Tensor2D };
    });
    record.push(next.token, next.logp, next.entropy);
    seq.dispose();
    done.dispose();
    seq = next.seq;
    done = next.nowDone;
  }
  const packed = tf.tidy(() => tf.stack(record.filter((_, i) => i % 3 === 0)).toFloat()); // [steps, rows]
  const flat = (await packed.data()) as Float32Array;
  const logs = tf.stack(record.filter((_, i) => i % 3 !== 0));
  await logs.data();
  for (const t of [packed, logs, seq, done, uniT, ...record]) t.dispose();
  const tokens = new Int32Array(rows * maxNew);
  for (let s = 0; s < maxNew; s++) for (let r = 0; r < rows; r++) tokens[r * maxNew + s] = flat[s * rows + r];
  return tokens;
}

export interface KvCacheResult {
  backend: string;
  rows: number;
  promptLength: number;
  newTokens: number;
  msKv: number;
  msRecompute: number;
  speedup: number;
  /** Share of drawn tokens on which both samplers agree (same uniforms, same weights). */
  tokenAgreement: number;
  reps: number;
}

export async function kvCacheSpeedup(opts: { rows: number; promptLength: number; newTokens: number; reps: number; seed?: number }): Promise<KvCacheResult> {
  const cfg = TransformerConfigSchema.parse({});
  const seed = opts.seed ?? 7;
  const model = new Transformer(cfg, VOCAB_SIZE, new Rng(seed), 'bench-kv');
  try {
    const prompts = randomPrompts(opts.rows, opts.promptLength, new Rng(seed + 1));
    const kv = async () => {
      const t0 = now();
      const out = await sampleWithKvCache(model, prompts, opts.newTokens, PLAIN_SAMPLING, new Rng(seed + 2), { eos: EOS, pad: PAD });
      return { ms: now() - t0, tokens: out.tokens };
    };
    const full = async () => {
      const t0 = now();
      const tokens = await sampleByRecompute(model, prompts, opts.newTokens, PLAIN_SAMPLING, new Rng(seed + 2));
      return { ms: now() - t0, tokens };
    };
    const a = await kv(); // warm-up (kernel compilation), also the tokens compared
    const b = await full();
    let same = 0;
    for (let i = 0; i < a.tokens.length; i++) if (a.tokens[i] === b.tokens[i]) same++;
    const tk: number[] = [];
    const tf_: number[] = [];
    for (let r = 0; r < opts.reps; r++) {
      tk.push((await kv()).ms);
      tf_.push((await full()).ms);
    }
    const msKv = median(tk);
    const msRecompute = median(tf_);
    return {
      backend: tf.getBackend(),
      rows: opts.rows,
      promptLength: opts.promptLength,
      newTokens: opts.newTokens,
      msKv,
      msRecompute,
      speedup: msRecompute / msKv,
      tokenAgreement: same / a.tokens.length,
      reps: opts.reps,
    };
  } finally {
    model.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Prefix Grouper: shared-prefix vs plain forward+backward

export interface PrefixGrouperResult {
  backend: string;
  prompts: number;
  groupSize: number;
  promptLength: number;
  completionLength: number;
  msPlain: number;
  msShared: number;
  speedup: number;
  /** max |∂L/∂θ (plain) − ∂L/∂θ (shared-prefix)| over every parameter. */
  maxGradDiff: number;
  /** The same, divided by max |∂L/∂θ|. */
  relGradDiff: number;
  /** max |logits plain − logits shared-prefix| of the forward. */
  maxLogitDiff: number;
  /** The loss (mean negative log-likelihood per completion) of each mode. */
  lossPlain: number;
  lossShared: number;
  reps: number;
}

/**
 * Forward+backward of the completions' log-likelihood (what a policy-gradient loss differentiates)
 * through completionLogits in either mode, on the default tiny transformer.
 */
export async function prefixGrouperSpeedup(opts: { prompts: number; groupSize: number; promptLength: number; completionLength: number; reps: number; seed?: number }): Promise<PrefixGrouperResult> {
  const cfg = TransformerConfigSchema.parse({});
  const seed = opts.seed ?? 11;
  const model = new Transformer(cfg, VOCAB_SIZE, new Rng(seed), 'bench-pg');
  const rng = new Rng(seed + 1);
  const prompts = randomPrompts(opts.prompts, opts.promptLength, rng);
  const n = opts.prompts * opts.groupSize;
  const S = opts.completionLength;
  const completions = Int32Array.from({ length: n * S }, () => FIRST_CHAR_ID + rng.int(VOCAB_SIZE - FIRST_CHAR_ID));
  const target = tf.oneHot(tf.tensor1d(completions, 'int32'), VOCAB_SIZE).reshape([n, S, VOCAB_SIZE]);
  const vars = model.variables();
  const grads = (mode: PrefixMode) =>
    tf.tidy(() => {
      const { grads: g } = tf.variableGrads(() => {
        const logits = completionLogits(model, prompts, completions, opts.groupSize, S, PAD, mode);
        return tf.div(tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), target))), n) as tf.Scalar;
      }, vars);
      return vars.map((v) => g[v.name]);
    });
  const timed = async (mode: PrefixMode) => {
    const t0 = now();
    const g = grads(mode);
    await Promise.all(g.map((t) => t.data()));
    const ms = now() - t0;
    g.forEach((t) => t.dispose());
    return ms;
  };
  try {
    const [lossPlain, lossShared, maxLogitDiff] = await (async () => {
      const out = tf.tidy(() => {
        const lp = completionLogits(model, prompts, completions, opts.groupSize, S, PAD, 'plain');
        const ls = completionLogits(model, prompts, completions, opts.groupSize, S, PAD, 'shared-prefix');
        const loss = (l: tf.Tensor) => tf.div(tf.neg(tf.sum(tf.mul(tf.logSoftmax(l), target))), n);
        return tf.stack([loss(lp), loss(ls), tf.max(tf.abs(tf.sub(lp, ls)))]);
      });
      const v = Array.from(await out.data());
      out.dispose();
      return v;
    })();
    const gp = grads('plain');
    const gs = grads('shared-prefix');
    const diff = tf.tidy(() => tf.max(tf.stack(gp.map((a, i) => tf.max(tf.abs(tf.sub(a, gs[i]))))) ));
    const scale = tf.tidy(() => tf.max(tf.stack(gp.map((a) => tf.max(tf.abs(a))))));
    const maxGradDiff = (await diff.data())[0];
    const maxGrad = (await scale.data())[0];
    [...gp, ...gs, diff, scale].forEach((t) => t.dispose());
    const tp: number[] = [];
    const ts: number[] = [];
    for (let r = 0; r < opts.reps; r++) {
      tp.push(await timed('plain'));
      ts.push(await timed('shared-prefix'));
    }
    const msPlain = median(tp);
    const msShared = median(ts);
    return {
      backend: tf.getBackend(),
      prompts: opts.prompts,
      groupSize: opts.groupSize,
      promptLength: opts.promptLength,
      completionLength: S,
      msPlain,
      msShared,
      speedup: msPlain / msShared,
      maxGradDiff,
      relGradDiff: maxGradDiff / Math.max(maxGrad, 1e-30),
      maxLogitDiff,
      lossPlain,
      lossShared,
      reps: opts.reps,
    };
  } finally {
    target.dispose();
    model.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// 8. Tensor leaks over many updates

export interface TensorsDriftResult {
  backend: string;
  early: number;
  late: number;
  tensorsEarly: number;
  tensorsLate: number;
  drift: number;
  bytesDrift: number;
  msPerUpdate: number;
}

/** tf.memory().numTensors after `late` updates minus after `early` updates of one run. */
export async function tensorsDrift(input: RunConfigInput, early: number, late: number): Promise<TensorsDriftResult> {
  const config = validConfig({ ...input, schedule: { ...input.schedule, updates: late } });
  const trainer = await Trainer.create(config);
  try {
    let tensorsEarly = 0;
    let bytesEarly = 0;
    const t0 = now();
    for (let i = 1; i <= late; i++) {
      await trainer.step();
      if (i === early) {
        tensorsEarly = tf.memory().numTensors;
        bytesEarly = tf.memory().numBytes;
      }
    }
    const ms = now() - t0;
    const m = tf.memory();
    return {
      backend: tf.getBackend(),
      early,
      late,
      tensorsEarly,
      tensorsLate: m.numTensors,
      drift: m.numTensors - tensorsEarly,
      bytesDrift: m.numBytes - bytesEarly,
      msPerUpdate: ms / late,
    };
  } finally {
    trainer.dispose();
  }
}
