import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';
import type { LayerKV, Transformer } from './transformer';
import { drawFromProbs, samplingProbs, type SamplingParams } from './sampling-filters';
import { layoutPrompts, paddedCausalMask, positionsFor } from './batch-layout';

export interface SampledCompletions {
  rows: number;
  /** Generated steps per row (max new tokens); tokens after <eos> are <pad>. */
  steps: number;
  tokens: Int32Array; // [rows × steps]
  /** log π(token) under the temperature-scaled, untruncated model distribution. */
  logp: Float32Array;
  /** Entropy of that full distribution at each step. */
  entropy: Float32Array;
  /** Tokens up to and including <eos> (or `steps` when none came). */
  lengths: Int32Array;
}

export interface KvSampleOptions {
  /**
   * Tokens to emit instead of sampling, [rows × maxNew], −1 where the model samples: hint
   * prefixes (IGPO), whole demonstrations (HPT), tool outputs inserted between turns.
   * A forced token never ends its row; its log-prob and entropy are still the model's.
   */
  forced?: Int32Array;
  /** Tokens besides <eos> that end a row when the model samples them (a tool call's end). */
  stopTokens?: number[];
}

/**
 * Samples one completion per prompt with a KV cache that stays on the device: the prompt is
 * encoded once, then each step feeds only the new token. Tokens, log-probs and entropies stay on
 * the device until the whole batch is drawn, then come back in a single read.
 */
export async function sampleWithKvCache(
  model: Transformer,
  prompts: number[][],
  maxNew: number,
  sampling: SamplingParams,
  rng: Rng,
  ids: { eos: number; pad: number },
  opts: KvSampleOptions = {},
): Promise<SampledCompletions> {
  const layout = layoutPrompts(prompts, ids.pad);
  const { rows, width } = layout;
  if (width + maxNew > model.config.context) {
    throw new Error(`prompt (${width}) + completion (${maxNew}) exceeds the model context (${model.config.context})`);
  }
  const uniforms = new Float32Array(rows * maxNew);
  for (let i = 0; i < uniforms.length; i++) uniforms[i] = rng.next();

  // Prefill: the whole prompt at once.
  let { last, kv } = tf.tidy(() => {
    const out = model.run(
      tf.tensor2d(layout.tokens, [rows, width], 'int32'),
      tf.tensor2d(positionsFor(layout.pads, 0, width), [rows, width], 'int32'),
      tf.tensor4d(paddedCausalMask(layout.pads, 0, width), [rows, 1, width, width]),
      null,
    );
    return { last: out.logits.slice([0, width - 1, 0], [rows, 1, -1]).reshape([rows, -1]) as tf.Tensor2D, kv: out.kv };
  });
  // Pad keys stay blocked for every later query.
  const padKeys = new Float32Array(rows * width);
  layout.pads.forEach((pad, r) => padKeys.fill(-1e9, r * width, r * width + pad));
  let keyMask = tf.tensor2d(padKeys, [rows, width]);
  let done = tf.zeros([rows], 'bool') as tf.Tensor1D;
  const uniT = tf.tensor2d(uniforms, [rows, maxNew]);
  const forced = opts.forced ?? null;
  if (forced && forced.length !== rows * maxNew) throw new Error(`forced tokens: expected ${rows * maxNew}, got ${forced.length}`);
  const stops = [ids.eos, ...(opts.stopTokens ?? [])];
  // Forced tokens step-major, so that step s reads one contiguous column.
  const forcedT = forced ? tf.tensor2d(transposeRows(forced, rows, maxNew), [maxNew, rows], 'int32') : null;
  const record: tf.Tensor[] = [];

  for (let s = 0; s < maxNew; s++) {
    const next = tf.tidy(() => {
      const probs = samplingProbs(last, sampling);
      const u = uniT.slice([0, s], [rows, 1]).reshape([rows]) as tf.Tensor1D;
      let drawn = drawFromProbs(probs, u);
      let isForced: tf.Tensor1D | null = null;
      if (forcedT) {
        const f = forcedT.slice([s, 0], [1, rows]).reshape([rows]) as tf.Tensor1D;
        isForced = tf.greaterEqual(f, 0) as tf.Tensor1D;
        drawn = tf.where(isForced, f, drawn) as tf.Tensor1D;
      }
      const token = tf.where(done, tf.fill([rows], ids.pad, 'int32'), drawn) as tf.Tensor1D;
      const logAll = tf.logSoftmax(tf.div(last, sampling.temperature));
      const logp = tf.sum(tf.mul(logAll, tf.oneHot(token, model.vocabSize)), 1);
      const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logAll), logAll), 1));
      let stopped: tf.Tensor = tf.equal(token, stops[0]);
      for (const t of stops.slice(1)) stopped = tf.logicalOr(stopped, tf.equal(token, t));
      if (isForced) stopped = tf.logicalAnd(stopped, tf.logicalNot(isForced));
      const nowDone = tf.logicalOr(done, stopped) as tf.Tensor1D;
      return { token, logp, entropy, nowDone };
    });
    record.push(next.token, next.logp, next.entropy);
    done.dispose();
    done = next.nowDone;
    if (s === maxNew - 1) break;
    const step = tf.tidy(() => {
      const mask = tf.concat([keyMask, tf.zeros([rows, 1])], 1) as tf.Tensor2D;
      const out = model.run(
        next.token.reshape([rows, 1]) as tf.Tensor2D,
        tf.tensor2d(positionsFor(layout.pads, width + s, 1), [rows, 1], 'int32'),
        mask.reshape([rows, 1, 1, width + s + 1]) as tf.Tensor4D,
        kv,
      );
      return { last: out.logits.reshape([rows, -1]) as tf.Tensor2D, kv: out.kv, mask };
    });
    last.dispose();
    disposeKv(kv);
    keyMask.dispose();
    last = step.last;
    kv = step.kv;
    keyMask = step.mask;
  }

  const packed = tf.tidy(() =>
    tf.stack([
      tf.stack(record.filter((_, i) => i % 3 === 0)).toFloat(),
      tf.stack(record.filter((_, i) => i % 3 === 1)),
      tf.stack(record.filter((_, i) => i % 3 === 2)),
    ]),
  ); // [3, steps, rows]
  const flat = (await packed.data()) as Float32Array;
  for (const t of [packed, last, keyMask, done, uniT, ...record]) t.dispose();
  forcedT?.dispose();
  disposeKv(kv);

  const tokens = new Int32Array(rows * maxNew);
  const logp = new Float32Array(rows * maxNew);
  const entropy = new Float32Array(rows * maxNew);
  const lengths = new Int32Array(rows).fill(maxNew);
  const plane = maxNew * rows;
  for (let s = 0; s < maxNew; s++) {
    for (let r = 0; r < rows; r++) {
      const src = s * rows + r;
      const dst = r * maxNew + s;
      tokens[dst] = flat[src];
      logp[dst] = flat[plane + src];
      entropy[dst] = flat[2 * plane + src];
    }
  }
  // A row ends at its first sampled stop token; after it come only <pad>s.
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < maxNew; s++) {
      const i = r * maxNew + s;
      if ((forced === null || forced[i] < 0) && stops.includes(tokens[i])) {
        lengths[r] = s + 1;
        break;
      }
    }
  }
  return { rows, steps: maxNew, tokens, logp, entropy, lengths };
}

function disposeKv(kv: LayerKV[]): void {
  for (const { k, v } of kv) {
    k.dispose();
    v.dispose();
  }
}

function transposeRows(xs: Int32Array, rows: number, cols: number): Int32Array {
  const out = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = xs[r * cols + c];
  return out;
}
